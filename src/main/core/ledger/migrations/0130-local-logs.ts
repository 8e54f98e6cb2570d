import type { Database } from 'better-sqlite3'
import type { Migration } from './migration'

/**
 * Issue 12 (subscriptions measured from local logs): the `claude-code` and `codex` providers read
 * the agents' own JSONL logs on this machine.
 *
 * - `usage_lines` accepts the source `local` (its CHECK constraint listed official/derived/manual)
 *   and gains `reasoning_tokens` (Codex reports them apart; they are part of the output tokens, so
 *   they are informational and never priced twice). SQLite cannot alter a CHECK constraint, so the
 *   table is rebuilt with the documented procedure (https://sqlite.org/lang_altertable.html,
 *   "Making Other Kinds Of Table Schema Changes"): the new table is created from the *current*
 *   definition with only the constraint widened, so columns another step added survive; rows,
 *   its indexes, triggers and primary key are recreated.
 * - `local_log_files`: how far each log file was read (byte offset of the first unread line), a
 *   fingerprint of its first bytes to notice a rotated or rewritten file, the parser's state at
 *   that offset (Codex: the session's cumulative totals and model), and its unreadable lines.
 * - `local_log_seen`: each counted request once (Claude Code: message id + request id; Codex: the
 *   token_count fingerprint), with what was counted, so a replay, a re-read file or a duplicate in
 *   another file is never counted twice, and a later, larger copy of a streamed message only adds
 *   its difference.
 * - `value_lines`: the API-equivalent value of local usage per day and model, a `derived` figure
 *   kept apart from `spend_lines` so that no total, budget or runway ever counts it as spend.
 *   `amount_micros` is NULL for a model the price data does not know ("not priced").
 */
export const localLogsSchema: Migration = {
  version: 130,
  name: 'local-logs',
  up: (db) => {
    db.exec(`ALTER TABLE usage_lines ADD COLUMN reasoning_tokens INTEGER NOT NULL DEFAULT 0`)
    widenSourceCheck(db, 'usage_lines')
    db.exec(`
      CREATE TABLE local_log_files (
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        path          TEXT NOT NULL,
        offset_bytes  INTEGER NOT NULL CHECK (offset_bytes >= 0),
        size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
        head_length   INTEGER NOT NULL CHECK (head_length >= 0),
        head_hash     TEXT NOT NULL,
        state_json    TEXT NOT NULL DEFAULT '{}',
        garbage_lines INTEGER NOT NULL DEFAULT 0 CHECK (garbage_lines >= 0),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, path)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE local_log_seen (
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        key           TEXT NOT NULL,
        day           TEXT NOT NULL,
        model         TEXT NOT NULL,
        input_tokens  INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cache_write_tokens INTEGER NOT NULL,
        cache_read_tokens  INTEGER NOT NULL,
        reasoning_tokens   INTEGER NOT NULL,
        PRIMARY KEY (account_id, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE value_lines (
        account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        day           TEXT NOT NULL,
        model         TEXT NOT NULL,
        unit          TEXT NOT NULL,
        amount_micros INTEGER,
        price_model   TEXT,
        source        TEXT NOT NULL CHECK (source = 'derived'),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, day, model)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}

const OLD_CHECK = "CHECK (source IN ('official', 'derived', 'manual'))"
const NEW_CHECK = "CHECK (source IN ('official', 'derived', 'manual', 'local'))"

/** Rebuilds `table` from its current definition with `local` added to its source CHECK. */
function widenSourceCheck(db: Database, table: string): void {
  const row = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined
  if (!row) throw new Error(`Migration 130: table ${table} is missing.`)
  if (!row.sql.includes(OLD_CHECK)) throw new Error(`Migration 130: ${table} has no source constraint to widen.`)
  // Indexes and triggers go with the dropped table: their definitions are replayed on the new one.
  const dependents = db.prepare(`SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY type`).all(table) as { sql: string }[]
  const temporary = `${table}_0130`
  const created = row.sql.replace(OLD_CHECK, NEW_CHECK).replace(new RegExp(`^CREATE TABLE\\s+"?${table}"?`), `CREATE TABLE ${temporary}`)
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((column) => `"${column.name}"`).join(', ')
  db.exec(created)
  db.exec(`INSERT INTO ${temporary} (${columns}) SELECT ${columns} FROM ${table}`)
  db.exec(`DROP TABLE ${table}`)
  db.exec(`ALTER TABLE ${temporary} RENAME TO ${table}`)
  for (const dependent of dependents) db.exec(dependent.sql)
}
