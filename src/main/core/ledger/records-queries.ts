import type { Database, Statement } from 'better-sqlite3'
import type { z } from 'zod'
import type {
  ApproxMoney,
  BalanceRecordRow,
  CreditEventView,
  PollRow,
  recordsFilterSchema,
  SpendRow,
  UsageRow
} from '../../../shared/contract/ledger-schemas'
import { isCurrency, microsToDecimal } from '../../../shared/money'
import { addDays, dayStart } from './days'
import type { CreditEventKind } from './facts'
import { signedCreditMicros } from './credit-kinds'
import { Valuer } from './valuation'

/** A parsed records filter; `limit: null` = every row (exports). */
export type ParsedFilter = Omit<z.output<typeof recordsFilterSchema>, 'limit'> & { limit: number | null }

/** One page of a records tab: the rows shown, how many matched, and the filter's type choices. */
export interface RecordsPage<Row, Summary> {
  rows: Row[]
  total: number
  truncated: boolean
  types: string[]
  summary: Summary
}

interface Where {
  sql: string
  params: unknown[]
}

/** Builds the WHERE clause shared by a tab's rows, totals and type list. */
function where(filter: ParsedFilter, columns: { time: string; timeIsDay: boolean; type: string }, withTypes = true): Where {
  const parts: string[] = []
  const params: unknown[] = []
  if (filter.from) {
    parts.push(`${columns.time} >= ?`)
    params.push(columns.timeIsDay ? filter.from : dayStart(filter.from))
  }
  if (filter.to) {
    parts.push(`${columns.time} < ?`)
    params.push(columns.timeIsDay ? addDays(filter.to, 1) : dayStart(addDays(filter.to, 1)))
  }
  if (filter.accountIds.length > 0) {
    parts.push(`t.account_id IN (${filter.accountIds.map(() => '?').join(', ')})`)
    params.push(...filter.accountIds)
  }
  if (withTypes && filter.types.length > 0) {
    parts.push(`${columns.type} IN (${filter.types.map(() => '?').join(', ')})`)
    params.push(...filter.types)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

/**
 * The rows of `statement`, mapped. With `each`, rows are handed over one at a time as SQLite steps
 * through them (`iterate()`) and none is kept: an export of a million lines then holds one row in
 * memory, not all of them. Why `each` must not touch the database: the connection is busy until
 * the iteration ends.
 */
function readRows<Raw, Row>(statement: Statement, params: unknown[], map: (raw: Raw) => Row, each?: (row: Row) => void): Row[] {
  if (!each) return (statement.all(...params) as Raw[]).map(map)
  for (const raw of statement.iterate(...params) as IterableIterator<Raw>) each(map(raw))
  return []
}

/**
 * A records query's page. Streamed (`each` was given: an export), its rows are gone already, its
 * type list is left out (no export shows one) and its totals are computed only if read (a JSON
 * export prints them, a CSV one does not).
 */
function page<Row, Summary>(rows: Row[], streamed: boolean, summarize: () => { total: number; summary: Summary }, types: () => string[]): RecordsPage<Row, Summary> {
  if (streamed) {
    let computed: { total: number; summary: Summary } | null = null
    const totals = (): { total: number; summary: Summary } => (computed ??= summarize())
    return {
      rows,
      types: [],
      truncated: false,
      get total() {
        return totals().total
      },
      get summary() {
        return totals().summary
      }
    }
  }
  const { total, summary } = summarize()
  return { rows, total, truncated: rows.length < total, types: types(), summary }
}

function limitSql(filter: ParsedFilter): string {
  return filter.limit === null ? '' : `LIMIT ${Math.trunc(filter.limit)}`
}

function typesOf(db: Database, table: string, column: string, w: Where): string[] {
  return (db.prepare(`SELECT DISTINCT ${column} AS v FROM ${table} t ${w.sql} ORDER BY v`).all(...w.params) as { v: string }[]).map((row) => row.v)
}

function totalsByUnit(rows: { unit: string; micros: number }[]): { unit: string; amount: string }[] {
  return rows.map(({ unit, micros }) => ({ unit, amount: microsToDecimal(micros) }))
}

/** Spend lines (the Spend tab): totals per unit over every matching line, not just the shown ones. */
export function querySpend(
  db: Database,
  filter: ParsedFilter,
  each?: (row: SpendRow) => void
): RecordsPage<SpendRow, { count: number; totals: { unit: string; amount: string }[]; home: ApproxMoney | null }> {
  const cols = { time: 't.day', timeIsDay: true, type: 't.item' }
  const w = where(filter, cols)
  const order = filter.sort === 'amount' ? `t.amount_micros ${filter.dir}, t.day DESC` : `t.day ${filter.dir}, a.label, t.item`
  const rows = readRows(
    db.prepare(
      `SELECT t.account_id AS accountId, a.label AS account, t.day, t.item, t.unit, t.amount_micros AS micros, t.source
       FROM spend_lines t JOIN accounts a ON a.id = t.account_id ${w.sql} ORDER BY ${order} ${limitSql(filter)}`
    ),
    w.params,
    // Spelled out rather than rest and spread: an export maps every line of the ledger through this.
    (raw: Omit<SpendRow, 'amount'> & { micros: number }): SpendRow => ({
      accountId: raw.accountId,
      account: raw.account,
      day: raw.day,
      item: raw.item,
      unit: raw.unit,
      amount: microsToDecimal(raw.micros),
      source: raw.source
    }),
    each
  )
  const summarize = (): { total: number; summary: { count: number; totals: { unit: string; amount: string }[]; home: ApproxMoney | null } } => {
    const sums = db.prepare(`SELECT unit, SUM(amount_micros) AS micros, COUNT(*) AS n FROM spend_lines t ${w.sql} GROUP BY unit ORDER BY unit`).all(...w.params) as {
      unit: string
      micros: number
      n: number
    }[]
    const total = sums.reduce((sum, row) => sum + row.n, 0)
    return { total, summary: { count: total, totals: totalsByUnit(sums), home: homeTotal(db, w, sums) } }
  }
  return page(rows, each !== undefined, summarize, () => typesOf(db, 'spend_lines', 't.item', where(filter, cols, false)))
}

/**
 * Every matching line converted into the home currency, each day at its rate and credits at their
 * account's value, with what was left out; `null` when the lines are all in one currency (their
 * exact total says it all).
 */
function homeTotal(db: Database, w: Where, sums: { unit: string; micros: number }[]): ApproxMoney | null {
  if (sums.length === 0 || (sums.length === 1 && isCurrency(sums[0]?.unit ?? ''))) return null
  const parts = db
    .prepare(`SELECT t.account_id AS accountId, t.day, t.unit, SUM(t.amount_micros) AS micros FROM spend_lines t ${w.sql} GROUP BY t.account_id, t.day, t.unit`)
    .all(...w.params) as { accountId: string; day: string; unit: string; micros: number }[]
  const total = Valuer.load(db).total()
  for (const part of parts) total.add(part.micros, part.unit, part.accountId, part.day)
  return total.view()
}

type UsageSummary = { count: number; inputTokens: number; outputTokens: number; cachedInputTokens: number; cacheWriteTokens: number; requests: number }

/** Usage by model (the Usage tab); "amount" sorts by input + output tokens. */
export function queryUsage(db: Database, filter: ParsedFilter, each?: (row: UsageRow) => void): RecordsPage<UsageRow, UsageSummary> {
  const cols = { time: 't.day', timeIsDay: true, type: 't.model' }
  const w = where(filter, cols)
  const order = filter.sort === 'amount' ? `(t.input_tokens + t.output_tokens) ${filter.dir}, t.day DESC` : `t.day ${filter.dir}, a.label, t.model`
  const rows = readRows(
    db.prepare(
      `SELECT t.account_id AS accountId, a.label AS account, t.day, t.model, t.input_tokens AS inputTokens, t.output_tokens AS outputTokens,
         t.cached_input_tokens AS cachedInputTokens, t.cache_write_tokens AS cacheWriteTokens, t.requests, t.source
       FROM usage_lines t JOIN accounts a ON a.id = t.account_id ${w.sql} ORDER BY ${order} ${limitSql(filter)}`
    ),
    w.params,
    (row: UsageRow) => row,
    each
  )
  const summarize = (): { total: number; summary: UsageSummary } => {
    const sums = db
      .prepare(
        `SELECT COUNT(*) AS count, COALESCE(SUM(input_tokens), 0) AS inputTokens, COALESCE(SUM(output_tokens), 0) AS outputTokens,
           COALESCE(SUM(cached_input_tokens), 0) AS cachedInputTokens, COALESCE(SUM(cache_write_tokens), 0) AS cacheWriteTokens,
           COALESCE(SUM(requests), 0) AS requests FROM usage_lines t ${w.sql}`
      )
      .get(...w.params) as UsageSummary
    return { total: sums.count, summary: sums }
  }
  return page(rows, each !== undefined, summarize, () => typesOf(db, 'usage_lines', 't.model', where(filter, cols, false)))
}

// The SQL twin of signedCreditMicros (credit-kinds.ts), for sorting and summing in the database: change both together.
const SIGNED = `CASE t.kind WHEN 'expiration' THEN -ABS(t.amount_micros) WHEN 'adjustment' THEN t.amount_micros WHEN 'balance' THEN t.amount_micros ELSE ABS(t.amount_micros) END`

interface CreditRow {
  id: number
  accountId: string
  account: string
  kind: CreditEventKind
  micros: number
  unit: string
  occurredAt: string
  expiresAt: string | null
  note: string | null
  source: CreditEventView['source']
  confirmed: number
  pendingUntil: string | null
  matched: number | null
}

/** Where a recorded credit stands against the provider's balance (see migration 0070). */
function matchOf(row: CreditRow, now: Date): CreditEventView['match'] {
  if (row.matched !== null) return 'matched'
  if (row.pendingUntil === null) return 'none'
  return row.pendingUntil <= now.toISOString() ? 'overdue' : 'pending'
}

/** A stored credit event as the bridge shows it (signed amount, boolean confirmed, match state at `now`). */
export function toCreditView(row: CreditRow, now: Date): CreditEventView {
  const { micros, confirmed, pendingUntil: _pendingUntil, matched: _matched, ...rest } = row
  return { ...rest, amount: microsToDecimal(signedCreditMicros(row.kind, micros)), confirmed: confirmed === 1, match: matchOf(row, now) }
}

/** The credit-event columns of the Credits tab, joined with the account label (alias `t`); add WHERE/ORDER. */
export const CREDIT_SELECT = `SELECT t.id, t.account_id AS accountId, a.label AS account, t.kind, t.amount_micros AS micros, t.unit,
  t.occurred_at AS occurredAt, t.expires_at AS expiresAt, t.note, t.source, t.confirmed, t.pending_until AS pendingUntil,
  t.matched_snapshot_id AS matched
  FROM credit_events t JOIN accounts a ON a.id = t.account_id`

/**
 * SQL: the event asks the user something — an unconfirmed detection, or a recorded credit the
 * balance has not shown by its deadline (bind the current time).
 */
const TO_CONFIRM_SQL = `(t.confirmed = 0 OR (t.matched_snapshot_id IS NULL AND t.pending_until <= ?))`

/**
 * Credit events (the Credit adjustments tab); totals are the signed change per unit, anchors
 * excluded; `unconfirmed` counts what asks the user (unconfirmed detections and overdue recorded
 * credits, as of `now`). Exports leave the match state out, so they may omit `now`.
 */
export function queryCredits(
  db: Database,
  filter: ParsedFilter,
  now: Date = new Date(),
  each?: (row: CreditEventView) => void
): RecordsPage<CreditEventView, { count: number; totals: { unit: string; amount: string }[]; unconfirmed: number }> {
  const cols = { time: 't.occurred_at', timeIsDay: false, type: 't.kind' }
  const w = where(filter, cols)
  const order = filter.sort === 'amount' ? `${SIGNED} ${filter.dir}, t.occurred_at DESC` : `t.occurred_at ${filter.dir}, t.id ${filter.dir}`
  const rows = readRows(db.prepare(`${CREDIT_SELECT} ${w.sql} ORDER BY ${order} ${limitSql(filter)}`), w.params, (row: CreditRow) => toCreditView(row, now), each)
  const summarize = (): { total: number; summary: { count: number; totals: { unit: string; amount: string }[]; unconfirmed: number } } => {
    const sums = db
      .prepare(`SELECT unit, SUM(CASE WHEN kind = 'balance' THEN 0 ELSE ${SIGNED} END) AS micros FROM credit_events t ${w.sql} GROUP BY unit ORDER BY unit`)
      .all(...w.params) as { unit: string; micros: number }[]
    const counts = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(${TO_CONFIRM_SQL}), 0) AS unconfirmed FROM credit_events t ${w.sql}`).get(now.toISOString(), ...w.params) as {
      n: number
      unconfirmed: number
    }
    return { total: counts.n, summary: { count: counts.n, totals: totalsByUnit(sums), unconfirmed: counts.unconfirmed } }
  }
  return page(rows, each !== undefined, summarize, () => typesOf(db, 'credit_events', 't.kind', where(filter, cols, false)))
}

/** Poll runs (the Polls tab); "amount" sorts by duration. */
export function queryPolls(db: Database, filter: ParsedFilter, each?: (row: PollRow) => void): RecordsPage<PollRow, { count: number; ok: number; failed: number; averageMs: number }> {
  const cols = { time: 't.started_at', timeIsDay: false, type: 't.status' }
  const w = where(filter, cols)
  const order = filter.sort === 'amount' ? `t.duration_ms ${filter.dir}, t.id DESC` : `t.started_at ${filter.dir}, t.id ${filter.dir}`
  const rows = readRows(
    db.prepare(
      `SELECT t.id, t.account_id AS accountId, a.label AS account, t.started_at AS startedAt, t.duration_ms AS durationMs, t.status,
         t.http_status AS httpStatus, t.error_code AS errorCode, t.error_message AS errorMessage, t.warning
       FROM poll_runs t JOIN accounts a ON a.id = t.account_id ${w.sql} ORDER BY ${order} ${limitSql(filter)}`
    ),
    w.params,
    (row: PollRow) => row,
    each
  )
  const summarize = (): { total: number; summary: { count: number; ok: number; failed: number; averageMs: number } } => {
    const sums = db
      .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(status = 'ok'), 0) AS ok, COALESCE(AVG(duration_ms), 0) AS avg FROM poll_runs t ${w.sql}`)
      .get(...w.params) as { n: number; ok: number; avg: number }
    return { total: sums.n, summary: { count: sums.n, ok: sums.ok, failed: sums.n - sums.ok, averageMs: Math.round(sums.avg) } }
  }
  return page(rows, each !== undefined, summarize, () => typesOf(db, 'poll_runs', 't.status', where(filter, cols, false)))
}

