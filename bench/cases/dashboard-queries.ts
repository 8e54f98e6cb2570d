import type { CallName, Req } from '../../src/shared/contract'
import type { Core } from '../../src/main/core/app'
import { dispatchCall } from '../../src/main/core/dispatch'
import { benchCore, seedHistory } from '../fixtures'
import { summarize, time } from '../stats'

/**
 * What the windows read, over 10 accounts with two years of daily history each (one poll a day,
 * 10 spend lines a poll), seeded through the real ingest path with every hook (derivations,
 * rollups, alerts). These must not grow with history: they read rollups and index-backed
 * "latest" rows.
 */
export async function benchDashboardQueries(): Promise<Record<string, unknown>> {
  const core = benchCore()
  const seedStart = performance.now()
  seedHistory(core, 10, 730, 10)
  const seedMs = performance.now() - seedStart
  const rows = core.context.db.prepare('SELECT (SELECT COUNT(*) FROM balance_snapshots) + (SELECT COUNT(*) FROM spend_lines) AS n').get() as { n: number }
  const today = new Date().toISOString().slice(0, 10)
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
  const result = {
    historyRows: rows.n,
    seedIngestMsPerPoll: Math.round((seedMs / (10 * 730)) * 100) / 100,
    accountsListMs: await timeCall(core, 'accounts:list', {}),
    overviewMs: await timeCall(core, 'ledger:overview', { days: 90 }),
    records30DaysMs: await timeCall(core, 'records:spend', { from: monthAgo, to: today }),
    plansCompareMs: await timeCall(core, 'plans:compare', { windowDays: 30 })
  }
  core.close()
  return result
}

async function timeCall<N extends CallName>(core: Core, name: N, request: Req<N>): Promise<ReturnType<typeof summarize>> {
  return summarize(
    await time(async () => {
      const reply = await dispatchCall(core.handlers, name, request)
      if (!reply.ok) throw new Error(`${name}: ${reply.message}`)
    }, 100)
  )
}
