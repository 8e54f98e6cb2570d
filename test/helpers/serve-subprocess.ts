import { spawn, type ChildProcess } from 'node:child_process'
import { cofferCommand, repoRoot } from './run-coffer'

/** A `coffer serve` child process and the URL (with its token) that it printed. */
export interface ServeProcess {
  child: ChildProcess
  url: URL
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
  /** Sends SIGTERM (the command's Ctrl-C path) and resolves with the exit code. */
  stop(): Promise<number | null>
}

/**
 * Starts `node bin/coffer.js …args` (see {@link cofferCommand}) and resolves once it prints the
 * dashboard URL; rejects with its output if it exits first or prints nothing within 30 s.
 */
export function startServeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cofferCommand(), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const stop = async (): Promise<number | null> => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
      child.kill('SIGTERM')
      return exited
    }
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`coffer serve printed no URL within 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: new URL(match[0]), output: () => output, stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`coffer serve exited with ${code} before printing a URL:\n${output}`))
    })
  })
}
