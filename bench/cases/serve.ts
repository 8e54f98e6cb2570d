import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { HTTP_CALL_PREFIX } from '../../src/shared/http-protocol'
import { rendererDir } from '../../src/main/web/renderer-dir'
import { startWebServer } from '../../src/main/web/web-server'
import { benchCore, seedHistory } from '../fixtures'
import { summarize, time } from '../stats'

/** `coffer serve`: latency of `accounts:list` over loopback HTTP, and a demo server's idle memory. */
export async function benchServe(): Promise<Record<string, unknown>> {
  const core = benchCore()
  seedHistory(core, 10, 90, 5)
  const server = await startWebServer({ core, rendererDir: rendererDir(), token: 'bench-token' })
  const samples = await time(async () => {
    const response = await fetch(`${server.origin}${HTTP_CALL_PREFIX}accounts:list`, {
      method: 'POST',
      headers: { authorization: 'Bearer bench-token', 'content-type': 'application/json' },
      body: '{}'
    })
    await response.json()
  }, 300)
  await server.close()
  core.close()
  return { serveAccountsListMs: summarize(samples), serveDemoIdleRssMb: await demoIdleRss() }
}

/** Resident memory of `coffer serve --demo` two seconds after it printed its URL. */
async function demoIdleRss(): Promise<number | null> {
  const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js')
  if (!existsSync(cli)) return null
  const child = spawn(process.execPath, [cli, 'serve', '--demo'], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('http://127.0.0.1') && resolve())
      child.once('exit', () => reject(new Error('serve --demo exited early')))
    })
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const status = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${child.pid}/status`, 'utf8')).catch(() => null)
    const kb = status ? Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) : NaN
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : null
  } finally {
    child.kill('SIGTERM')
  }
}
