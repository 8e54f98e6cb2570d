import type { Database } from 'better-sqlite3'
import { cached } from '../ledger/statements'

/** One account's spend in one unit: all recorded days, and today (UTC). */
export interface SpendTotalRow {
  accountId: string
  unit: string
  totalMicros: number
  todayMicros: number
}

/**
 * Cumulative and today's spend per account and unit, from the daily rollups (one row per account,
 * day and unit, so the cost follows the number of days, not of line items).
 */
export function spendTotals(db: Database, today: string): SpendTotalRow[] {
  return cached(db,
    `SELECT account_id AS accountId, unit, SUM(spend_micros) AS totalMicros,
            COALESCE(SUM(CASE WHEN day = ? THEN spend_micros END), 0) AS todayMicros
       FROM daily_rollups GROUP BY account_id, unit ORDER BY account_id, unit`
  ).all(today) as SpendTotalRow[]
}

/** One finished poll, as the metrics count it. */
export interface PollRunRow {
  id: number
  provider: string
  durationMs: number
  status: string
}

/** Polls recorded after `afterId` (any process's), oldest first, at most `limit` of them. */
export function pollRunsAfter(db: Database, afterId: number, limit: number): PollRunRow[] {
  return cached(db,
    `SELECT p.id, a.provider, p.duration_ms AS durationMs, p.status
       FROM poll_runs p JOIN accounts a ON a.id = p.account_id
      WHERE p.id > ? ORDER BY p.id LIMIT ?`
  ).all(afterId, limit) as PollRunRow[]
}
