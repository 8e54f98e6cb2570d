import { accountNo } from './line-keys'
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
  const unique = [...new Set(days)]
  if (unique.length === 0) return
  // One statement each for all the days (a backfill touches ninety), their list as JSON: the
  // primary keys (account, day, …) serve `day IN (…)` as one seek a day. A rollup whose figures
  // did not change is not rewritten: its triggers would drop the credit-lot checkpoint
  // (migration 90) on every re-poll of the last few days.
  const list = JSON.stringify(unique)
  const account = accountNo(db, accountId)
  cached(db,
    `DELETE FROM daily_rollups WHERE account_id = ? AND day IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM spend_facts AS line WHERE line.account_no = ? AND line.day = daily_rollups.day
                         AND line.unit = daily_rollups.unit)`
  ).run(accountId, list, account)
  cached(db,
    `INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count)
     SELECT ?, day, unit, SUM(amount_micros), COUNT(*) FROM spend_facts
     WHERE account_no = ? AND day IN (SELECT value FROM json_each(?)) GROUP BY day, unit
     ON CONFLICT (account_id, day, unit) DO UPDATE SET spend_micros = excluded.spend_micros, line_count = excluded.line_count
       WHERE spend_micros IS NOT excluded.spend_micros OR line_count IS NOT excluded.line_count`
  ).run(accountId, account, list)
}

/** One account's daily spend in `unit`, oldest first, optionally limited to `[from, to]`. */
export function dailySpend(db: Database, accountId: string, unit: string, from = '0000-00-00', to = '9999-99-99'): DaySpend[] {
  return cached(db,
      `SELECT day, spend_micros AS micros FROM daily_rollups
       WHERE account_id = ? AND unit = ? AND day BETWEEN ? AND ? ORDER BY day`
    )
    .all(accountId, unit, from, to) as DaySpend[]
}
