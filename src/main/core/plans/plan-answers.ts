import type { BreakEven, PlanOption } from '../../../shared/contract/plans-calls'
import { toMicros } from '../../../shared/money'
import type { Candidate } from './compare-plans'
import { usd, type Evaluation } from './cost-lines'
import type { ValuedWorkload } from './usage-valuation'

/** A candidate with its cost at the measured usage. */
export interface Evaluated {
  candidate: Candidate
  evaluation: Evaluation
}

/** Plain answers for the whole comparison, most useful first. */
export function answers(valued: ValuedWorkload, options: readonly PlanOption[], evaluated: readonly Evaluated[], breakEvens: readonly BreakEven[]): string[] {
  const out: string[] = []
  const days = valued.workload.windowDays
  const hasCredits = valued.accounts.some((entry) => entry.credits.length > 0)
  if (valued.monthlyUsd === 0 && !hasCredits) {
    const tokensOnly = valued.accounts.some((entry) => entry.account.usage.length > 0)
    out.push(
      tokensOnly
        ? `No spend recorded in the last ${days} days, only token counts: there is nothing measured to compare them with, so the ranking below shows only fixed fees. Poll your accounts or record spend first.`
        : `No API usage recorded in the last ${days} days: the ranking below shows only fixed fees. Poll your accounts or record usage first.`
    )
  }
  const ranked = options.filter((option) => option.rank !== null)
  const best = ranked[0]
  const current = options.find((option) => option.key === 'current')
  if (best && valued.monthlyUsd > 0) out.push(...bestAnswers(valued, best, current, ranked, evaluated))
  const hasPayg = options.some((option) => option.kind === 'api-payg')
  if (hasPayg && valued.monthlyUsd > 0 && valued.withTokensUsd === 0) {
    out.push(
      'None of your measured spend has token counts (tokens by model on the days you spent), so the pay-as-you-go APIs cannot re-price it and are listed unranked. OpenAI and Anthropic admin keys report tokens by model.'
    )
  }
  const seen = new Set<string>()
  for (const { candidate, evaluation } of evaluated) {
    // Only priced ones: the unknown ones say the same in their own answer, and would crowd this list.
    if (!candidate.plan || candidate.plan.includesApiUsage || evaluation.status !== 'priced' || seen.has(candidate.plan.id) || valued.monthlyUsd === 0) continue
    seen.add(candidate.plan.id)
    const note = evaluation.notes[0]
    if (note) out.push(note)
  }
  out.push(...yearlyAnswers(options, evaluated))
  out.push(...breakEvens.filter((point) => point.headline).map((point) => point.text))
  const unknown = options.filter((option) => option.status === 'unknown').length
  if (unknown > 0) out.push(`${unknown} option${unknown === 1 ? ' has' : 's have'} no price yet — fill ${unknown === 1 ? 'it' : 'them'} in to rank ${unknown === 1 ? 'it' : 'them'}.`)
  return out
}

function bestAnswers(valued: ValuedWorkload, best: PlanOption, current: PlanOption | undefined, ranked: readonly PlanOption[], evaluated: readonly Evaluated[]): string[] {
  const out: string[] = []
  const days = valued.workload.windowDays
  const notesOf = (key: string): string[] => evaluated.find((entry) => entry.candidate.key === key)?.evaluation.notes ?? []
  const bestMicros = toMicros(best.monthlyCost)
  const saving = current?.monthlyCost && best.key !== 'current' ? toMicros(current.monthlyCost) - bestMicros : 0
  const vsNow = saving >= 5_000 ? `, ${usd(saving)}/month less than what you pay now` : ''
  const be = best.key === 'current' ? 'paying as you go, as now, is the cheapest option' : `${best.name} is the cheapest option at ${usd(bestMicros)}/month${vsNow}`
  const caveat = best.key === 'current' ? undefined : notesOf(best.key).find((note) => note.includes('re-priced as'))
  // A re-pricing that covers only part of the spend says so where it is recommended.
  const coverage = best.repricing && best.repricing.percent < 100 ? best.repricing.text : undefined
  const after = [caveat, coverage].filter((text) => text !== undefined).map((text) => ` ${text}`).join('')
  out.push(`At your usage (${usd(valued.monthlyUsd)}/month over the last ${days} days), ${be}.${after}`)
  if (caveat) {
    // The cheapest option swaps models: also name the cheapest that keeps the models you use.
    const sameModels = ranked.find((option) => !notesOf(option.key).some((note) => note.includes('re-priced as')))
    if (sameModels) {
      const text = sameModels.key === 'current' ? 'paying as you go, as now, is cheapest' : `${sameModels.name} is cheapest at ${usd(toMicros(sameModels.monthlyCost as string))}/month`
      out.push(`Keeping the models you use, ${text}.`)
    }
  }
  return out
}

function yearlyAnswers(options: readonly PlanOption[], evaluated: readonly { candidate: Candidate }[]): string[] {
  const out: string[] = []
  for (const { candidate } of evaluated) {
    if (candidate.billing?.period !== 'year' || !candidate.plan) continue
    const yearly = options.find((option) => option.key === candidate.key)
    const monthly = options.find((option) => option.key === candidate.plan?.id)
    if (!yearly?.monthlyCost || !monthly?.monthlyCost) continue
    const perMonth = toMicros(monthly.monthlyCost) - toMicros(yearly.monthlyCost)
    const name = /\bplan$/i.test(candidate.plan.name) ? candidate.plan.name : `${candidate.plan.name} plan`
    if (perMonth >= 5_000) {
      out.push(`At your usage the ${name}'s yearly billing saves ${usd(perMonth * 12)} a year (${usd(perMonth)}/month).`)
    } else if (perMonth <= -5_000) {
      out.push(`At your usage the ${name}'s monthly billing is cheaper than yearly by ${usd(-perMonth * 12)} a year.`)
    }
  }
  return out
}
