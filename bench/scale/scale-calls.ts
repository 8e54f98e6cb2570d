import type { Database } from 'better-sqlite3'
import type { Core } from '../../src/main/core/app'
import { dispatchCall } from '../../src/main/core/dispatch'
import { ingestPoll } from '../../src/main/core/ledger/ingest'
import type { CallName, Req } from '../../src/shared/contract'
import { summarize, type Summary } from '../stats'
import { plainUpserts } from './plain-upserts'
import { dayBefore, spendFacts } from './seed-scale'
import { SPEND_ITEMS_PER_DAY, USAGE_MODELS_PER_DAY } from './scale-plan'

/** One measured call beside its naive baseline, both timed in the same interleaved rounds. */
export interface Measured {
  call: Summary
  baseline: Summary
  /** call p50 / baseline p50: what holds on a noisy machine when absolute figures drift. */
  ratio: number
}

interface Case {
  name: string
  run: () => unknown
  /** A plain SQL query over the raw lines for the same answer (what Coffer would cost without its derived state). */
  baseline: () => unknown
}

/**
 * Times the dashboard's calls on a scale ledger, each beside its naive baseline, interleaved
 * (call, baseline, call, baseline…) so both see the same machine noise.
 */
export async function measureCalls(core: Core, today: string, rounds: number): Promise<Record<string, Measured>> {
  const db = core.context.db
  const dispatch = <N extends CallName>(name: N, request: Req<N>) => async (): Promise<void> => {
    const reply = await dispatchCall(core.handlers, name, request)
    if (!reply.ok) throw new Error(`${name}: ${reply.message}`)
  }
  const from90 = dayBefore(today, 89)
  const from30 = dayBefore(today, 29)
  const cases: Case[] = [
    { name: 'ledger:overview (90 days)', run: dispatch('ledger:overview', { days: 90 }), baseline: () => naiveOverview(db, from90) },
    { name: 'accounts:list', run: dispatch('accounts:list', {}), baseline: () => naiveAccounts(db, today.slice(0, 7)) },
    { name: 'alerts:list', run: dispatch('alerts:list', {}), baseline: () => naiveAlerts(db, today.slice(0, 7)) },
    { name: 'records:usage (30 days, first page + totals)', run: dispatch('records:usage', { from: from30, to: today, limit: 200 }), baseline: () => naiveUsage(db, from30, today) },
    { name: 'plans:compare (90 days)', run: dispatch('plans:compare', { windowDays: 90 }), baseline: () => naivePlans(db, from90) }
  ]
  const samples = new Map<string, { call: number[]; baseline: number[] }>(cases.map((c) => [c.name, { call: [], baseline: [] }]))
  for (const c of cases) {
    await c.run() // warm: statement caches, checkpoints, page cache
    await c.baseline()
  }
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const entry = samples.get(c.name) as { call: number[]; baseline: number[] }
      entry.call.push(await timed(c.run))
      entry.baseline.push(await timed(c.baseline))
    }
  }
  return Object.fromEntries([...samples].map(([name, { call, baseline }]) => [name, measured(call, baseline)]))
}

/**
 * One OpenAI poll's ingest (a re-read of the last 3 days: every line item and model) with every
 * hook, beside a plain upsert of the same lines without derived state.
 */
export function measurePollIngest(core: Core, today: string, rounds: number): Measured & { lines: number } {
  const db = core.context.db
  const accountId = (db.prepare("SELECT id FROM accounts WHERE provider = 'openai' ORDER BY id LIMIT 1").get() as { id: string }).id
  const days = [dayBefore(today, 2), dayBefore(today, 1), today]
  const plan = { spendItemsPerDay: SPEND_ITEMS_PER_DAY, usageModelsPerDay: USAGE_MODELS_PER_DAY }
  const call: number[] = []
  const baseline: number[] = []
  const plain = plainUpserts(db)
  let lines = 0
  for (let round = 0; round < rounds; round++) {
    // A different amount each round, so every poll really changes the lines and their rollups.
    const facts = spendFacts(plan, round + 1, days)
    lines = facts.spend.length + facts.usage.length
    const at = new Date().toISOString()
    call.push(
      timedSync(() =>
        ingestPoll(db, { accountId, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, warning: null, facts, raw: [] }, core.context.ingestHooks)
      )
    )
    baseline.push(
      timedSync(() => plain(accountId, facts, at, 1))
    )
  }
  return { ...measured(call, baseline), lines }
}

function measured(call: number[], baseline: number[]): Measured {
  const c = summarize(call)
  const b = summarize(baseline)
  return { call: c, baseline: b, ratio: Math.round((c.p50 / Math.max(b.p50, 0.001)) * 100) / 100 }
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

function timedSync(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

// Naive baselines: the same answers straight from the raw lines, without rollups or checkpoints.

function naiveOverview(db: Database, from: string): unknown {
  return [
    db.prepare('SELECT account_id, day, unit, SUM(amount_micros) AS micros FROM spend_lines WHERE day >= ? GROUP BY account_id, day, unit').all(from),
    db.prepare(
      `SELECT b.account_id, b.unit, b.amount_micros FROM balance_snapshots b
       WHERE b.id = (SELECT id FROM balance_snapshots WHERE account_id = b.account_id ORDER BY observed_at DESC LIMIT 1)`
    ).all()
  ]
}

function naiveAccounts(db: Database, month: string): unknown {
  return [
    db.prepare('SELECT * FROM accounts').all(),
    db.prepare(
      `SELECT b.account_id, b.unit, b.kind, b.amount_micros FROM balance_snapshots b
       WHERE b.id = (SELECT id FROM balance_snapshots WHERE account_id = b.account_id ORDER BY observed_at DESC LIMIT 1)`
    ).all(),
    db.prepare('SELECT account_id, unit, SUM(amount_micros) FROM spend_lines WHERE day >= ? GROUP BY account_id, unit').all(`${month}-01`)
  ]
}

function naiveAlerts(db: Database, month: string): unknown {
  return [db.prepare('SELECT * FROM alerts ORDER BY fired_at DESC LIMIT 200').all(), db.prepare('SELECT unit, SUM(amount_micros) FROM spend_lines WHERE day >= ? GROUP BY unit').all(`${month}-01`)]
}

function naiveUsage(db: Database, from: string, to: string): unknown {
  return [
    db.prepare('SELECT * FROM usage_lines WHERE day BETWEEN ? AND ? ORDER BY day DESC LIMIT 200').all(from, to),
    db.prepare('SELECT SUM(input_tokens), SUM(output_tokens), SUM(requests), COUNT(*) FROM usage_lines WHERE day BETWEEN ? AND ?').get(from, to),
    db.prepare('SELECT DISTINCT model FROM usage_lines WHERE day BETWEEN ? AND ?').all(from, to)
  ]
}

function naivePlans(db: Database, from: string): unknown {
  return [
    db.prepare('SELECT account_id, unit, SUM(amount_micros) FROM spend_lines WHERE day >= ? GROUP BY account_id, unit').all(from),
    db.prepare('SELECT account_id, model, SUM(input_tokens), SUM(output_tokens), SUM(cached_input_tokens) FROM usage_lines WHERE day >= ? GROUP BY account_id, model').all(from)
  ]
}
