import type { Migration } from './migration'

/**
 * The planner's picture of the two fact tables, as migration 190 gave it for the tables they
 * replace (see there for why fixed figures): a million lines over 20 accounts, about 30 a day per
 * account. It keeps day ranges over all accounts on the primary key (a skip-scan) at every size.
 */
const SHAPE = [
  ['spend_facts', '1000000 50000 30 1 1'],
  ['usage_facts', '1000000 50000 25 1']
] as const

/**
 * Issue 10 (a 90-day backfill at ≥ 300k lines a second): spend and usage lines are stored keyed by
 * integers. Their primary keys began with two texts repeated on every line (the account's id and
 * the line item's or model's name: about half of each row); writing a backfill was mostly the cost
 * of comparing and storing those. Now:
 * - every account has a small number (`accounts.no`, given by a trigger to each new account);
 * - every line item or model name is stored once, in `line_names`;
 * - `spend_facts` and `usage_facts` hold the lines, keyed (account_no, day, item_id|model_id, …);
 * - `spend_lines` and `usage_lines` become views with the same columns as the tables they were,
 *   so every reader (records, exports, plans, subscriptions, tests) reads what it always read.
 *   Plain INSERT and DELETE on the views still work (INSTEAD OF triggers); the ingest path and the
 *   derivations write the fact tables directly (ledger/line-keys.ts).
 * Every line, with every column, is kept; measured on the bench's 1M-line ledger: 96.5 → 67.5 MB.
 */
