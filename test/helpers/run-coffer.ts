import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** bin/coffer.js: the built CLI when out/ exists, the TypeScript source through tsx otherwise. */
export const cofferBin = fileURLToPath(new URL('../../bin/coffer.js', import.meta.url))
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

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