/** Balance snapshots (official, derived and manual). */
export function queryBalances(db: Database, filter: ParsedFilter, each?: (row: BalanceRecordRow) => void): RecordsPage<BalanceRecordRow, { count: number }> {
  const cols = { time: 't.observed_at', timeIsDay: false, type: 't.kind' }
  const w = where(filter, cols)
  const order = filter.sort === 'amount' ? `t.amount_micros ${filter.dir}, t.id DESC` : `t.observed_at ${filter.dir}, t.id ${filter.dir}`
  const rows = readRows(
    db.prepare(
      `SELECT t.account_id AS accountId, a.label AS account, t.observed_at AS observedAt, t.kind, t.unit, t.amount_micros AS micros, t.source
       FROM balance_snapshots t JOIN accounts a ON a.id = t.account_id ${w.sql} ORDER BY ${order} ${limitSql(filter)}`
    ),
    w.params,
    ({ micros, ...row }: Omit<BalanceRecordRow, 'amount'> & { micros: number }): BalanceRecordRow => ({ ...row, amount: microsToDecimal(micros) }),
    each
  )
  const summarize = (): { total: number; summary: { count: number } } => {
    const count = (db.prepare(`SELECT COUNT(*) AS n FROM balance_snapshots t ${w.sql}`).get(...w.params) as { n: number }).n
    return { total: count, summary: { count } }
  }
  return page(rows, each !== undefined, summarize, () => typesOf(db, 'balance_snapshots', 't.kind', where(filter, cols, false)))
}
