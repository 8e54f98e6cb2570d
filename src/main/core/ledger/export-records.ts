import type { Database } from 'better-sqlite3'
import type { RecordKind } from '../../../shared/contract/ledger-schemas'
import { queryBalances, queryCredits, queryPolls, querySpend, queryUsage, type ParsedFilter, type RecordsPage } from './records-queries'

/** Column order of each export (CSV header = these names; JSON rows use the same keys). */
export const exportColumns: Record<RecordKind, readonly [header: string, key: string][]> = {
  spend: [['date', 'day'], ['account', 'account'], ['account_id', 'accountId'], ['item', 'item'], ['amount', 'amount'], ['unit', 'unit'], ['source', 'source']],
  usage: [
    ['date', 'day'],
    ['account', 'account'],
    ['account_id', 'accountId'],
    ['model', 'model'],
    ['input_tokens', 'inputTokens'],
    ['output_tokens', 'outputTokens'],
    ['cached_input_tokens', 'cachedInputTokens'],
    ['cache_write_tokens', 'cacheWriteTokens'],
    ['requests', 'requests'],
    ['source', 'source']
  ],
  credits: [
    ['id', 'id'],
    ['occurred_at', 'occurredAt'],
    ['account', 'account'],
    ['account_id', 'accountId'],
    ['kind', 'kind'],
    ['amount', 'amount'],
    ['unit', 'unit'],
    ['expires_at', 'expiresAt'],
    ['note', 'note'],
    ['source', 'source'],
    ['confirmed', 'confirmed']
  ],
  polls: [
    ['id', 'id'],
    ['started_at', 'startedAt'],
    ['account', 'account'],
    ['account_id', 'accountId'],
    ['status', 'status'],
    ['duration_ms', 'durationMs'],
    ['http_status', 'httpStatus'],
    ['error_code', 'errorCode'],
    ['error_message', 'errorMessage']
  ],
  balances: [['observed_at', 'observedAt'], ['account', 'account'], ['account_id', 'accountId'], ['kind', 'kind'], ['amount', 'amount'], ['unit', 'unit'], ['source', 'source']]
}

/**
 * The page a records tab shows for `filter` (the same function backs the UI and exports). With
 * `each`, rows are streamed to it instead of returned (see records-queries.ts readRows).
 */
export function queryRecords(db: Database, what: RecordKind, filter: ParsedFilter, each?: (row: object) => void): RecordsPage<object, object> {
  switch (what) {
    case 'spend':
      return querySpend(db, filter, each)
    case 'usage':
      return queryUsage(db, filter, each)
    case 'credits':
      return queryCredits(db, filter, undefined, each)
    case 'polls':
      return queryPolls(db, filter, each)
    case 'balances':
      return queryBalances(db, filter, each)
  }
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first: labels, notes and
 * provider error messages come from outside) gets a leading `'` (OWASP "CSV injection"); numbers,
 * negative amounts included, stay exactly as they are.
 */
export function csvField(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value)
  const text = /^[=+\-@\t\r]/.test(raw) && !/^[+-]?\d+(\.\d+)?$/.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record (no line end) of `record`'s `columns`. */
function csvLine(columns: readonly (readonly [header: string, key: string])[], record: Record<string, unknown>): string {
  return columns.map(([, key]) => csvField(record[key])).join(',')
}

/** Rows as RFC 4180 CSV (CRLF line ends, a header row). Amounts stay exact decimal strings. */
export function toCsv(what: RecordKind, rows: readonly object[]): string {
  const columns = exportColumns[what]
  const lines = [columns.map(([header]) => csvField(header)).join(',')]
  for (const row of rows) lines.push(csvLine(columns, row as Record<string, unknown>))
  return `${lines.join('\r\n')}\r\n`
}

/** What an export wrote: its suggested file name, type and row count. */
export interface ExportInfo {
  filename: string
  mimeType: string
  rows: number
}

/** Chunks handed to the writer are about this big: few writes, little memory. */
const CHUNK_CHARS = 64 * 1024

/**
 * Writes the export of every row `filter` matches (no row limit) as CSV or JSON, streaming: rows
 * come from SQLite one at a time and leave in chunks of about 64 KB, so memory stays flat however
 * large the ledger (issue 10.4). JSON is the pretty-printed document `{ what, exportedAt, filter,
 * rows, summary }`, written as `JSON.stringify(…, null, 2)` would write it.
 */
export function writeExport(db: Database, what: RecordKind, format: 'csv' | 'json', filter: ParsedFilter, now: Date, write: (chunk: string) => void): ExportInfo {
  const range = `${filter.from ?? 'start'}-to-${filter.to ?? now.toISOString().slice(0, 10)}`
  const filename = `coffer-${what}-${range}.${format}`
  const columns = exportColumns[what]
  let buffer = ''
  const push = (text: string): void => {
    buffer += text
    if (buffer.length >= CHUNK_CHARS) {
      write(buffer)
      buffer = ''
    }
  }
  let rows = 0
  if (format === 'csv') {
    push(`${columns.map(([header]) => csvField(header)).join(',')}\r\n`)
    queryRecords(db, what, { ...filter, limit: null }, (row) => {
      push(`${csvLine(columns, row as Record<string, unknown>)}\r\n`)
      rows += 1
    })
  } else {
    const indent = (json: string, by: string): string => json.replaceAll('\n', `\n${by}`)
    push(`{\n  "what": ${JSON.stringify(what)},\n  "exportedAt": ${JSON.stringify(now.toISOString())},\n  "filter": ${indent(JSON.stringify({ ...filter, limit: undefined }, null, 2), '  ')},\n  "rows": [`)
    const page = queryRecords(db, what, { ...filter, limit: null }, (row) => {
      const record = row as Record<string, unknown>
      const out = Object.fromEntries(columns.map(([header, key]) => [header, record[key] ?? null]))
      push(`${rows === 0 ? '' : ','}\n    ${indent(JSON.stringify(out, null, 2), '    ')}`)
      rows += 1
    })
    push(`${rows === 0 ? ']' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(page.summary, null, 2), '  ')}\n}\n`)
  }
  if (buffer) write(buffer)
  return { filename, mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', rows }
}

/** {@link writeExport} into one string: what the bridge's `records:export` answers with. */
export function exportRecords(db: Database, what: RecordKind, format: 'csv' | 'json', filter: ParsedFilter, now: Date): ExportInfo & { text: string } {
  const chunks: string[] = []
  const info = writeExport(db, what, format, filter, now, (chunk) => chunks.push(chunk))
  return { ...info, text: chunks.join('') }
}
