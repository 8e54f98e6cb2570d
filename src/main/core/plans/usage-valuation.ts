import Big from 'big.js'
import type { ApproxMoney } from '../../../shared/contract/ledger-schemas'
import { formatMoney, isCurrency, microsToDecimal, type Micros } from '../../../shared/money'
import type { Valuer, ValuedTotal } from '../ledger/valuation'
import type { ModelRate } from './price-book'
import { sumByModel, type AccountWorkload, type ModelUsage, type Workload } from './workload'

/** Days in the "month" every figure is normalised to. */
export const DAYS_PER_MONTH = 30

/** Plan and token prices are in US dollars, so the comparison is too. */
export const COMPARISON_UNIT = 'USD'

/** One day of an account whose spend was measured and valued, and that has token counts. */
export interface RepricedDay {
  day: string
  /** That day's measured spend in USD. */
  usd: Micros
  usage: ModelUsage[]
}

/** One account's measured spend, valued in USD. */
export interface ValuedAccount {
  account: AccountWorkload
  /** Measured spend over the window in USD, or null when none of it could be valued. */
  windowUsd: Micros | null
  basis: 'spend' | 'none'
  /** The same spend as the contract shows a converted figure (rates used, what was left out). */
  spend: ApproxMoney
  /**
   * Days with both measured spend (all of it valued, above zero) and token counts: the only days
   * a re-pricing may replace, because only there is it the same work priced twice.
   */
  tokenDays: RepricedDay[]
  /** The tokens of {@link tokenDays} summed per model: what every re-pricing prices (summed once, not per plan). */
  tokenUsage: ModelUsage[]
  /** USD of {@link tokenDays}. */
  withTokensUsd: Micros
  /** Days with token counts but no valued spend: their tokens are never re-priced. */
  unmatchedTokenDays: number
  /** Non-currency spend (credits…) over the window, per unit, in micro-units. */
  credits: { unit: string; micros: Micros }[]
}

/** The workload valued: the base of every option's cost. */
export interface ValuedWorkload {
  workload: Workload
  accounts: ValuedAccount[]
  /** Measured spend over the window in USD, converted where needed, with what was left out. */
  windowSpend: ApproxMoney
  /** `windowSpend` in micro-dollars. */
  windowMicros: Micros
  /** USD per month (30 days) of measured spend: "what you pay now" and the comparison's usage axis. */
  monthlyUsd: Micros
  /** USD over the window spent on days with token counts, all accounts. */
  withTokensUsd: Micros
  excluded: string[]
}

/** Window amount → per-month amount (30 days). */
export function toMonthly(windowMicros: Micros, windowDays: number): Micros {
  return Math.round((windowMicros * DAYS_PER_MONTH) / windowDays)
}

/**
 * Cost of `usage` at `rate`, exactly. Tokens × USD per million tokens = micro-dollars, so the
 * products are already micro-units. Cached reads and cache writes without their own price cost
 * the input price.
 */
export function tokenCostMicros(usage: ModelUsage, rate: ModelRate): Micros {
  const cacheRead = rate.cacheReadMtok ?? rate.inputMtok
  const cacheWrite = rate.cacheWriteMtok ?? rate.inputMtok
  const total = new Big(usage.inputTokens)
    .times(rate.inputMtok)
    .plus(new Big(usage.outputTokens).times(rate.outputMtok))
    .plus(new Big(usage.cachedInputTokens).times(cacheRead))
    .plus(new Big(usage.cacheWriteTokens).times(cacheWrite))
  return Number(total.round(0, Big.roundHalfEven).toFixed(0))
}

/**
 * Values what each account measurably spent: every day's spend at the rate in force that day
 * (credits through their account's value), summed in USD. Tokens never stand in for spend here —
 * a re-pricing is an alternative, not what you pay now. Spend that cannot be valued is named in
 * `excluded` and `windowSpend.excluded`, never counted as $0.
 */
