import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dayBefore } from './seed-scale'

interface ExportRun {
  ms: number
  rows: number
  rssDeltaMb: number
}

/**
 * A CSV export of the last ~100k spend lines, each run in a fresh process (export-child.ts) so its
 * memory is measured alone: Coffer's streamed export beside a plain SELECT → CSV loop, interleaved.
 */
export function measureExport(ledgerFile: string, today: string, rounds = 3): { coffer: ExportRun; plain: ExportRun; timeRatio: number } {
  // 14 spend accounts × 40 line items + 6 derived lines a day: 177 days ≈ 100k lines.
  const from = dayBefore(today, 176)
  const dir = mkdtempSync(join(tmpdir(), 'coffer-bench-export-'))
  const runs: Record<'coffer' | 'plain', ExportRun[]> = { coffer: [], plain: [] }
  try {
    for (let round = 0; round < rounds; round++) {
      for (const mode of ['plain', 'coffer'] as const) {
        const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'export-child.ts'), ledgerFile, from, join(dir, `${mode}.csv`), mode], { encoding: 'utf8' })
        if (child.status !== 0) throw new Error(`export bench (${mode}) failed: ${child.stderr}`)
        runs[mode].push(JSON.parse(child.stdout) as ExportRun)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const median = (list: ExportRun[]): ExportRun => {
    const byTime = [...list].sort((a, b) => a.ms - b.ms)
    return { ...(byTime[Math.floor(byTime.length / 2)] as ExportRun), rssDeltaMb: Math.max(...list.map((run) => run.rssDeltaMb)) }
  }
  const coffer = median(runs.coffer)
  const plain = median(runs.plain)
  return { coffer, plain, timeRatio: Math.round((coffer.ms / plain.ms) * 100) / 100 }
}