export const integerLineKeysSchema: Migration = {
  version: 210,
  name: 'integer-line-keys',
  up: (db) => {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN no INTEGER;
      UPDATE accounts SET no = numbered.n
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts) AS numbered
        WHERE numbered.id = accounts.id;
      CREATE UNIQUE INDEX accounts_by_no ON accounts (no);
      -- Numbers are never reused while an account exists; a removed account's lines go with it
      -- (ON DELETE CASCADE below), so a number freed by the newest account's removal is safe to reuse.
      CREATE TRIGGER accounts_number AFTER INSERT ON accounts WHEN NEW.no IS NULL BEGIN
        UPDATE accounts SET no = (SELECT COALESCE(MAX(no), 0) + 1 FROM accounts) WHERE id = NEW.id;
      END;

      CREATE TABLE line_names (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;
      INSERT INTO line_names (name) SELECT item FROM spend_lines UNION SELECT model FROM usage_lines ORDER BY 1;

      CREATE TABLE spend_facts (
        account_no    INTEGER NOT NULL REFERENCES accounts(no) ON DELETE CASCADE,
        day           TEXT NOT NULL,
        item_id       INTEGER NOT NULL,
        unit          TEXT NOT NULL,
        amount_micros INTEGER NOT NULL,
        source        TEXT NOT NULL CHECK (source IN ('official', 'derived', 'manual')),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (account_no, day, item_id, unit)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO spend_facts (account_no, day, item_id, unit, amount_micros, source, updated_at)
        SELECT a.no, s.day, n.id, s.unit, s.amount_micros, s.source, s.updated_at
        FROM spend_lines s JOIN accounts a ON a.id = s.account_id JOIN line_names n ON n.name = s.item
        ORDER BY 1, 2, 3, 4;

      CREATE TABLE usage_facts (
        account_no          INTEGER NOT NULL REFERENCES accounts(no) ON DELETE CASCADE,
        day                 TEXT NOT NULL,
        model_id            INTEGER NOT NULL,
        input_tokens        INTEGER NOT NULL DEFAULT 0,
        output_tokens       INTEGER NOT NULL DEFAULT 0,
        cached_input_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens  INTEGER NOT NULL DEFAULT 0,
        requests            INTEGER NOT NULL DEFAULT 0,
        source              TEXT NOT NULL CHECK (source IN ('official', 'derived', 'manual', 'local')),
        updated_at          TEXT NOT NULL,
        reasoning_tokens    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_no, day, model_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO usage_facts (account_no, day, model_id, input_tokens, output_tokens, cached_input_tokens,
          cache_write_tokens, requests, source, updated_at, reasoning_tokens)
        SELECT a.no, u.day, n.id, u.input_tokens, u.output_tokens, u.cached_input_tokens,
          u.cache_write_tokens, u.requests, u.source, u.updated_at, u.reasoning_tokens
        FROM usage_lines u JOIN accounts a ON a.id = u.account_id JOIN line_names n ON n.name = u.model
        ORDER BY 1, 2, 3;

      DROP TABLE spend_lines;
      DROP TABLE usage_lines;

      -- The fact tables keep their own names in the views (no alias), so that query plans name them.
      CREATE VIEW spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) AS
        SELECT account.id, spend_facts.day, item.name, spend_facts.unit, spend_facts.amount_micros, spend_facts.source, spend_facts.updated_at
        FROM spend_facts JOIN accounts AS account ON account.no = spend_facts.account_no
          JOIN line_names AS item ON item.id = spend_facts.item_id;
      CREATE VIEW usage_lines (account_id, day, model, input_tokens, output_tokens, cached_input_tokens,
          cache_write_tokens, requests, source, updated_at, reasoning_tokens) AS
        SELECT account.id, usage_facts.day, model.name, usage_facts.input_tokens, usage_facts.output_tokens,
          usage_facts.cached_input_tokens, usage_facts.cache_write_tokens, usage_facts.requests, usage_facts.source,
          usage_facts.updated_at, usage_facts.reasoning_tokens
        FROM usage_facts JOIN accounts AS account ON account.no = usage_facts.account_no
          JOIN line_names AS model ON model.id = usage_facts.model_id;

      CREATE TRIGGER spend_lines_insert INSTEAD OF INSERT ON spend_lines BEGIN
        INSERT OR IGNORE INTO line_names (name) VALUES (NEW.item);
        INSERT INTO spend_facts (account_no, day, item_id, unit, amount_micros, source, updated_at)
          VALUES ((SELECT no FROM accounts WHERE id = NEW.account_id), NEW.day,
                  (SELECT id FROM line_names WHERE name = NEW.item), NEW.unit, NEW.amount_micros, NEW.source, NEW.updated_at);
      END;
      CREATE TRIGGER spend_lines_delete INSTEAD OF DELETE ON spend_lines BEGIN
        DELETE FROM spend_facts WHERE account_no = (SELECT no FROM accounts WHERE id = OLD.account_id) AND day = OLD.day
          AND item_id = (SELECT id FROM line_names WHERE name = OLD.item) AND unit = OLD.unit;
      END;
      CREATE TRIGGER usage_lines_insert INSTEAD OF INSERT ON usage_lines BEGIN
        INSERT OR IGNORE INTO line_names (name) VALUES (NEW.model);
        INSERT INTO usage_facts (account_no, day, model_id, input_tokens, output_tokens, cached_input_tokens,
            cache_write_tokens, requests, source, updated_at, reasoning_tokens)
          VALUES ((SELECT no FROM accounts WHERE id = NEW.account_id), NEW.day, (SELECT id FROM line_names WHERE name = NEW.model),
                  COALESCE(NEW.input_tokens, 0), COALESCE(NEW.output_tokens, 0), COALESCE(NEW.cached_input_tokens, 0),
                  COALESCE(NEW.cache_write_tokens, 0), COALESCE(NEW.requests, 0), NEW.source, NEW.updated_at,
                  COALESCE(NEW.reasoning_tokens, 0));
      END;
      CREATE TRIGGER usage_lines_delete INSTEAD OF DELETE ON usage_lines BEGIN
        DELETE FROM usage_facts WHERE account_no = (SELECT no FROM accounts WHERE id = OLD.account_id) AND day = OLD.day
          AND model_id = (SELECT id FROM line_names WHERE name = OLD.model);
      END;

      ANALYZE sqlite_schema;
    `)
    for (const [table, stat] of SHAPE) {
      db.prepare('DELETE FROM sqlite_stat1 WHERE tbl = ?').run(table)
      db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)').run(table, table, stat)
    }
    db.prepare("DELETE FROM sqlite_stat1 WHERE tbl IN ('spend_lines', 'usage_lines')").run()
    db.exec('ANALYZE sqlite_schema')
  }
}