export function valueWorkload(workload: Workload, valuer: Valuer): ValuedWorkload {
  const all = valuer.total(COMPARISON_UNIT)
  const excluded: string[] = []
  const accounts = workload.accounts.map((account) => valueAccount(account, valuer, all))
  const windowSpend = all.view()
  for (const entry of windowSpend.excluded) {
    const amount = formatMoney({ amount: entry.amount, unit: entry.unit }, 'en-US')
    excluded.push(`${entry.account ?? 'An account'}: ${amount} of spend left out of what you pay now. ${entry.fix ?? `${entry.unit} are not money.`}`)
  }
  for (const entry of accounts) {
    if (entry.unmatchedTokenDays === 0) continue
    const days = entry.unmatchedTokenDays === 1 ? '1 day' : `${entry.unmatchedTokenDays} days`
    excluded.push(`${entry.account.label}: token counts on ${days} without measured spend Coffer could value are not re-priced (there is no cost to compare them with).`)
  }
  const withTokensUsd = accounts.reduce((sum, entry) => sum + entry.withTokensUsd, 0)
  return { workload, accounts, windowSpend, windowMicros: all.micros, monthlyUsd: toMonthly(all.micros, workload.windowDays), withTokensUsd, excluded }
}

function valueAccount(account: AccountWorkload, valuer: Valuer, all: ValuedTotal): ValuedAccount {
  const own = valuer.total(COMPARISON_UNIT)
  const byDay = new Map<string, { usd: Micros; complete: boolean }>()
  let valued = false
  for (const line of account.spend) {
    all.add(line.micros, line.unit, account.accountId, line.day)
    const usd = own.add(line.micros, line.unit, account.accountId, line.day)
    const day = byDay.get(line.day) ?? { usd: 0, complete: true }
    if (usd === null) day.complete = false
    else {
      day.usd += usd
      valued = true
    }
    byDay.set(line.day, day)
  }
  const usageByDay = new Map<string, ModelUsage[]>()
  for (const { day, ...usage } of account.usage) {
    const lines = usageByDay.get(day)
    if (lines) lines.push(usage)
    else usageByDay.set(day, [usage])
  }
  const tokenDays: RepricedDay[] = []
  let unmatchedTokenDays = 0
  for (const [day, usage] of usageByDay) {
    const spent = byDay.get(day)
    // A day whose spend was partly left out, or is zero or a refund, has nothing like-for-like to replace.
    // A usage line is unique per (account, day, model) (its primary key): a day's lines are already one per model.
    if (spent?.complete && spent.usd > 0) tokenDays.push({ day, usd: spent.usd, usage })
    else unmatchedTokenDays += 1
  }
  const spend = own.view()
  return {
    account,
    windowUsd: valued ? own.micros : null,
    basis: valued ? 'spend' : 'none',
    spend,
    tokenDays,
    tokenUsage: sumByModel(tokenDays.flatMap((day) => day.usage)),
    withTokensUsd: tokenDays.reduce((sum, day) => sum + day.usd, 0),
    unmatchedTokenDays,
    credits: creditTotals(account)
  }
}

function creditTotals(account: AccountWorkload): { unit: string; micros: Micros }[] {
  const byUnit = new Map<string, Micros>()
  for (const line of account.spend) if (!isCurrency(line.unit)) byUnit.set(line.unit, (byUnit.get(line.unit) ?? 0) + line.micros)
  return [...byUnit].map(([unit, micros]) => ({ unit, micros }))
}

/**
 * "converted from CN¥116.00 (1 CNY = 0.14 USD)" for an account whose measured spend was converted,
 * or null when it was already in USD.
 */
export function convertedNote(entry: ValuedAccount): string | null {
  if (!entry.spend.approximate) return null
  const left = new Set(entry.spend.excluded.map((exclusion) => exclusion.unit))
  const byUnit = new Map<string, Micros>()
  for (const line of entry.account.spend) {
    if (line.unit !== COMPARISON_UNIT && !left.has(line.unit)) byUnit.set(line.unit, (byUnit.get(line.unit) ?? 0) + line.micros)
  }
  const from = [...byUnit].map(([unit, micros]) => formatMoney({ amount: microsToDecimal(micros), unit }, 'en-US')).join(' + ')
  const rates = [...new Set(entry.spend.rates.map((use) => `1 ${use.unit} = ${use.rate} ${use.in}`))].join(', ')
  return `converted from ${from} (${rates})`
}
