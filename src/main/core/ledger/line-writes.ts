import type { Database } from 'better-sqlite3'
import type { SpendFact, UsageFact } from './facts'
import { cached } from './statements'

/*
 * A poll's spend and usage lines are upserted in multi-row statements, up to ROWS_PER_STATEMENT
 * lines each (`INSERT … VALUES (…), (…), … ON CONFLICT DO UPDATE`). Why: a first poll's 90-day
 * backfill holds thousands of lines, and one statement per line spent as much time crossing from
 * JavaScript into SQLite (a call, a reset, seven to ten bindings) as SQLite spent writing: 343k →
 * 453k rows/s on a 1M-line ledger's shape (a JSON array unpacked by `json_each` reached 387k, and
 * would carry text through an escape SQLite decodes differently from a bound value). Same
 * semantics as one upsert per line, in order: of two lines with the same key, the later wins.
 */

/**
 * Lines per statement: 64 × 10 bound values stays far below SQLite's limit on variables (32,766),
 * and larger statements measured no faster (256: 438k rows/s).
 */
const ROWS_PER_STATEMENT = 64

const SPEND_COLUMNS = 7
const USAGE_COLUMNS = 10

function spendStatementSql(rows: number): string {
  return `INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at)
     VALUES ${placeholders(rows, SPEND_COLUMNS)}
     ON CONFLICT (account_id, day, item, unit) DO UPDATE SET
       amount_micros = excluded.amount_micros, source = excluded.source, updated_at = excluded.updated_at`
}

function usageStatementSql(rows: number): string {
  return `INSERT INTO usage_lines (account_id, day, model, input_tokens, output_tokens, cached_input_tokens,
       cache_write_tokens, requests, source, updated_at)
     VALUES ${placeholders(rows, USAGE_COLUMNS)}
     ON CONFLICT (account_id, day, model) DO UPDATE SET
       input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
       cached_input_tokens = excluded.cached_input_tokens, cache_write_tokens = excluded.cache_write_tokens,
       requests = excluded.requests, source = excluded.source, updated_at = excluded.updated_at`
}

function placeholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`
  return Array.from({ length: rows }, () => row).join(', ')
}

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
  writeInChunks(db, lines, spendStatementSql, (line, into) => {
    into.push(accountId, line.day, line.item, line.unit, line.amountMicros, line.source, writtenAt)
  })
}

/** Upserts usage lines of one account: a line already stored for (day, model) takes the new counts and source. */
export function upsertUsageLines(db: Database, accountId: string, writtenAt: string, lines: readonly UsageFact[]): void {
  writeInChunks(db, lines, usageStatementSql, (line, into) => {
    into.push(accountId, line.day, line.model, line.inputTokens, line.outputTokens, line.cachedInputTokens, line.cacheWriteTokens, line.requests, line.source, writtenAt)
  })
}
