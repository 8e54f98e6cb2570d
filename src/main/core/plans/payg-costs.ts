import type { Plan } from '../../../shared/plan-catalog'
import type { Micros } from '../../../shared/money'
import { credits, finish, type CostFunction, type Line } from './cost-lines'
import { datasetProviderFor } from './model-names'
import type { PriceBook } from './price-book'
import { COMPARISON_UNIT, toMonthly, tokenCostMicros, type ValuedAccount, type ValuedWorkload } from './usage-valuation'
import type { ModelUsage } from './workload'

/** False for embedding, speech, image and moderation models, which no chat model can stand in for. */
export function isChatModel(model: string): boolean {
  return !/embed|whisper|tts|transcribe|dall-e|image|moderation|rerank/i.test(model)
}

/** How much of the measured spend a pay-as-you-go option could re-price (USD over the window). */
export interface Repricing {
  /** Spend on the days and accounts with token counts, re-priced on this provider. */
  repriced: Micros
  /** All measured spend: "what you pay now" over the window. */
  measured: Micros
  /** Spend already on this provider, kept as measured. */
  alreadyThere: Micros
}

/** A pay-as-you-go option: its cost, how much of your spend it re-priced, and whether converted spend is in it. */
export interface PaygOption {
  cost: CostFunction
  repricing: Repricing
  converted: boolean
}

/** True when spend on days other than the re-priced ones was converted into USD. */
function keptConverted(entry: ValuedAccount, keptDays: (day: string) => boolean): boolean {
  const left = new Set(entry.spend.excluded.map((exclusion) => exclusion.unit))
  return entry.account.spend.some((line) => keptDays(line.day) && line.unit !== COMPARISON_UNIT && !left.has(line.unit) && line.micros !== 0)
}

/**
 * The same work at another provider's per-token prices. Like is compared with like: only the
 * days on which an account has both measured spend and token counts are re-priced; the rest of
 * the spend (and all spend already on this provider) stays at what you pay. An option that could
 * re-price nothing would only repeat "what you pay now", so it is `not-repriced`, never ranked.
 */
export function paygCost(plan: Plan, valued: ValuedWorkload, prices: PriceBook): PaygOption {
  const providerId = plan.pricing?.providerId ?? plan.provider
  const fallback = plan.pricing?.fallbackModel ?? null
  const days = valued.workload.windowDays
  const base: Line[] = []
  const missing: string[] = []
  const stoodIn = new Set<string>()
  const repricing: Repricing = { repriced: 0, measured: valued.windowMicros, alreadyThere: 0 }
  let converted = false
  for (const entry of valued.accounts) {
    const { account } = entry
    if (entry.windowUsd === null) continue
    if (datasetProviderFor(account.provider) === providerId) {
      base.push({ label: account.label, micros: toMonthly(entry.windowUsd, days), detail: `your measured ${plan.providerName} spend` })
      repricing.alreadyThere += entry.windowUsd
      converted ||= entry.spend.approximate
      continue
    }
    const tokenDays = new Set(entry.tokenDays.map((day) => day.day))
    repricing.repriced += entry.withTokensUsd
    for (const usage of entry.tokenUsage) {
      const line = repriceLine(usage, account.provider, providerId, plan.providerName, fallback, prices, days)
      if (line.missing) missing.push(line.missing)
      if (line.stoodIn) stoodIn.add(usage.model)
      base.push(line.line)
    }
    const kept = entry.windowUsd - entry.withTokensUsd
    if (kept !== 0 || tokenDays.size === 0) {
      const why = tokenDays.size === 0 ? 'no token counts to re-price' : 'the days without token counts'
      base.push({ label: account.label, micros: toMonthly(kept, days), detail: `kept at measured spend: ${why}` })
      converted ||= keptConverted(entry, (day) => !tokenDays.has(day))
    }
  }
  const notes = repricing.repriced > 0 ? repricedNotes(plan, stoodIn, fallback) : [notRepricedReason(plan, repricing)]
  const missingOnce = [...new Set(missing)]
  const priced = repricing.repriced > 0
  const cost: CostFunction = (scale) => {
    const evaluation = finish(
      base.map((line) => ({ ...line, micros: line.micros === null ? null : Math.round(line.micros * scale) })),
      missingOnce,
      notes
    )
    return priced ? evaluation : { ...evaluation, status: 'not-repriced', total: null }
  }
  // The total of `cost(scale)` when it is priced (no missing price, something re-priced), line by line rounded alike.
  cost.totalAt = (scale) => {
    if (!priced || missingOnce.length > 0) return Number.POSITIVE_INFINITY
    let total = 0
    for (const line of base) total += line.micros === null ? 0 : Math.round(line.micros * scale)
    return total
  }
  return { cost, repricing, converted }
}

function repricedNotes(plan: Plan, stoodIn: ReadonlySet<string>, fallback: string | null): string[] {
  return stoodIn.size > 0 && fallback
    ? [`${plan.providerName} does not sell ${[...stoodIn].join(', ')}: re-priced as ${fallback}, a different model, not only a different price.`]
    : []
}

function notRepricedReason(plan: Plan, repricing: Repricing): string {
  if (repricing.measured === 0) return `Not ranked: no spend measured in this window, so there is nothing to re-price on ${plan.providerName}.`
  if (repricing.alreadyThere === repricing.measured) return `Not ranked: all of your measured spend is already on ${plan.providerName}, so this is what you pay now.`
  return `Not ranked: none of your spend outside ${plan.providerName} has token counts (tokens by model on the days you spent), so it cannot be re-priced here and would only repeat what you pay now.`
}

/** One model's tokens from the re-priced days at `providerId`'s price (or a stand-in's). */
function repriceLine(
  usage: ModelUsage,
  accountProvider: string,
  providerId: string,
  providerName: string,
  fallback: string | null,
  prices: PriceBook,
  days: number
): { line: Line; missing?: string; stoodIn?: boolean } {
  const own = prices.rate(providerId, usage.model)
  const tokens = `${credits(usage.inputTokens + usage.cachedInputTokens + usage.cacheWriteTokens)} in / ${credits(usage.outputTokens)} out tokens`
  // A chat model stands in only for chat models: embeddings (or speech, images) priced as chat
  // input would be wildly off. Those stay at their own provider's price.
  const home = datasetProviderFor(accountProvider)
  const homeRate = !own && !isChatModel(usage.model) && home ? prices.rate(home, usage.model) : null
  if (homeRate) {
    return { line: { label: usage.model, micros: toMonthly(tokenCostMicros(usage, homeRate), days), detail: `${tokens} kept at ${home}'s price: ${providerName} has no equivalent` } }
  }
  const rate = own ?? (fallback && isChatModel(usage.model) ? prices.rate(providerId, fallback) : null)
  if (!rate) {
    return { line: { label: usage.model, micros: null, detail: `${tokens}: no price in the dataset` }, missing: `a price for ${usage.model} at ${providerId} (add a price override)` }
  }
  const as = own ? '' : ` re-priced as ${rate.modelId}`
  const source = rate.source === 'override' ? 'your price' : 'dataset'
  return {
    line: { label: usage.model, micros: toMonthly(tokenCostMicros(usage, rate), days), detail: `${tokens}${as} at $${rate.inputMtok} / $${rate.outputMtok} per Mtok (${source})` },
    stoodIn: !own
  }
}
