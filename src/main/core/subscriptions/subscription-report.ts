import type { Database } from 'better-sqlite3'
import type { SubscriptionReport } from '../../../shared/contract/subscriptions-calls'
import { formatMoney, microsToDecimal, toMicros, type Micros } from '../../../shared/money'
import type { Plan, PricingDataset } from '../../../shared/plan-catalog'
import type { AccountRecord } from '../ledger/accounts-repo'
import { dayOf } from '../ledger/days'
import { cached } from '../ledger/statements'
import { cycleContaining, recentCycles, type Cycle } from './billing-cycle'

/** Providers whose accounts are subscriptions measured from local logs. */
export const LOCAL_SUBSCRIPTION_PROVIDERS: readonly string[] = ['claude-code', 'codex']

/** The catalog provider whose plans and API are the alternatives of each agent's subscription. */
const PLAN_PROVIDER: Readonly<Record<string, { id: string; api: string }>> = {
  'claude-code': { id: 'anthropic', api: 'Anthropic API' },
  codex: { id: 'openai', api: 'OpenAI API' }
}

const UNIT = 'USD'

interface TokenSums {
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
  reasoning: number
  requests: number
}

/** Everything a report needs besides the ledger. */
export interface ReportInputs {
  plans: readonly Plan[]
  dataset: PricingDataset & { overrides: number }
  /** Every account (API accounts of the same provider are alternatives). */
  accounts: readonly AccountRecord[]
  now: Date
  /** How many cycles the chart shows, the current one included. */
  cycles: number
}

/** One report per Claude Code / Codex account: this cycle's value at API prices against the fee. */
export function subscriptionReports(db: Database, inputs: ReportInputs): SubscriptionReport[] {
  return inputs.accounts.filter((account) => LOCAL_SUBSCRIPTION_PROVIDERS.includes(account.provider)).map((account) => reportFor(db, account, inputs))
}

function reportFor(db: Database, account: AccountRecord, inputs: ReportInputs): SubscriptionReport {
  const today = dayOf(inputs.now)
  const notes: string[] = []
  const planId = account.options.plan?.trim() || null
  const plan = planId ? (inputs.plans.find((candidate) => candidate.id === planId) ?? null) : null
  if (planId && !plan) notes.push(`No plan “${planId}” in the catalog or your plans: set the account’s plan to one from the Plans page.`)
  if (!planId) notes.push('No plan set: add the account’s plan (and renewal day) to compare its value with the fee.')
  const billing = plan?.billing.find((option) => option.period === 'month') ?? plan?.billing[0] ?? null
  const period = billing?.period ?? 'month'
  const feeMicros = billing?.price != null ? toMicros(billing.price) : null
  if (plan && feeMicros === null) notes.push(`${plan.name} has no price in Coffer’s catalog: enter it on the Plans page.`)
  const fee = feeMicros === null ? null : money(feeMicros)

  const cycle = cycleContaining(today, account.options.renewsOn, period)
  const tokens = tokenSums(db, account.id, cycle)
  const valueMicros = valueSum(db, account.id, cycle)
  const unpriced = unpricedModels(db, account.id, cycle)
  const allTokens = tokens.input + tokens.output + tokens.cacheWrite + tokens.cacheRead
  const unpricedTokens = unpriced.reduce((sum, model) => sum + model.input + model.output + model.cacheWrite + model.cacheRead, 0)
  const pricedPercent = allTokens === 0 ? 100 : Math.floor(((allTokens - unpricedTokens) / allTokens) * 100)
  // Integer numerator: (value / fee) × 100 in floating point turns 1.155 into 115.4999….
  const ratio = feeMicros ? Math.round((valueMicros * 100) / feeMicros) / 100 : null
  const apiEquivalent = money(valueMicros)

  const alternatives = alternativesFor(account, plan, inputs, apiEquivalent, fee, pricedPercent)
  const others = alternatives.filter((alternative) => alternative.kind !== 'current' && alternative.cost !== null)
  const cheapest = others.reduce<(typeof others)[number] | null>((best, alternative) => (best === null || Number(alternative.cost?.amount) < Number(best.cost?.amount) ? alternative : best), null)

  const cycles = recentCycles(today, account.options.renewsOn, period, inputs.cycles).map((each) => ({
    cycleStart: each.start,
    cycleEnd: each.end,
    apiEquivalent: money(valueSum(db, account.id, each)),
    fee
  }))

  return {
    accountId: account.id,
    label: account.label,
    provider: account.provider,
    plan: planId,
    planName: plan?.name ?? null,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    fee,
    apiEquivalent,
    ratio,
    tokens: { input: tokens.input, output: tokens.output, cacheWrite: tokens.cacheWrite, cacheRead: tokens.cacheRead },
    reasoningTokens: tokens.reasoning,
    requests: tokens.requests,
    unpricedModels: unpriced,
    pricedPercent,
    prices: { package: inputs.dataset.package, version: inputs.dataset.version, publishedAt: inputs.dataset.publishedAt, overrides: inputs.dataset.overrides },
    summary: summaryText(account, plan?.name ?? null, fee, apiEquivalent, ratio, pricedPercent),
    alternatives,
    cheapest,
    cycles,
    notes
  }
}

