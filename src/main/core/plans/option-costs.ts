import type { BillingOption, Plan } from '../../../shared/plan-catalog'
import { microsToDecimal, toMicros, type Micros } from '../../../shared/money'
import { finish, usd, type CostFunction, type Line } from './cost-lines'
import { creditLines } from './credit-costs'
import { convertedNote, toMonthly, type ValuedWorkload } from './usage-valuation'

export type { CostFunction, Evaluation, Line } from './cost-lines'
export { isChatModel, paygCost, type PaygOption, type Repricing } from './payg-costs'

/** What you pay now: every account's measured spend over the window, per month, converted where needed. */
export function currentCost(valued: ValuedWorkload): CostFunction {
  const days = valued.workload.windowDays
  const base: Line[] = valued.accounts.map((entry) => {
    if (entry.windowUsd === null) {
      const why = entry.account.spend.length === 0 ? 'no spend recorded: token counts alone are not a cost' : 'left out: its spend could not be valued in USD (see Left out)'
      return { label: entry.account.label, micros: null, detail: why }
    }
    const note = convertedNote(entry)
    return { label: entry.account.label, micros: toMonthly(entry.windowUsd, days), detail: note ? `measured spend, ${note}` : 'measured spend' }
  })
  return (scale) => finish(base.map((line) => ({ ...line, micros: line.micros === null ? null : Math.round(line.micros * scale) })), [], [])
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

/**
 * True when a subscription's cost carries measured spend that was converted into USD: the API
 * spend that would remain, or the credits that spend would need.
 */
export function subscriptionConverted(plan: Plan, valued: ValuedWorkload): boolean {
  if (!valued.windowSpend.approximate) return false
  if (!plan.includesApiUsage) return true
  return plan.credits !== null && measuredCredits(plan, valued) === 0
}

/** Formats a {@link Line} for the bridge. */
export function lineToWire(line: Line): { label: string; amount: string | null; detail: string | null } {
  return { label: line.label, amount: line.micros === null ? null : microsToDecimal(line.micros), detail: line.detail }
}
