import type { Migration } from './migration'

/**
 * Issue 13 (Claude Code analytics): a provider's own estimate of what usage cost — Anthropic's
 * `estimated_cost` per day and model — is kept as a value line with source `official`, beside the
 * `derived` API-equivalent values of local logs (migration 130). Value lines are never spend. The
 * table had `CHECK (source = 'derived')`, so it is rebuilt with the wider check; every line is
 * copied as it is (the table has no index or trigger of its own to carry over).
 */
export const officialValueLinesSchema: Migration = {
  version: 200,
  name: 'official-value-lines',
  up: (db) => {
    db.exec(`
      CREATE TABLE value_lines_0200 (
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day           TEXT NOT NULL,
        model         TEXT NOT NULL,
        unit          TEXT NOT NULL,
        amount_micros INTEGER,
        price_model   TEXT,
        source        TEXT NOT NULL CHECK (source IN ('derived', 'official')),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, day, model)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO value_lines_0200 (account_id, day, model, unit, amount_micros, price_model, source, updated_at)
        SELECT account_id, day, model, unit, amount_micros, price_model, source, updated_at FROM value_lines;
      DROP TABLE value_lines;
      ALTER TABLE value_lines_0200 RENAME TO value_lines;
    `)
  }
}