/** "Claude Max 5× ($100.00): $412.30 of API-equivalent use this cycle, 4.1×." */
export function summaryText(
  account: Pick<AccountRecord, 'label'>,
  planName: string | null,
  fee: SubscriptionReport['fee'],
  value: SubscriptionReport['apiEquivalent'],
  ratio: number | null,
  pricedPercent: number
): string {
  const valueText = formatMoney(value, 'en-US')
  const partial = pricedPercent < 100 ? ` (${pricedPercent} % of the tokens priced)` : ''
  if (fee && ratio !== null) return `${planName} (${formatMoney(fee, 'en-US')}): ${valueText} of API-equivalent use this cycle${partial}, ${ratio.toFixed(1)}×.`
  return `${planName ?? account.label}: ${valueText} of API-equivalent use this cycle${partial}.`
}

function alternativesFor(
  account: AccountRecord,
  plan: Plan | null,
  inputs: ReportInputs,
  apiEquivalent: SubscriptionReport['apiEquivalent'],
  fee: SubscriptionReport['fee'],
  pricedPercent: number
): SubscriptionReport['alternatives'] {
  const target = PLAN_PROVIDER[account.provider]
  const alternatives: SubscriptionReport['alternatives'] = []
  if (plan) alternatives.push({ kind: 'current', name: `${plan.name} (your plan)`, cost: fee, note: null })
  if (!target) return alternatives
  const partial = pricedPercent < 100 ? `at least: only ${pricedPercent} % of the tokens could be priced` : null
  alternatives.push({ kind: 'api', name: `${target.api} at list prices`, cost: apiEquivalent, note: partial })
  // Your own API accounts of the same provider would bill the same tokens at the same list prices.
  for (const other of inputs.accounts) {
    if (other.provider === target.id) alternatives.push({ kind: 'api', name: `Your ${other.label} account (${target.api})`, cost: apiEquivalent, note: partial ?? 'billed at list prices' })
  }
  for (const candidate of inputs.plans) {
    if (candidate.provider !== target.id || candidate.kind !== 'subscription' || candidate.id === plan?.id) continue
    const option = candidate.billing.find((each) => each.period === 'month')
    if (!option || option.price === null) continue
    alternatives.push({ kind: 'plan', name: candidate.name, cost: money(toMicros(option.price)), note: 'if its usage limits cover yours' })
  }
  return alternatives
}

function tokenSums(db: Database, accountId: string, cycle: Cycle): TokenSums {
  return cached(
    db,
    `SELECT COALESCE(SUM(input_tokens), 0) AS input, COALESCE(SUM(output_tokens), 0) AS output, COALESCE(SUM(cache_write_tokens), 0) AS cacheWrite,
       COALESCE(SUM(cached_input_tokens), 0) AS cacheRead, COALESCE(SUM(reasoning_tokens), 0) AS reasoning, COALESCE(SUM(requests), 0) AS requests
     FROM usage_lines WHERE account_id = ? AND day >= ? AND day < ?`
  ).get(accountId, cycle.start, cycle.end) as TokenSums
}

/** API-equivalent value of a cycle in micro-dollars (priced models only). */
export function valueSum(db: Database, accountId: string, cycle: Cycle): Micros {
  const row = cached(db, 'SELECT COALESCE(SUM(amount_micros), 0) AS micros FROM value_lines WHERE account_id = ? AND day >= ? AND day < ?').get(accountId, cycle.start, cycle.end) as {
    micros: number
  }
  return row.micros
}

function unpricedModels(db: Database, accountId: string, cycle: Cycle): SubscriptionReport['unpricedModels'] {
  return cached(
    db,
    `SELECT u.model, SUM(u.input_tokens) AS input, SUM(u.output_tokens) AS output, SUM(u.cache_write_tokens) AS cacheWrite, SUM(u.cached_input_tokens) AS cacheRead
     FROM usage_lines u LEFT JOIN value_lines v ON v.account_id = u.account_id AND v.day = u.day AND v.model = u.model
     WHERE u.account_id = ? AND u.day >= ? AND u.day < ? AND v.amount_micros IS NULL
     GROUP BY u.model ORDER BY u.model`
  ).all(accountId, cycle.start, cycle.end) as SubscriptionReport['unpricedModels']
}

function money(micros: Micros): { amount: string; unit: string } {
  return { amount: microsToDecimal(micros), unit: UNIT }
}
