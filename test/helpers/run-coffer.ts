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

/**
 * bin/coffer.js prefers the build in out/ when there is one. A build older than the sources would
 * test yesterday's CLI, so say so instead of reporting confusing failures (`npm test` builds first).
 */
export function assertBuildIsFresh(): void {
  const built = join(repoRoot, 'out', 'main', 'cli.js')
  if (!existsSync(built)) return
  const sources = Math.max(newestMtime(join(repoRoot, 'src', 'main')), newestMtime(join(repoRoot, 'src', 'shared')))
  if (statSync(built).mtimeMs < sources) {
    throw new Error('out/main/cli.js is older than src/: bin/coffer.js would run a stale CLI. Run `npx electron-vite build` (or `npm run build`) first, or delete out/main.')
  }
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
  assertBuildIsFresh()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cofferBin, ...args], { cwd: repoRoot, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
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
