import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** bin/coffer.js: the built CLI when out/ exists, the TypeScript source through tsx otherwise. */
export const cofferBin = fileURLToPath(new URL('../../bin/coffer.js', import.meta.url))
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** Newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name)
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }, 0)
}

let warned = false

/**
 * How to start the CLI: `node bin/coffer.js`, which runs the build in out/ when there is one (what
 * `npm test` checks, right after building). A build older than the sources would test yesterday's
 * CLI, as happens while editing; then the sources run through tsx instead, with a warning.
 */
export function cofferCommand(): string[] {
  const built = join(repoRoot, 'out', 'main', 'cli.js')
  if (!existsSync(built)) return [cofferBin]
  const sources = Math.max(newestMtime(join(repoRoot, 'src', 'main')), newestMtime(join(repoRoot, 'src', 'shared')))
  if (statSync(built).mtimeMs >= sources) return [cofferBin]
  if (!warned) {
    console.warn('[coffer tests] out/main/cli.js is older than src/: running the CLI from source (tsx) instead of bin/coffer.js. `npm run build` to test the build.')
    warned = true
  }
  return ['--import', 'tsx', join(repoRoot, 'src', 'main', 'cli', 'main.ts')]
}

export interface CofferRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `node bin/coffer.js …` as a real subprocess. Asynchronous on purpose: the provider simulator
 * the CLI talks to runs in the test's own event loop. Standard input is `input` (then closed),
 * or empty.
 */
export function runCoffer(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CofferRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cofferCommand(), ...args], { cwd: repoRoot, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`coffer ${args.join(' ')} did not finish within ${options.timeoutMs ?? 30_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, options.timeoutMs ?? 30_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}
