import { upsertSpendLines, upsertUsageLines } from './line-writes'
import { removeReplacedDays } from './replace-days'
import { cached } from './statements'
import type { Database } from 'better-sqlite3'
import type { LedgerFacts, PollRecord } from './facts'

/** How many raw responses to keep per account (older ones are pruned in the same transaction). */
export const RAW_RESPONSES_KEPT = 20
/** Raw bodies longer than this are cut (a provider answering with a huge HTML page, say). */
export const RAW_BODY_MAX_CHARS = 64 * 1024

/**
 * Runs inside the ingest transaction after the facts are written: derivations, rollups and alert
 * state belong here so that one poll is one atomic change of the ledger.
 */
export type IngestHook = (db: Database, record: PollRecord) => void

/**
 * Writes one poll (its run row, raw responses and, when it succeeded, its facts) in one
 * transaction. Idempotent for facts keyed by day: spend and usage lines are upserted, so the same
 * day ingested twice, or a provider revising a day, leaves exactly one figure: the newest.
 *
 * @returns the new poll run's id.
 */
export function ingestPoll(db: Database, record: PollRecord, hooks: readonly IngestHook[] = []): number {
  return db.transaction(() => {
    const runId = insertRun(db, record)
    insertRaw(db, runId, record)
    if (record.status === 'ok' && record.facts) writeFacts(db, runId, record, record.facts)
    for (const hook of hooks) hook(db, record)
    return runId
  })()
}

function insertRun(db: Database, record: PollRecord): number {
  const started = Date.parse(record.startedAt)
  const finished = Date.parse(record.finishedAt)
  return Number(
    cached(db,
        `INSERT INTO poll_runs (account_id, started_at, finished_at, duration_ms, status, error_code,
           error_message, http_status, retry_after_ms, warning)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        record.accountId,
        record.startedAt,
        record.finishedAt,
        Math.max(0, finished - started),
        record.status,
        record.errorCode,
        record.errorMessage,
        record.httpStatus,
        record.retryAfterMs,
        record.warning ?? null
      ).lastInsertRowid
  )
}

function insertRaw(db: Database, runId: number, record: PollRecord): void {
  const insert = cached(db,
    `INSERT INTO raw_responses (poll_run_id, account_id, captured_at, method, url, http_status, content_type, body, truncated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const raw of record.raw) {
    const truncated = raw.body.length > RAW_BODY_MAX_CHARS
    insert.run(
      runId,
      record.accountId,
      record.finishedAt,
      raw.method,
      raw.url,
      raw.httpStatus,
      raw.contentType,
      truncated ? raw.body.slice(0, RAW_BODY_MAX_CHARS) : raw.body,
      truncated ? 1 : 0
    )
  }
  cached(db,
    `DELETE FROM raw_responses WHERE account_id = ? AND id NOT IN
       (SELECT id FROM raw_responses WHERE account_id = ? ORDER BY id DESC LIMIT ?)`
  ).run(record.accountId, record.accountId, RAW_RESPONSES_KEPT)
}

/**
 * A provider's estimates as `official` value lines (migration 200): never spend, so no total,
 * budget or runway counts them. Each day given replaces that day's official lines, so a model
 * that dropped out of the provider's answer does not linger.
 */
function writeValues(db: Database, record: PollRecord, facts: LedgerFacts): void {
  if (!facts.values || facts.values.length === 0) return
  const clear = cached(db, `DELETE FROM value_lines WHERE account_id = ? AND day = ? AND source = 'official'`)
  for (const day of new Set(facts.values.map((value) => value.day))) clear.run(record.accountId, day)
  const insert = cached(db,
    `INSERT INTO value_lines (account_id, day, model, unit, amount_micros, price_model, source, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, 'official', ?)
     ON CONFLICT (account_id, day, model) DO UPDATE SET
       unit = excluded.unit, amount_micros = excluded.amount_micros, source = excluded.source, updated_at = excluded.updated_at`
  )
  for (const value of facts.values) insert.run(record.accountId, value.day, value.model, value.unit, value.amountMicros, record.finishedAt)
}

function writeFacts(db: Database, runId: number, record: PollRecord, facts: LedgerFacts): void {
  writeValues(db, record, facts)
  removeReplacedDays(db, record.accountId, facts)
  const snapshot = cached(db,
    `INSERT INTO balance_snapshots (account_id, poll_run_id, observed_at, unit, kind, amount_micros, source, resets_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const balance of facts.balances) {
    snapshot.run(record.accountId, runId, record.finishedAt, balance.unit, balance.kind, balance.amountMicros, balance.source, balance.resetsAt ?? null)
  }
  upsertSpendLines(db, record.accountId, record.finishedAt, facts.spend)
  upsertUsageLines(db, record.accountId, record.finishedAt, facts.usage)
  const credit = cached(db,
    `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, expires_at, note, source, confirmed, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const event of facts.creditEvents) {
    credit.run(
      record.accountId,
      event.kind,
      event.amountMicros,
      event.unit,
      event.occurredAt,
      event.expiresAt ?? null,
      event.note ?? null,
      event.source,
      event.confirmed === false ? 0 : 1,
      record.finishedAt
    )
  }
}
