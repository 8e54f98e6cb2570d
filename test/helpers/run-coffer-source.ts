import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { CofferRun } from './run-coffer'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const cliSource = fileURLToPath(new URL('../../src/main/cli/main.ts', import.meta.url))

/**
 * Runs the `coffer` CLI from its TypeScript source (through tsx) as a real subprocess: the same
 * entry point bin/coffer.js runs when there is no build, independent of whether out/ is current.
 */
export function runCofferSource(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CofferRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliSource, ...args], { cwd: repoRoot, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
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
