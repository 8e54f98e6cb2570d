import { cached } from './statements'
import type { Database } from 'better-sqlite3'

/** Spend of one day in one unit, in micro-units. */
export interface DaySpend {
  day: string
  micros: number
}

/**
 * Recomputes the daily rollups of `days` for one account from its spend lines. Runs inside the
 * ingest transaction (and after manual changes), so dashboards read one row per account and day
 * instead of every line item of the history.
 */
export function refreshRollups(db: Database, accountId: string, days: Iterable<string>): void {
  const clear = cached(db, 'DELETE FROM daily_rollups WHERE account_id = ? AND day = ?')
  const fill = cached(db,
    `INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count)
     SELECT account_id, day, unit, SUM(amount_micros), COUNT(*) FROM spend_lines
     WHERE account_id = ? AND day = ? GROUP BY unit`
  )
  for (const day of new Set(days)) {
    clear.run(accountId, day)
    fill.run(accountId, day)
  }
}

/** One account's daily spend in `unit`, oldest first, optionally limited to `[from, to]`. */
export function dailySpend(db: Database, accountId: string, unit: string, from = '0000-00-00', to = '9999-99-99'): DaySpend[] {
  return cached(db,
      `SELECT day, spend_micros AS micros FROM daily_rollups
       WHERE account_id = ? AND unit = ? AND day BETWEEN ? AND ? ORDER BY day`
    )
    .all(accountId, unit, from, to) as DaySpend[]
}
