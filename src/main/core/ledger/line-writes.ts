import type { Database } from 'better-sqlite3'
import type { SpendFact, UsageFact } from './facts'
import { accountNo, lineNameId, lineNameIds } from './line-keys'
import { cached } from './statements'

/*
 * A poll's spend and usage lines are upserted into the fact tables (migration 210: integer keys)
 * in multi-row statements, up to ROWS_PER_STATEMENT lines each (`INSERT … VALUES (…), (…), … ON
 * CONFLICT DO UPDATE`). Why: a first poll's 90-day backfill holds thousands of lines, and one
 * statement per line spent as much time crossing from JavaScript into SQLite (a call, a reset,
 * seven to ten bindings) as SQLite spent writing: 343k → 453k rows/s on a 1M-line ledger's shape
 * (a JSON array unpacked by `json_each` reached 387k, and would carry a lone surrogate through an
 * escape SQLite decodes differently from a bound value). Same semantics as one upsert per line, in
 * order: of two lines with the same key, the later wins.
 */

/**
 * Lines per statement: 64 × 10 bound values stays far below SQLite's limit on variables (32,766),
 * and larger statements measured no faster (256: 438k rows/s).
 */
const ROWS_PER_STATEMENT = 64

const SPEND_COLUMNS = 7
const USAGE_COLUMNS = 10

function spendStatementSql(rows: number): string {
  return `INSERT INTO spend_facts (account_no, day, item_id, unit, amount_micros, source, updated_at)
     VALUES ${placeholders(rows, SPEND_COLUMNS)}
     ON CONFLICT (account_no, day, item_id, unit) DO UPDATE SET
       amount_micros = excluded.amount_micros, source = excluded.source, updated_at = excluded.updated_at`
}

function usageStatementSql(rows: number): string {
  return `INSERT INTO usage_facts (account_no, day, model_id, input_tokens, output_tokens, cached_input_tokens,
       cache_write_tokens, requests, source, updated_at)
     VALUES ${placeholders(rows, USAGE_COLUMNS)}
     ON CONFLICT (account_no, day, model_id) DO UPDATE SET
       input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
       cached_input_tokens = excluded.cached_input_tokens, cache_write_tokens = excluded.cache_write_tokens,
       requests = excluded.requests, source = excluded.source, updated_at = excluded.updated_at`
}

function placeholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`
  return Array.from({ length: rows }, () => row).join(', ')
}

/** `sqlFor(rows)`, built once per row count: a 64-row statement's text is 3 KB, and it keys the statement cache. */
function memoSql(sqlFor: (rows: number) => string): (rows: number) => string {
  const built = new Map<number, string>()
  return (rows) => {
    let sql = built.get(rows)
    if (sql === undefined) {
      sql = sqlFor(rows)
      built.set(rows, sql)
    }
    return sql
  }
}

const spendSql = memoSql(spendStatementSql)
const usageSql = memoSql(usageStatementSql)

/**
 * Runs `sqlFor(n)` once per chunk of up to {@link ROWS_PER_STATEMENT} lines, binding each line's
 * values in order. Statements are prepared once per chunk size (a full chunk, and the last one's).
 */
function writeInChunks<L>(db: Database, lines: readonly L[], sqlFor: (rows: number) => string, valuesOf: (line: L, into: unknown[]) => void): void {
  for (let start = 0; start < lines.length; start += ROWS_PER_STATEMENT) {
    const chunk = lines.slice(start, start + ROWS_PER_STATEMENT)
    const values: unknown[] = []
    for (const line of chunk) valuesOf(line, values)
    cached(db, sqlFor(chunk.length)).run(values)
  }
}

/** Upserts spend lines of one account: a line already stored for (day, item, unit) takes the new amount and source. */
export function upsertSpendLines(db: Database, accountId: string, writtenAt: string, lines: readonly SpendFact[]): void {
  if (lines.length === 0) return
  const account = accountNo(db, accountId)
  const items = lineNameIds(db, lines.map((line) => line.item))
  writeInChunks(db, lines, spendSql, (line, into) => {
    into.push(account, line.day, items.get(line.item), line.unit, line.amountMicros, line.source, writtenAt)
  })
}

/** Upserts usage lines of one account: a line already stored for (day, model) takes the new counts and source. */
export function upsertUsageLines(db: Database, accountId: string, writtenAt: string, lines: readonly UsageFact[]): void {
  if (lines.length === 0) return
  const account = accountNo(db, accountId)
  const models = lineNameIds(db, lines.map((line) => line.model))
  writeInChunks(db, lines, usageSql, (line, into) => {
    into.push(account, line.day, models.get(line.model), line.inputTokens, line.outputTokens, line.cachedInputTokens, line.cacheWriteTokens, line.requests, line.source, writtenAt)
  })
}

/**
 * Sets one derived spend line (what Coffer worked out from balance drops or a key's usage): the
 * amount when above zero, else no line at all.
 */
export function setDerivedSpend(db: Database, line: { accountId: string; day: string; item: string; unit: string; micros: number; at: string }): void {
  const account = accountNo(db, line.accountId)
  const item = lineNameId(db, line.item)
  if (line.micros > 0) {
    cached(db,
      `INSERT INTO spend_facts (account_no, day, item_id, unit, amount_micros, source, updated_at) VALUES (?, ?, ?, ?, ?, 'derived', ?)
       ON CONFLICT (account_no, day, item_id, unit) DO UPDATE SET amount_micros = excluded.amount_micros, updated_at = excluded.updated_at`
    ).run(account, line.day, item, line.unit, line.micros, line.at)
  } else {
    cached(db, 'DELETE FROM spend_facts WHERE account_no = ? AND day = ? AND item_id = ? AND unit = ?').run(account, line.day, item, line.unit)
  }
}
