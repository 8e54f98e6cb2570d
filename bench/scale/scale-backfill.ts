import type { Core } from '../../src/main/core/app'
import { ingestPoll } from '../../src/main/core/ledger/ingest'
import { summarize, type Summary } from '../stats'
import { plainUpserts } from './plain-upserts'
import { dayBefore, spendFacts } from './seed-scale'
import { BACKFILL_DAYS, SPEND_ITEMS_PER_DAY, USAGE_MODELS_PER_DAY } from './scale-plan'

/** Batched ingest on the finished ledger: rows per second of a first poll's backfill, beside plain upserts. */
export interface MeasuredBackfill {
  /** Spend + usage lines in one backfill poll. */
  lines: number
  /** One backfill poll through `ingestPoll` with every hook (one transaction). */
  call: Summary
  /** The same lines upserted one statement per line in one transaction, nothing derived ({@link plainUpserts}). */
  baseline: Summary
  /** Lines per second at the p50 of each. */
  rowsPerSecond: number
  baselineRowsPerSecond: number
}

/**
 * A new OpenAI account's first poll on the scale ledger: a {@link BACKFILL_DAYS}-day backfill of
 * every line item and model, through `ingestPoll` with the core's own hooks (replacing the days,
 * dropping derived spend, rollups, derived balances, alert evaluation), as the poller writes it.
 * Each round adds two accounts (one for the call, one for the baseline), interleaved, so both see
 * the same machine noise and a ledger of the same size.
 */
export function measureBackfill(core: Core, today: string, rounds: number): MeasuredBackfill {
  const db = core.context.db
  const days = Array.from({ length: BACKFILL_DAYS }, (_, i) => dayBefore(today, BACKFILL_DAYS - 1 - i))
  const plan = { spendItemsPerDay: SPEND_ITEMS_PER_DAY, usageModelsPerDay: USAGE_MODELS_PER_DAY }
  const plain = plainUpserts(db)
  const call: number[] = []
  const baseline: number[] = []
  let lines = 0
  for (let round = 0; round < rounds; round++) {
    const facts = spendFacts(plan, round, days)
    lines = facts.spend.length + facts.usage.length
    const at = `${today}T00:30:00.000Z`
    const measured = newAccount(core, `acc_backfill${String(round).padStart(4, '0')}`, at)
    const plainAccount = newAccount(core, `acc_baseline${String(round).padStart(4, '0')}`, at)
    call.push(
      timed(() =>
        ingestPoll(db, { accountId: measured, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, warning: null, facts, raw: [] }, core.context.ingestHooks)
      )
    )
    baseline.push(timed(() => plain(plainAccount, facts, at)))
  }
  const c = summarize(call)
  const b = summarize(baseline)
  return { lines, call: c, baseline: b, rowsPerSecond: Math.round(lines / (c.p50 / 1000)), baselineRowsPerSecond: Math.round(lines / (b.p50 / 1000)) }
}

function newAccount(core: Core, id: string, at: string): string {
  core.context.accounts.insert({ id, provider: 'openai', label: id, baseUrl: null, options: {}, pollIntervalMinutes: 60, keyHint: 'sk-…0000', createdAt: at })
  return id
}

function timed(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}
