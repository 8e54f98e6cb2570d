import { cached } from './statements'
import type { Database } from 'better-sqlite3'
import { hasOfficialBalance } from './balance-derivation'
import { loadLotState } from './lot-input'

/**
 * Writes the derived balance of a spend-only (or manual) account as a balance snapshot with
 * source `derived` (or `manual` when it is exactly the user's own entry), for every unit the
 * account has credit events in but no official balance.
 *
 * Why write snapshots instead of computing at read time: every reader of balances (cards, tray,
 * `coffer status`, alerts, the balance-history chart) then sees one figure from one place, and
 * the history of what Coffer believed is kept. It is rewritten after every ingest and every credit
 * change, and only when it changed, so the table does not grow with each poll.
 */
export function refreshDerivedBalances(db: Database, accountId: string, at: string, now: Date): void {
  const units = cached(db, 'SELECT DISTINCT unit FROM credit_events WHERE account_id = ?').all(accountId) as { unit: string }[]
  for (const { unit } of units) {
    if (hasOfficialBalance(db, accountId, unit)) continue
    const state = loadLotState(db, accountId, unit, now)
    const latest = cached(db,
        `SELECT amount_micros AS micros, source FROM balance_snapshots
         WHERE account_id = ? AND unit = ? AND kind = 'total' AND source IN ('derived', 'manual')
         ORDER BY observed_at DESC, id DESC LIMIT 1`
      )
      .get(accountId, unit) as { micros: number; source: string } | undefined
    if (latest && latest.micros === state.balanceMicros && latest.source === state.source) continue
    cached(db,
      `INSERT INTO balance_snapshots (account_id, poll_run_id, observed_at, unit, kind, amount_micros, source)
       VALUES (?, NULL, ?, ?, 'total', ?, ?)`
    ).run(accountId, at, unit, state.balanceMicros, state.source)
  }
}
