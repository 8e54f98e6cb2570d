import type { Repricing as WireRepricing } from '../../../shared/contract/plans-calls'
import { microsToDecimal } from '../../../shared/money'
import type { Repricing } from './payg-costs'

/** `repriced ÷ measured` in whole percent, rounded down so "100 %" only ever means all of it. */
export function repricedPercent(repricing: Repricing): number {
  if (repricing.measured <= 0 || repricing.repriced <= 0) return 0
  return Math.min(100, Math.floor((repricing.repriced * 100) / repricing.measured))
}

/** How much of your spend an option re-priced, in one sentence. */
export function repricingText(repricing: Repricing, providerName: string): string {
  if (repricing.repriced <= 0) return 'Re-prices none of your spend: no token counts on the days you spent outside this provider.'
  // Refunds can leave the window's spend at or below zero: then there is no share to give.
  if (repricing.measured <= 0) return 'Re-prices the days with token counts; your measured spend over the window is not above zero, so it gives no share of it.'
  if (repricing.repriced >= repricing.measured) return 'Re-prices all of your spend: every day you spent has token counts.'
  const percent = repricedPercent(repricing)
  const share = percent === 0 ? 'under 1 %' : `${percent} %`
  const there = repricing.alreadyThere > 0 ? `, including what you already spend on ${providerName},` : ''
  return `Re-prices ${share} of your spend: the days and accounts with token counts; the rest${there} is counted at what you pay now.`
}

/** A {@link Repricing} for the bridge. */
export function repricingToWire(repricing: Repricing, providerName: string): WireRepricing {
  return {
    repricedSpend: microsToDecimal(repricing.repriced),
    measuredSpend: microsToDecimal(repricing.measured),
    alreadyThere: microsToDecimal(repricing.alreadyThere),
    percent: repricedPercent(repricing),
    text: repricingText(repricing, providerName)
  }
}
