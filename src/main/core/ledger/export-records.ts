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

/** The page a records tab shows for `filter` (the same function backs the UI and exports). */
export function queryRecords(db: Database, what: RecordKind, filter: ParsedFilter): RecordsPage<object, object> {
  switch (what) {
    case 'spend':
      return querySpend(db, filter)
    case 'usage':
      return queryUsage(db, filter)
    case 'credits':
      return queryCredits(db, filter)
    case 'polls':
      return queryPolls(db, filter)
    case 'balances':
      return queryBalances(db, filter)
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

/** Rows as RFC 4180 CSV (CRLF line ends, a header row). Amounts stay exact decimal strings. */
export function toCsv(what: RecordKind, rows: readonly object[]): string {
  const columns = exportColumns[what]
  const lines = [columns.map(([header]) => csvField(header)).join(',')]
  for (const row of rows) {
    const record = row as Record<string, unknown>
    lines.push(columns.map(([, key]) => csvField(record[key])).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

/** The export of every row `filter` matches (no row limit), as CSV or JSON text. */
export function exportRecords(
  db: Database,
  what: RecordKind,
  format: 'csv' | 'json',
  filter: ParsedFilter,
  now: Date
): { filename: string; mimeType: string; text: string; rows: number } {
  const page = queryRecords(db, what, { ...filter, limit: null })
  const range = `${filter.from ?? 'start'}-to-${filter.to ?? now.toISOString().slice(0, 10)}`
  const filename = `coffer-${what}-${range}.${format}`
  if (format === 'csv') return { filename, mimeType: 'text/csv;charset=utf-8', text: toCsv(what, page.rows), rows: page.rows.length }
  const columns = exportColumns[what]
  const rows = page.rows.map((row) => Object.fromEntries(columns.map(([header, key]) => [header, (row as Record<string, unknown>)[key] ?? null])))
  const text = `${JSON.stringify({ what, exportedAt: now.toISOString(), filter: { ...filter, limit: undefined }, summary: page.summary, rows }, null, 2)}\n`
  return { filename, mimeType: 'application/json', text, rows: rows.length }
}
