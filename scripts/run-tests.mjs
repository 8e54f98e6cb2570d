#!/usr/bin/env node
// Runs vitest inside a private Secret Service, so keychain tests use a real keyring without ever
// touching the user's: a fresh D-Bus session (dbus-run-session) with its own gnome-keyring-daemon,
// unlocked with a throw-away password, keeping its files in a temp XDG_DATA_HOME.
//
//   node scripts/run-tests.mjs [vitest args…]      e.g. --project unit, test/integration
//
// Exit code: vitest's. When dbus-run-session or gnome-keyring-daemon is missing, this says so
// loudly and runs vitest anyway; keychain suites then skip with the reason in their names.
import { spawn } from 'node:child_process'
import { accessSync, constants as fsConstants, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { constants, tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)
const banner = (lines) => console.warn(['', '='.repeat(78), ...lines.map((l) => `  ${l}`), '='.repeat(78), ''].join('\n'))

/** Absolute path of an executable on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, fsConstants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return null
}

/** Spawns a child with inherited stdio, forwards Ctrl-C / SIGTERM, resolves with its exit code. */
function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', env, cwd: root })
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', (error) => {
      console.error(`run-tests: could not start ${command}: ${error.message}`)
      resolve(127)
    })
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0))
    })
  })
}

async function runVitest(env) {
  // Same Node as ours (the shebang of node_modules/.bin/vitest would pick whatever is on PATH).
  const vitest = realpathSync(join(root, 'node_modules', '.bin', 'vitest'))
  // Unless the caller picked reporters, add a JSON report so we can end with one plain summary
  // line ("vitest: N passed, N failed, N skipped") that CI logs and tools can read.
  const summarise = !args.some((arg) => arg.startsWith('--reporter'))
  const reportDir = summarise ? mkdtempSync(join(tmpdir(), 'coffer-test-report-')) : null
  const report = reportDir ? join(reportDir, 'vitest.json') : null
  const extra = report ? ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : []
  try {
    const code = await run(process.execPath, [vitest, 'run', ...extra, ...args], env)
    if (report) printSummary(report)
    return code
  } finally {
    if (reportDir) rmSync(reportDir, { recursive: true, force: true })
  }
}

function printSummary(report) {
  let result
  try {
    result = JSON.parse(readFileSync(report, 'utf8'))
  } catch {
    return // vitest failed before writing a report; its own output says why
  }
  const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0)
  console.log(`\nvitest: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`)
}

async function main() {
  if (process.env.COFFER_TEST_KEYRING === '1') return runVitest(process.env)

  if (process.platform !== 'linux') {
    banner([
      `Keychain tests use this machine's own keychain (${process.platform}), under throw-away`,
      'service names (Coffer-test-…) that the tests delete afterwards.'
    ])
    return runVitest(process.env)
  }

  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((tool) => !which(tool))
  if (missing.length > 0) {
    banner([
      `KEYCHAIN TESTS WILL BE SKIPPED: ${missing.join(' and ')} not found on PATH.`,
      'They need a private Secret Service. On Debian/Ubuntu: sudo apt-get install dbus gnome-keyring',
      'Every other test runs now.'
    ])
    return runVitest(process.env)
  }

  // Private XDG dirs: the keyring files and the daemon's control socket live here, not in $HOME
  // or /run/user, so a desktop keyring that is already running is neither read nor disturbed.
  const scratch = mkdtempSync(join(tmpdir(), 'coffer-test-keyring-'))
  const env = {
    ...process.env,
    COFFER_TEST_KEYRING: '1',
    XDG_DATA_HOME: join(scratch, 'data'),
    XDG_RUNTIME_DIR: scratch,
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_CACHE_HOME: join(scratch, 'cache')
  }
  // dbus-run-session starts a fresh session bus, runs the shell, and tears the bus down (and with
  // it the keyring daemon) when the shell exits. The node command travels as "$0" "$@", unquoted
  // by nobody, so paths with spaces survive.
  const script =
    'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || ' +
    '{ echo "run-tests: gnome-keyring-daemon failed to start" >&2; exit 1; }; exec "$0" "$@"'
  try {
    return await run(
      'dbus-run-session',
      ['--', 'sh', '-c', script, process.execPath, fileURLToPath(import.meta.url), ...args],
      env
    )
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

process.exitCode = await main()
