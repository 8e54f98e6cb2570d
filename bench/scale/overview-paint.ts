import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from '../../test/helpers/browser'
import { round } from '../stats'

/**
 * The overview as a user opens it: `coffer serve` (the built CLI) over the scale ledger, Debian's
 * Chromium loading the printed address, and the time from navigation until the overview's totals
 * (`[data-testid="overview-totals"]`) are visible, median of `rounds` cold loads (a fresh browser
 * context each). Also the JavaScript fetched before the first paint, and whether zod was in it.
 */
export async function measureOverviewPaint(dataDir: string, rounds = 5): Promise<Record<string, unknown>> {
  const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js')
  if (!existsSync(cli)) return { note: 'out/main/cli.js missing: run `npm run build` first' }
  if (!existsSync(chromiumLaunchOptions.executablePath)) return { note: `${chromiumLaunchOptions.executablePath} missing: apt-get install chromium` }
  // The seeded accounts have no keys (their polls fail at once, before any request); their base
  // URLs point at a closed loopback port all the same, so nothing can leave this machine.
  const db = new BetterSqlite3(join(dataDir, 'coffer.db'))
  db.prepare("UPDATE accounts SET base_url = 'http://127.0.0.1:9'").run()
  db.close()
  const server = spawn(process.execPath, [cli, '--home', dataDir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out)
        if (match) resolve(match[0])
      })
      server.once('exit', (code) => reject(new Error(`coffer serve exited (${code})`)))
    })
    const samples: number[] = []
    let scripts: string[] = []
    for (let r = 0; r < rounds; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      const loaded: string[] = []
      page.on('response', (response) => {
        if (response.url().endsWith('.js')) loaded.push(response.url().replace(/^.*\/assets\//, ''))
      })
      const started = Date.now()
      // Never wait for network idle: the dashboard's event stream stays open.
      await page.goto(url, { waitUntil: 'commit' })
      await page.locator('[data-testid="overview-totals"]').waitFor({ state: 'visible', timeout: 30_000 })
      samples.push(Date.now() - started)
      scripts = loaded
      await context.close()
    }
    samples.sort((a, b) => a - b)
    return { totalsVisibleMs: { p50: round(samples[Math.floor(samples.length / 2)] ?? 0, 0), max: samples.at(-1) }, scriptsBeforeTotals: scripts }
  } finally {
    await browser.close()
    server.kill('SIGTERM')
  }
}
