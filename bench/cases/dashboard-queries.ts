import { dispatchCall } from '../../src/main/core/dispatch'
import { benchCore, seedHistory } from '../fixtures'
import { summarize, time } from '../stats'

/**
 * `accounts:list` (what the overview, the tray and `coffer status` read) over 20 accounts with
 * two years of daily history each: must not grow with history (index-backed "latest" queries).
 */
export async function benchDashboardQueries(): Promise<Record<string, unknown>> {
  const core = benchCore()
  const seedStart = performance.now()
  seedHistory(core, 20, 730, 10)
  const seedMs = performance.now() - seedStart
  const rows = core.context.db.prepare('SELECT (SELECT COUNT(*) FROM balance_snapshots) + (SELECT COUNT(*) FROM spend_lines) AS n').get() as { n: number }
  const samples = await time(async () => {
    const result = await dispatchCall(core.handlers, 'accounts:list', {})
    if (!result.ok) throw new Error(result.message)
  }, 200)
  core.close()
  return { historyRows: rows.n, seedSeconds: Math.round(seedMs / 100) / 10, accountsListMs: summarize(samples) }
}
