import type { Migration } from './migration'

/**
 * Issue 4 (derivations): daily spend rollups, detected top-ups keyed to the balance snapshot that
 * revealed them (so re-deriving never inserts a second one), the day's spend already counted when
 * a credit event was entered (so a balance anchor entered mid-day does not count the morning's
 * spend twice), and home-currency exchange rates.
 */
export const derivationsSchema: Migration = {
  version: 20,
  name: 'derivations',
  up: (db) => {
    db.exec(`
      CREATE TABLE daily_rollups (
        account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day          TEXT NOT NULL,
        unit         TEXT NOT NULL,
        spend_micros INTEGER NOT NULL,
        line_count   INTEGER NOT NULL,
        PRIMARY KEY (account_id, day, unit)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX daily_rollups_by_day ON daily_rollups (day, account_id);

      INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count)
        SELECT account_id, day, unit, SUM(amount_micros), COUNT(*) FROM spend_lines GROUP BY account_id, day, unit;

      ALTER TABLE credit_events ADD COLUMN derivation_key TEXT;
      ALTER TABLE credit_events ADD COLUMN baseline_micros INTEGER NOT NULL DEFAULT 0;
      CREATE UNIQUE INDEX credit_events_by_derivation ON credit_events (account_id, derivation_key)
        WHERE derivation_key IS NOT NULL;
      CREATE INDEX credit_events_by_time ON credit_events (occurred_at);

      CREATE TABLE fx_rates (
        unit       TEXT PRIMARY KEY,
        per_home   TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE ledger_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
