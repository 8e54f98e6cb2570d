import type { BillingOption, Plan } from '../../../shared/plan-catalog'
import { microsToDecimal, toMicros, type Micros } from '../../../shared/money'
import { datasetProviderFor } from './model-names'
import type { PriceBook } from './price-book'
import { credits, finish, usd, type CostFunction, type Line } from './cost-lines'
import { creditLines } from './credit-costs'
import { toMonthly, tokenCostMicros, type ValuedWorkload } from './usage-valuation'

export type { CostFunction, Evaluation, Line } from './cost-lines'

/** False for embedding, speech, image and moderation models, which no chat model can stand in for. */
export function isChatModel(model: string): boolean {
  return !/embed|whisper|tts|transcribe|dall-e|image|moderation|rerank/i.test(model)
}

/** What you pay now: every valued account at its measured (or token-estimated) cost. */
export function currentCost(valued: ValuedWorkload): CostFunction {
  const days = valued.workload.windowDays
  return (scale) => {
    const lines = valued.accounts
      .filter((entry) => entry.windowUsd !== null)
      .map((entry) => ({
        label: entry.account.label,
        micros: Math.round(toMonthly(entry.windowUsd as Micros, days) * scale),
        detail: entry.basis === 'spend' ? 'measured spend' : 'estimated from tokens at list price'
      }))
    return finish(lines, [], [])
  }
}

/** The same tokens at another provider's per-token prices (pay-as-you-go). */
export function paygCost(plan: Plan, valued: ValuedWorkload, prices: PriceBook): CostFunction {
  const providerId = plan.pricing?.providerId ?? plan.provider
  const fallback = plan.pricing?.fallbackModel ?? null
  const days = valued.workload.windowDays
  const base: Line[] = []
  const missing: string[] = []
  const stoodIn = new Set<string>()
  for (const entry of valued.accounts) {
    const { account } = entry
    if (datasetProviderFor(account.provider) === providerId && entry.basis === 'spend') {
      base.push({ label: account.label, micros: toMonthly(entry.windowUsd as Micros, days), detail: `your measured ${plan.providerName} spend` })
      continue
    }
    if (account.usage.length > 0) {
      for (const usage of account.usage) {
        const own = prices.rate(providerId, usage.model)
        const tokens = `${credits(usage.inputTokens + usage.cachedInputTokens + usage.cacheWriteTokens)} in / ${credits(usage.outputTokens)} out tokens`
        // A chat model stands in only for chat models: embeddings (or speech, images) priced as
        // chat input would be wildly off. Those stay at their own provider's price.
        const home = datasetProviderFor(account.provider)
        const homeRate = !own && !isChatModel(usage.model) && home ? prices.rate(home, usage.model) : null
        if (homeRate) {
          base.push({ label: usage.model, micros: toMonthly(tokenCostMicros(usage, homeRate), days), detail: `${tokens} kept at ${home}'s price: ${plan.providerName} has no equivalent` })
          continue
        }
        const rate = own ?? (fallback && isChatModel(usage.model) ? prices.rate(providerId, fallback) : null)
        if (!rate) {
          missing.push(`a price for ${usage.model} at ${providerId} (add a price override)`)
          base.push({ label: usage.model, micros: null, detail: `${tokens}: no price in the dataset` })
          continue
        }
        if (!own) stoodIn.add(usage.model)
        const as = own ? '' : ` re-priced as ${rate.modelId}`
        const source = rate.source === 'override' ? 'your price' : 'dataset'
        base.push({
          label: usage.model,
          micros: toMonthly(tokenCostMicros(usage, rate), days),
          detail: `${tokens}${as} at $${rate.inputMtok} / $${rate.outputMtok} per Mtok (${source})`
        })
      }
      continue
    }
    if (entry.windowUsd !== null) {
      base.push({ label: account.label, micros: toMonthly(entry.windowUsd, days), detail: 'kept at measured spend: no token detail to re-price' })
    }
  }
  const notes =
    stoodIn.size > 0 && fallback
      ? [`${plan.providerName} does not sell ${[...stoodIn].join(', ')}: re-priced as ${fallback}, a different model, not only a different price.`]
      : []
  return (scale) =>
    finish(
      base.map((line) => ({ ...line, micros: line.micros === null ? null : Math.round(line.micros * scale) })),
      [...new Set(missing)],
      notes
    )
}

/** Monthly share of a billing option's price, or null when the price is unknown. */
function monthlyFee(option: BillingOption | undefined): Micros | null {
  if (!option || option.price === null) return null
  return option.period === 'year' ? Math.round(toMicros(option.price) / 12) : toMicros(option.price)
}

/** Measured use of this plan's credit unit by accounts that look like this plan's provider. */
function measuredCredits(plan: Plan, valued: ValuedWorkload): number {
  const unit = plan.credits?.unit.toLowerCase()
  const names = [plan.provider, plan.providerName].map((name) => name.toLowerCase())
  let micros = 0
  for (const entry of valued.accounts) {
    const who = `${entry.account.provider} ${entry.account.label}`.toLowerCase()
    if (!names.some((name) => who.includes(name))) continue
    for (const line of entry.credits) if (line.unit.toLowerCase() === unit) micros += line.micros
  }
  return toMonthly(micros, valued.workload.windowDays) / 1_000_000
}

/**
 * A subscription (fee per period, maybe with monthly credits and top-ups) or a prepaid plan
 * (credit packs only), at one billing option.
 */
export function subscriptionCost(plan: Plan, option: BillingOption | undefined, valued: ValuedWorkload): CostFunction {
  const fee = plan.kind === 'prepaid' ? 0 : monthlyFee(option)
  const period = option?.period === 'year' ? 'yearly' : 'monthly'
  const measured = measuredCredits(plan, valued)
  return (scale) => {
    const lines: Line[] = []
    const missing: string[] = []
    const notes: string[] = []
    if (plan.kind !== 'prepaid') {
      if (fee === null) missing.push(`the ${period} price`)
      const detail = option?.period === 'year' && option.price !== null ? `$${option.price} a year ÷ 12` : null
      lines.push({ label: `${plan.name} ${period === 'yearly' ? 'yearly fee (per month)' : 'monthly fee'}`, micros: fee, detail })
    }
    const apiUsd = Math.round(valued.monthlyUsd * scale)
    if (!plan.includesApiUsage) {
      lines.push({ label: 'API spend that remains', micros: apiUsd, detail: `${plan.name} includes no API credits` })
      notes.push(
        apiUsd > 0
          ? `${plan.name} does not include API credits: your ${usd(apiUsd)} of API spend would remain.`
          : `${plan.name} does not include API credits: API calls are billed separately.`
      )
      return finish(lines, missing, notes)
    }
    if (!plan.credits) {
      lines.push({ label: 'Usage', micros: 0, detail: 'included in the fee' })
      return finish(lines, missing, notes)
    }
    return creditLines(plan, plan.credits, scale, apiUsd, measured, lines, missing, notes)
  }
}

/** Formats a {@link Line} for the bridge. */
export function lineToWire(line: Line): { label: string; amount: string | null; detail: string | null } {
  return { label: line.label, amount: line.micros === null ? null : microsToDecimal(line.micros), detail: line.detail }
}
