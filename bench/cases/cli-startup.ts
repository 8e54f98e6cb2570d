import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { summarize } from '../stats'

/**
 * Wall time of `coffer status --json` as a fresh process on an empty ledger: Node start, module
 * load, ledger open + migrate, query, print. Uses the built CLI (run `npm run build` first) through
 * bin/coffer.js, as installed.
 */
export async function benchCliStartup(): Promise<Record<string, unknown>> {
  // The command users run: bin/coffer.js (it turns on Node's compile cache) over the built CLI.
  const cli = join(import.meta.dirname, '..', '..', 'bin', 'coffer.js')
  if (!existsSync(join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js'))) return { cliStartupMs: null, note: 'out/main/cli.js missing: run `npm run build` first' }
  const home = mkdtempSync(join(tmpdir(), 'coffer-bench-cli-'))
  const samples: number[] = []
  for (let i = 0; i < 12; i += 1) {
    const start = performance.now()
    const result = spawnSync(process.execPath, [cli, '--home', home, 'status', '--json'], { encoding: 'utf8' })
    const elapsed = performance.now() - start
    if (result.status !== 0) throw new Error(`coffer status failed: ${result.stderr}`)
    if (i >= 2) samples.push(elapsed) // the first runs warm the OS file cache
  }
  return { cliStartupMs: summarize(samples) }
}
