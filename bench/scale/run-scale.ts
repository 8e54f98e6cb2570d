import { scaleCore, scaleLedger } from './scale-ledger'
import { measureCalls, measurePollIngest } from './scale-calls'
import { measureBackfill } from './scale-backfill'
import { measureExport } from './scale-export'
import { measureRefreshAll } from './refresh-all'
import { measureOverviewPaint } from './overview-paint'
import type { ScaleName } from './scale-plan'

/**
 * `npm run bench -- --scale 10k|100k|1m`: the dashboard's calls, one poll's ingest and the
 * backfill rate on a ledger of that size, each beside its naive baseline from the same run.
 */
export async function benchScale(scale: ScaleName, rounds = 30): Promise<Record<string, unknown>> {
  const ledger = await scaleLedger(scale)
  const today = new Date().toISOString().slice(0, 10)
  try {
    const core = scaleCore(ledger)
    try {
      const calls = await measureCalls(core, today, rounds)
      const pollIngest = measurePollIngest(core, today, rounds)
      const csvExport = measureExport(core.context.db.name, today)
      return {
        scale,
        lines: ledger.seed.lines,
        accounts: ledger.seed.accounts,
        days: ledger.seed.days,
        ledgerMegabytes: Math.round(ledger.fileBytes / 1e5) / 10,
        megabytesPerMillionLines: Math.round((ledger.fileBytes / ledger.seed.lines) * 10) / 10,
        seed: ledger.seed,
        calls,
        pollIngest,
        csvExport,
        refreshAll: await measureRefreshAll(),
        overviewInChromium: await measureOverviewPaint(ledger.dataDir),
        // Last: it adds accounts (and their lines) to this copy of the ledger.
        backfill: measureBackfill(core, today, 10)
      }
    } finally {
      core.close()
    }
  } finally {
    ledger.dispose()
  }
}
