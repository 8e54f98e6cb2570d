import type { Core } from '../../src/main/core/app'
import { dispatchCall } from '../../src/main/core/dispatch'
import { emptyFacts, type LedgerFacts } from '../../src/main/core/ledger/facts'
import { ingestPoll } from '../../src/main/core/ledger/ingest'
import type { CallName, Req } from '../../src/shared/contract'
import type { ProviderId } from '../../src/shared/providers'
import { BACKFILL_DAYS, type ScalePlan } from './scale-plan'

const DAY_MS = 86_400_000

/** What seeding measured: the ledger's size and the batched ingest rate with every hook. */
export interface SeedReport {
  lines: number
  accounts: number
  days: number
  seedSeconds: number
  /** Spend + usage lines written per second by the 90-day backfill polls while the ledger grew (one transaction each, all hooks). */
  backfillRowsPerSecond: number
}

/** `YYYY-MM-DD` of `days` days before `endDay`. */
export function dayBefore(endDay: string, days: number): string {
  return new Date(Date.parse(`${endDay}T00:00:00.000Z`) - days * DAY_MS).toISOString().slice(0, 10)
}

async function call<N extends CallName>(core: Core, name: N, request: Req<N>): Promise<void> {
  const reply = await dispatchCall(core.handlers, name, request)
  if (!reply.ok) throw new Error(`seed: ${name}: ${reply.message}`)
}

/**
 * Builds the plan's ledger through the public surface: accounts, rates, budgets, alert rules and
 * recorded credit through the contract's handlers, every poll through `ingestPoll` with the core's
 * own ingest hooks (derivations, rollups, alert evaluation), as a real poller writes them.
 *
 * - Spend accounts (OpenAI's shape): a 90-day backfill poll at a time with 40 line items and 25
 *   models a day; a recorded opening balance and a top-up every 90 days that expires after a year,
 *   so lot state and the expiring figure have history to replay.
 * - Balance accounts (DeepSeek's shape, half CNY): one official reading a day that falls by the
 *   day's spend and rises every 60 days (a detected top-up): spend is derived.
 */
export async function seedScale(core: Core, plan: ScalePlan, endDay: string): Promise<SeedReport> {
  const started = performance.now()
  const firstDay = dayBefore(endDay, plan.days - 1)
  await call(core, 'fx:set', { home: 'USD', rates: [{ unit: 'CNY', rate: '0.14', from: firstDay }] })
  await call(core, 'budgets:set', { accountId: null, period: 'month', limit: '5000', unit: 'USD', webhookFormat: 'auto' })

  let backfillRows = 0
  let backfillMs = 0
  for (let a = 0; a < plan.spendAccounts; a++) {
    const id = insertAccount(core, a, 'openai', `OpenAI ${a + 1}`, firstDay)
    await call(core, 'credits:record', { accountId: id, kind: 'balance', amount: '2000', unit: 'USD', at: `${firstDay}T00:00:00.000Z` })
    for (let day = 90; day < plan.days; day += 90) {
      const at = `${dayBefore(endDay, plan.days - 1 - day)}T09:00:00.000Z`
      const expires = new Date(Date.parse(at) + 365 * DAY_MS).toISOString()
      await call(core, 'credits:record', { accountId: id, kind: 'topup', amount: '500', unit: 'USD', at, expiresAt: expires })
    }
    if (a < 4) await call(core, 'budgets:set', { accountId: id, period: 'month', limit: '300', webhookFormat: 'auto' })
    await call(core, 'rules:set', { accountId: id, kind: 'runway', days: 14, enabled: true, webhookFormat: 'auto' })
    await call(core, 'rules:set', { accountId: id, kind: 'expiring_credit', days: 30, enabled: true, webhookFormat: 'auto' })
    for (let from = 0; from < plan.days; from += BACKFILL_DAYS) {
      const days = Array.from({ length: Math.min(BACKFILL_DAYS, plan.days - from) }, (_, i) => dayBefore(endDay, plan.days - 1 - (from + i)))
      const facts = spendFacts(plan, a, days)
      const t = performance.now()
      ingest(core, id, `${days.at(-1)}T23:00:00.000Z`, facts)
      backfillMs += performance.now() - t
      backfillRows += facts.spend.length + facts.usage.length
    }
  }

  for (let b = 0; b < plan.balanceAccounts; b++) {
    const unit = b % 2 === 0 ? 'CNY' : 'USD'
    const id = insertAccount(core, plan.spendAccounts + b, 'deepseek', `DeepSeek ${b + 1}`, firstDay)
    await call(core, 'rules:set', { accountId: id, kind: 'low_balance', below: { amount: '20', unit }, enabled: true, webhookFormat: 'auto' })
    let balance = 500_000_000
    for (let d = 0; d < plan.days; d++) {
      if (d > 0 && d % 60 === 0) balance += 200_000_000
      balance -= 2_000_000 + ((d * 7919 + b * 104_729) % 3_000_000)
      const facts = emptyFacts()
      facts.balances.push({ unit, kind: 'total', amountMicros: balance, source: 'official' })
      ingest(core, id, `${dayBefore(endDay, plan.days - 1 - d)}T12:00:00.000Z`, facts)
    }
  }

  const lines = core.context.db.prepare('SELECT (SELECT COUNT(*) FROM spend_lines) + (SELECT COUNT(*) FROM usage_lines) AS n').get() as { n: number }
  return {
    lines: lines.n,
    accounts: plan.accounts,
    days: plan.days,
    seedSeconds: Math.round((performance.now() - started) / 100) / 10,
    backfillRowsPerSecond: Math.round(backfillRows / (backfillMs / 1000))
  }
}

function insertAccount(core: Core, index: number, provider: ProviderId, label: string, firstDay: string): string {
  const id = `acc_bench${String(index).padStart(5, '0')}`
  core.context.accounts.insert({ id, provider, label, baseUrl: null, options: {}, pollIntervalMinutes: 60, keyHint: 'sk-…0000', createdAt: `${firstDay}T00:00:00.000Z` })
  return id
}

/** A backfill poll's facts: every line item and model of each day, as OpenAI's costs and usage pages give them. */
export function spendFacts(plan: Pick<ScalePlan, 'spendItemsPerDay' | 'usageModelsPerDay'>, account: number, days: readonly string[]): LedgerFacts {
  const facts = emptyFacts()
  for (const [d, day] of days.entries()) {
    for (let i = 0; i < plan.spendItemsPerDay; i++) {
      facts.spend.push({ day, item: `gpt-5 line item ${i}`, unit: 'USD', amountMicros: 1_000 + ((account * 31 + d * 17 + i * 13) % 40_000), source: 'official' })
    }
    for (let m = 0; m < plan.usageModelsPerDay; m++) {
      const input = 10_000 + ((account + d + m) % 97) * 1_000
      facts.usage.push({ day, model: `gpt-5-model-${m}`, inputTokens: input, outputTokens: input / 4, cachedInputTokens: input / 10, cacheWriteTokens: 0, requests: 10 + m, source: 'official' })
    }
  }
  facts.replaceDays = { spend: days, usage: days }
  return facts
}

function ingest(core: Core, accountId: string, at: string, facts: LedgerFacts): void {
  ingestPoll(
    core.context.db,
    { accountId, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, warning: null, facts, raw: [] },
    core.context.ingestHooks
  )
}
