import Big from 'big.js'
import { formatMoney, isCurrency, microsToDecimal, type Micros } from '../../../shared/money'
import { datasetProviderFor } from './model-names'
import type { ModelRate, PriceBook } from './price-book'
import type { AccountWorkload, ModelUsage, Workload } from './workload'

/** Days in the "month" every figure is normalised to. */
export const DAYS_PER_MONTH = 30

/** One account's usage, valued in USD at what the user pays now. */
export interface ValuedAccount {
  account: AccountWorkload
  /** USD over the window, or null when it cannot be valued. */
  windowUsd: Micros | null
  basis: 'spend' | 'tokens' | 'none'
  /** Non-currency spend (credits…) over the window, per unit, in micro-units. */
  credits: { unit: string; micros: Micros }[]
}

/** The workload valued: the base of every option's cost. */
export interface ValuedWorkload {
  workload: Workload
  accounts: ValuedAccount[]
  /** USD per month (30 days) at what the user pays now: the comparison's usage axis. */
  monthlyUsd: Micros
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

/** Values each account: USD spend as measured; else its tokens at its own provider's prices. */
export function valueWorkload(workload: Workload, prices: PriceBook): ValuedWorkload {
  const excluded: string[] = []
  const accounts = workload.accounts.map((account): ValuedAccount => {
    const usd = account.spend.filter((line) => line.unit === 'USD')
    const credits = account.spend.filter((line) => !isCurrency(line.unit))
    const otherMoney = account.spend.filter((line) => line.unit !== 'USD' && isCurrency(line.unit))
    if (usd.length > 0) {
      return { account, windowUsd: usd.reduce((sum, line) => sum + line.micros, 0), basis: 'spend', credits }
    }
    const provider = datasetProviderFor(account.provider)
    if (account.usage.length > 0 && provider) {
      const rates = account.usage.map((usage) => ({ usage, rate: prices.rate(provider, usage.model) }))
      const unpriced = rates.filter((entry) => !entry.rate).map((entry) => entry.usage.model)
      if (unpriced.length === 0) {
        const total = rates.reduce((sum, entry) => sum + tokenCostMicros(entry.usage, entry.rate as ModelRate), 0)
        return { account, windowUsd: total, basis: 'tokens', credits }
      }
      excluded.push(`${account.label}: no price for ${unpriced.join(', ')} at ${provider}; add a price override to include it.`)
    }
    for (const line of otherMoney) {
      excluded.push(
        `${account.label}: ${formatMoney({ amount: microsToDecimal(line.micros), unit: line.unit }, 'en-US')} of ${line.unit} spend left out (plans are compared in USD and it has no token detail to re-price).`
      )
    }
    return { account, windowUsd: null, basis: 'none', credits }
  })
  const windowTotal = accounts.reduce((sum, entry) => sum + (entry.windowUsd ?? 0), 0)
  return { workload, accounts, monthlyUsd: toMonthly(windowTotal, workload.windowDays), excluded }
}
