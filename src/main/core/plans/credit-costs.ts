import type { Plan } from '../../../shared/plan-catalog'
import { toMicros, type Micros } from '../../../shared/money'
import { credits, finish, usd, type Evaluation, type Line } from './cost-lines'

/**
 * The credit part of a plan's monthly cost: credits needed (measured, or the API usage converted at
 * the plan's rate), what the included credits cover, top-ups for the rest (cheapest pack), and
 * bought credits that would expire before use. Appends to `lines`, `missing` and `notes`.
 */
export function creditLines(
  plan: Plan,
  unitInfo: NonNullable<Plan['credits']>,
  scale: number,
  apiUsd: Micros,
  measured: number,
  lines: Line[],
  missing: string[],
  notes: string[]
): Evaluation {
  const unit = unitInfo.unit
  let need: number | null
  if (measured > 0) {
    need = measured * scale
    notes.push(`Based on your measured ${plan.providerName} use of ${credits(need)} ${unit}/month.`)
  } else if (unitInfo.perUsd === null) {
    need = null
    missing.push(`the credit value (${unit} per $1)`)
  } else {
    need = (apiUsd / 1_000_000) * unitInfo.perUsd * (unitInfo.usageMarkup ?? 1)
    if (unitInfo.usageMarkup === null && apiUsd > 0) {
      notes.push(`Assumes ${plan.providerName} charges your usage at API list price (${unitInfo.perUsd} ${unit} = $1); set a markup if it charges more.`)
    }
  }
  // One-time credits do not recur, so they do not lower the steady monthly cost. A yearly grant is
  // entered per month (a twelfth), which equals it for steady usage.
  const included = unitInfo.refresh === 'none' ? 0 : unitInfo.includedPerMonth
  if (included === null) missing.push(`the ${unit} included per month`)
  if (need === null || included === null) {
    lines.push({ label: `${unit} needed`, micros: null, detail: need === null ? 'unknown' : `${credits(need)} ${unit}/month` })
    return finish(lines, missing, notes)
  }
  const overage = Math.max(0, need - included)
  const unused = Math.max(0, included - need)
  if (unused > 0 && !unitInfo.rollover && included > 0) {
    const worth = unitInfo.perUsd ? ` (worth ${usd((unused / unitInfo.perUsd) * 1_000_000)})` : ''
    lines.push({ label: `Included ${unit} unused`, micros: null, detail: `${credits(unused)} of ${credits(included)} ${unit} lapse each month${worth}; already paid in the fee` })
  } else if (included > 0) {
    lines.push({ label: `Included ${unit}`, micros: null, detail: `${credits(Math.min(need, included))} of ${credits(included)} ${unit} used each month` })
  }
  const fromTopUps = overage > 0 ? `, ${credits(overage)} from top-ups` : ''
  notes.unshift(`Your usage needs about ${credits(need)} ${unit}/month: ${credits(Math.min(need, included))} included${fromTopUps}.`)
  if (overage <= 0) return finish(lines, missing, notes)
  if (plan.topUps.length === 0) {
    notes.push(`${plan.name}'s ${credits(included)} monthly ${unit} would not cover your ${credits(need)} ${unit}/month and it sells no top-ups.`)
    lines.push({ label: `${unit} short each month`, micros: null, detail: `${credits(overage)} ${unit}` })
    return finish(lines, missing, notes, true)
  }
  const packs = plan.topUps.filter((pack) => pack.price !== null && pack.credits !== null && pack.credits > 0)
  if (packs.length === 0) {
    missing.push('the top-up price and size')
    lines.push({ label: `Top-ups (${credits(overage)} ${unit}/month)`, micros: null, detail: 'price unknown' })
    return finish(lines, missing, notes)
  }
  const costed = packs.map((pack) => {
    const price = toMicros(pack.price as string)
    const size = pack.credits as number
    const buy = Math.round((overage * price) / size)
    // Bought credits that outlive their validity are lost: a pack lasting longer than it is valid
    // must be re-bought every `validityMonths`, whatever is left of it.
    const monthly = pack.validityMonths === null ? buy : Math.max(buy, Math.round(price / pack.validityMonths))
    return { pack, price, size, buy, monthly }
  })
  const best = costed.reduce((a, b) => (b.monthly < a.monthly ? b : a))
  const validity = best.pack.validityMonths === null ? 'never expire' : `valid ${best.pack.validityMonths} months`
  lines.push({
    label: `Top-ups (${credits(overage)} ${unit}/month)`,
    micros: best.buy,
    detail: `packs of ${credits(best.size)} ${unit} for $${best.pack.price}, ${validity}`
  })
  if (best.monthly > best.buy) {
    const months = best.size / overage
    lines.push({
      label: `Top-up ${unit} that expire unused`,
      micros: best.monthly - best.buy,
      detail: `a pack lasts ${months.toFixed(1)} months at your usage but expires after ${best.pack.validityMonths}`
    })
    notes.unshift(`Part of each ${credits(best.size)}-${unit} pack would expire unused: ${usd(best.monthly - best.buy)}/month wasted.`)
  }
  return finish(lines, missing, notes)
}
