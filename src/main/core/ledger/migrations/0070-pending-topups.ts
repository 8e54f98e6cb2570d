import type { Migration } from './migration'

/**
 * Issue 9 (a recorded top-up never creates spend): on an account whose provider reports its own
 * balance, a credit the user records waits for a balance reading that rises to include it.
 * - `pending_until`: set while the event waits to be matched (the moment after which, unmatched, it
 *   is "overdue" and the user is asked to confirm or delete it); `NULL` when it needs no matching.
 * - `matched_snapshot_id`: the official reading whose rise the event is (it then counts between
 *   that reading and the one before it, and nowhere else); `NULL` when unmatched.
 * Existing events keep their meaning: both columns stay `NULL`, so they still count by their time.
 */
export const pendingTopupsSchema: Migration = {
  version: 70,
  name: 'pending-topups',
  up: (db) => {
    db.exec(`
      ALTER TABLE credit_events ADD COLUMN pending_until TEXT;
      ALTER TABLE credit_events ADD COLUMN matched_snapshot_id INTEGER REFERENCES balance_snapshots(id) ON DELETE SET NULL;
      CREATE INDEX credit_events_by_match ON credit_events (matched_snapshot_id) WHERE matched_snapshot_id IS NOT NULL;
    `)
  }
}
