import type { Migration } from './migration'

/**
 * The first schema: accounts (no secrets), poll runs with their raw responses, balance
 * snapshots, spend and usage lines, and credit events. Amounts are integer micro-units.
 */
export const initialSchema: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE accounts (
        id                    TEXT PRIMARY KEY,
        provider              TEXT NOT NULL,
        label                 TEXT NOT NULL UNIQUE COLLATE NOCASE,
        base_url              TEXT,
        options_json          TEXT NOT NULL DEFAULT '{}',
        poll_interval_minutes INTEGER NOT NULL DEFAULT 15 CHECK (poll_interval_minutes > 0),
        key_hint              TEXT,
        created_at            TEXT NOT NULL
      ) STRICT;

      CREATE TABLE poll_runs (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        started_at    TEXT NOT NULL,
        finished_at   TEXT NOT NULL,
        duration_ms   INTEGER NOT NULL,
        status        TEXT NOT NULL,
        error_code    TEXT,
        error_message TEXT,
        http_status   INTEGER,
        retry_after_ms INTEGER
      ) STRICT;
      CREATE INDEX poll_runs_by_account ON poll_runs (account_id, id);
      CREATE INDEX poll_runs_by_status ON poll_runs (account_id, status, id);

      CREATE TABLE raw_responses (
        id           INTEGER PRIMARY KEY,
        poll_run_id  INTEGER NOT NULL REFERENCES poll_runs(id) ON DELETE CASCADE,
        account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        captured_at  TEXT NOT NULL,
        method       TEXT NOT NULL,
        url          TEXT NOT NULL,
        http_status  INTEGER,
        content_type TEXT,
        body         TEXT NOT NULL,
        truncated    INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX raw_responses_by_account ON raw_responses (account_id, id);

      CREATE TABLE balance_snapshots (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        poll_run_id   INTEGER REFERENCES poll_runs(id) ON DELETE SET NULL,
        observed_at   TEXT NOT NULL,
        unit          TEXT NOT NULL,
        kind          TEXT NOT NULL,
        amount_micros INTEGER NOT NULL,
        source        TEXT NOT NULL CHECK (source IN ('official', 'derived', 'manual'))
      ) STRICT;
      CREATE INDEX balance_snapshots_by_account ON balance_snapshots (account_id, observed_at);
      -- "Current balances" look up the newest official poll and the newest figure per (unit, kind)
      -- without scanning an account's history.
      CREATE INDEX balance_snapshots_latest_run ON balance_snapshots (account_id, source, poll_run_id);
      CREATE INDEX balance_snapshots_by_kind ON balance_snapshots (account_id, unit, kind, observed_at);

      CREATE TABLE spend_lines (
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day           TEXT NOT NULL,
        item          TEXT NOT NULL,
        unit          TEXT NOT NULL,
        amount_micros INTEGER NOT NULL,
        source        TEXT NOT NULL CHECK (source IN ('official', 'derived', 'manual')),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, day, item, unit)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX spend_lines_by_day ON spend_lines (day);

      CREATE TABLE usage_lines (
        account_id          TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day                 TEXT NOT NULL,
        model               TEXT NOT NULL,
        input_tokens        INTEGER NOT NULL DEFAULT 0,
        output_tokens       INTEGER NOT NULL DEFAULT 0,
        cached_input_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens  INTEGER NOT NULL DEFAULT 0,
        requests            INTEGER NOT NULL DEFAULT 0,
        source              TEXT NOT NULL CHECK (source IN ('official', 'derived', 'manual')),
        updated_at          TEXT NOT NULL,
        PRIMARY KEY (account_id, day, model)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE credit_events (
        id            INTEGER PRIMARY KEY,
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('topup', 'grant', 'renewal', 'reset', 'purchase',
                        'adjustment', 'refund', 'expiration', 'balance')),
        amount_micros INTEGER NOT NULL,
        unit          TEXT NOT NULL,
        occurred_at   TEXT NOT NULL,
        expires_at    TEXT,
        note          TEXT,
        source        TEXT NOT NULL CHECK (source IN ('official', 'derived', 'manual')),
        confirmed     INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX credit_events_by_account ON credit_events (account_id, occurred_at);
    `)
  }
}
