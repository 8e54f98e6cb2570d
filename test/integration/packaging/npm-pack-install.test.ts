/**
 * SLOW (about 1–2 minutes): `npm pack`, then `npm install -g ./coffer-*.tgz` into an empty prefix,
 * which downloads the runtime dependencies and compiles the native ones (better-sqlite3, keytar)
 * there; then the installed `coffer` runs `status` and `serve --demo --metrics`. Needs the build in
 * out/ (`npm test` builds first; by hand: `npx electron-vite build`).
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../helpers/run-coffer'
import { makeTempDir, removeTempDir } from '../../helpers/temp-dir'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Node's own install folder (bin/node's parent): its headers build native modules for this Node. */
const nodeHome = dirname(dirname(process.execPath))

/** Runs a command to its end (or kills it after `timeoutMs`), with this Node first on PATH. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${options.timeoutMs} ms\n${stdout}\n${stderr}`))
    }, options.timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Starts the installed `coffer serve …` and resolves with its printed output once it shows the URL. */
function startInstalledServe(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const stop = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      child.kill('SIGTERM')
      await exited
    }
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`the installed coffer serve printed no URL within 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      if (/Prometheus metrics: http:\/\/127\.0\.0\.1:\d+\/metrics \(its token is in \S+\)/.test(output)) {
        clearTimeout(timer)
        resolve({ output, stop })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the installed coffer serve exited with ${code}:\n${output}`))
    })
  })
}

describe('npm pack → npm install -g ./coffer-*.tgz into a clean prefix → coffer works (SLOW: ~1–2 min)', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await removeTempDir(dir)
  })

  it('packs the built CLI, renderer and plan catalog (no sources, tests, fixtures or source maps); installed, `coffer status` and `coffer serve --demo` work', { timeout: 300_000 }, async () => {
    for (const built of ['out/main/cli.js', 'out/renderer/index.html']) {
      if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: the package ships the build. Run \`npx electron-vite build\` (npm test builds first).`)
    }
    const work = await makeTempDir('coffer-pack-')
    dirs.push(work)

    // --ignore-scripts: prepack would rebuild out/, which `npm test` has just built.
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, timeoutMs: 60_000 })
    expect(packed.code, packed.stderr).toBe(0)
    const [manifest] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[]
    const files = (manifest?.files ?? []).map((file) => file.path)
    for (const needed of ['package.json', 'bin/coffer.js', 'out/main/cli.js', 'out/renderer/index.html', 'resources/plans/catalog.json']) expect(files).toContain(needed)
    expect(files.some((file) => file.startsWith('out/renderer/assets/') && file.endsWith('.js'))).toBe(true)
    const unwanted = files.filter((file) => /^(src|test|bench|scripts|docs|\.ci|\.github)\//.test(file) || /\.map$|fixture|\.test\.|tsconfig/.test(file))
    expect(unwanted).toEqual([])
    const tarball = join(work, manifest?.filename ?? 'missing.tgz')
    expect(statSync(tarball).size).toBeGreaterThan(10_000)

    // A clean prefix: nothing but what npm installs for the tarball. Native modules compile
    // against this Node's headers (as .ci/run does), not /usr's older Node.
    const prefix = join(work, 'prefix')
    const installed = await run('npm', ['install', '-g', tarball, '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: work,
      env: { npm_config_nodedir: nodeHome, npm_config_update_notifier: 'false' },
      timeoutMs: 240_000
    })
    expect(installed.code, `${installed.stdout}\n${installed.stderr}`).toBe(0)
    const bin = join(prefix, 'bin', 'coffer')
    expect(existsSync(bin)).toBe(true)
    const packageDir = join(prefix, 'lib', 'node_modules', 'coffer')
    const top = readdirSync(packageDir)
    expect(top).toEqual(expect.arrayContaining(['README.md', 'bin', 'node_modules', 'out', 'package.json', 'resources']))
    // npm adds README and LICENSE files by itself; nothing else may come along.
    expect(top.filter((name) => !['README.md', 'bin', 'node_modules', 'out', 'package.json', 'resources'].includes(name) && !/^LICEN[CS]E/i.test(name))).toEqual([])
    expect(readdirSync(join(packageDir, 'out')).sort()).toEqual(['main', 'renderer'])

    const home = join(work, 'home')
    const env = { COFFER_HOME: home, COFFER_KEYCHAIN_SERVICE: 'Coffer-test-pack-install' }
    const status = await run(bin, ['status'], { cwd: work, env, timeoutMs: 30_000 })
    expect(status.code, status.stderr).toBe(0)
    expect(status.stdout).toContain('No accounts yet.')
    const statusJson = await run(bin, ['status', '--json'], { cwd: work, env, timeoutMs: 30_000 })
    expect(JSON.parse(statusJson.stdout)).toMatchObject({ accounts: [] })
    expect(status.stderr).not.toContain('tsx') // the built CLI ran, not the source fallback

    const serve = await startInstalledServe(bin, ['serve', '--demo', '--port', '0', '--metrics'], env)
    try {
      const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(serve.output)?.[0] ?? 'http://missing')
      const token = url.hash.replace('#token=', '')
      const page = await fetch(`${url.origin}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="root">')
      const accounts = (await (await fetch(`${url.origin}/api/call/accounts:list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' })).json()) as { ok: boolean; value: unknown[] }
      expect(accounts.ok).toBe(true)
      expect(accounts.value.length).toBeGreaterThan(2)
      // prom-client came with the package: the demo ledger's balances are on /metrics.
      const tokenFile = /its token is in (\S+)\)/.exec(serve.output)?.[1] as string
      const metrics = await fetch(`${url.origin}/metrics`, { headers: { authorization: `Bearer ${readFileSync(tokenFile, 'utf8').trim()}` } })
      expect(metrics.status).toBe(200)
      expect(await metrics.text()).toMatch(/^coffer_balance\{/m)
      // The plan catalog came with it: every plan of the packed catalog.json is listed.
      const catalog = JSON.parse(readFileSync(join(packageDir, 'resources', 'plans', 'catalog.json'), 'utf8')) as { plans: { id: string }[] }
      const plans = (await (await fetch(`${url.origin}/api/call/plans:list`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' })).json()) as { ok: boolean; value: { plans: { plan: { id: string } }[] } }
      expect(plans.ok).toBe(true)
      expect(catalog.plans.length).toBeGreaterThan(5)
      for (const plan of catalog.plans) expect(plans.value.plans.map((listed) => listed.plan.id)).toContain(plan.id)
    } finally {
      await serve.stop()
    }
  })
})
