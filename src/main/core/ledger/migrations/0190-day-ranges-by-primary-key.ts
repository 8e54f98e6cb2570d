import type { Migration } from './migration'

/**
 * The shape of the two line tables as `sqlite_stat1` tells it to SQLite's planner: a million lines
 * over 20 accounts, about 30 a day per account, one per (account, day, item). Why fixed figures,
 * not measured ones: with them the planner reads a day range through the primary key, one account
 * after the other (skip-scan), at every size, from the first day of a new ledger; without
 * statistics it scans the whole table, and measured ones go stale as the ledger grows (a small
 * ledger's would keep describing a small table). Coffer never runs ANALYZE on these tables.
 */
const SHAPE = [
  ['spend_lines', '1000000 50000 30 1 1'],
  ['usage_lines', '1000000 50000 25 1']
] as const

/**
 * Issue 10 (a ledger that stays small and fast at a million lines):
 * - drops `spend_lines_by_day` and `usage_lines_by_day`. In these WITHOUT ROWID tables a secondary
 *   index repeats the whole primary key (the item names): a third of the file; and every range read
 *   through it looked each line up again by primary key. A day range over all accounts is served
 *   by the primary key (account_id, day, …) with a skip-scan over the few accounts instead: 26 → 4
 *   ms for a month's spend totals, 10 → 0.7 ms for usage, on a 1M-line ledger.
 * - gives the planner the tables' shape (above), so it takes that path at every size.
 * - indexes poll runs by time: the Polls tab reads a range of them (a poll every 15 minutes per
 *   account is the largest table after a few years), and alerts by state: the open ones, then the
 *   newest resolved, without sorting the whole history of resolved alerts.
 * No line changes.
 */
export const dayRangesByPrimaryKeySchema: Migration = {
  version: 190,
  name: 'day-ranges-by-primary-key',
  up: (db) => {
    db.exec(`
      DROP INDEX IF EXISTS spend_lines_by_day;
      DROP INDEX IF EXISTS usage_lines_by_day;
      CREATE INDEX poll_runs_by_time ON poll_runs (started_at);
      CREATE INDEX alerts_by_state ON alerts (state, fired_at);
      ANALYZE sqlite_schema;
    `)
    // `ANALYZE sqlite_schema` creates sqlite_stat1 when missing (and measures nothing).
    for (const [table, stat] of SHAPE) {
      db.prepare('DELETE FROM sqlite_stat1 WHERE tbl = ?').run(table)
      db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)').run(table, table, stat)
    }
    // Loads the figures into this connection's planner (others load them when they open).
    db.exec('ANALYZE sqlite_schema')
  }
}
