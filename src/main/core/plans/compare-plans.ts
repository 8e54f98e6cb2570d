import type { BreakEven, Comparison, PlanOption } from '../../../shared/contract/plans-calls'
import type { BillingOption, Plan, PricingDataset } from '../../../shared/plan-catalog'
import { microsToDecimal, toMicros } from '../../../shared/money'
import { findBreakEvens, type BreakEvenPoint } from './break-even'
import { usd } from './cost-lines'
import { currentCost, lineToWire, paygCost, subscriptionCost, type CostFunction, type Evaluation } from './option-costs'
import type { PriceBook } from './price-book'
import { valueWorkload, type ValuedWorkload } from './usage-valuation'
import type { Workload } from './workload'

/** A plan as the comparison sees it, with where it came from. */
export interface ComparedPlan {
  plan: Plan
  origin: 'catalog' | 'user' | 'edited'
}

/** Everything {@link comparePlans} needs: no I/O happens inside. */
export interface CompareInput {
  workload: Workload
  plans: readonly ComparedPlan[]
  prices: PriceBook
  dataset: PricingDataset & { overrides: number }
  now: Date
}

interface Candidate {
  key: string
  plan: Plan | null
  origin: PlanOption['origin']
  billing: BillingOption | null
  name: string
  cost: CostFunction
}

/** Pairwise break-evens beyond this many stay in `breakEvens` but out of the plain answers. */
const MAX_HEADLINE_BREAK_EVENS = 3


/**
 * The plan comparison (pure): values the measured usage, prices every option per month at that
 * usage, ranks the priced ones, finds where the cheapest option changes, and says it in words.
 * Options with a missing price are listed as unknown and never ranked as $0.
 */
export function comparePlans(input: CompareInput): Comparison {
  const valued = valueWorkload(input.workload, input.prices)
  const candidates = buildCandidates(input, valued)
  const evaluated = candidates.map((candidate) => ({ candidate, evaluation: candidate.cost(1) }))
  const priced = evaluated
    .filter((entry) => entry.evaluation.status === 'priced')
    .sort((a, b) => (a.evaluation.total as number) - (b.evaluation.total as number))
  const rankOf = new Map(priced.map((entry, index) => [entry.candidate.key, index + 1]))
  const options = [...priced, ...evaluated.filter((entry) => entry.evaluation.status !== 'priced')].map((entry) =>
    toOption(entry.candidate, entry.evaluation, rankOf.get(entry.candidate.key) ?? null)
  )
  const breakEvens = valued.monthlyUsd > 0 ? describeBreakEvens(candidates, evaluated, valued) : []
  return {
    generatedAt: input.now.toISOString(),
    usage: summariseUsage(valued),
    dataset: input.dataset,
    options,
    breakEvens,
    answers: answers(valued, options, evaluated, breakEvens)
  }
}

function buildCandidates(input: CompareInput, valued: ValuedWorkload): Candidate[] {
  const list: Candidate[] = [
    { key: 'current', plan: null, origin: 'ledger', billing: null, name: 'What you pay now', cost: currentCost(valued) }
  ]
  for (const { plan, origin } of input.plans) {
    if (plan.kind === 'api-payg') {
      list.push({ key: plan.id, plan, origin, billing: null, name: plan.name, cost: paygCost(plan, valued, input.prices) })
    } else if (plan.kind === 'prepaid' || plan.billing.length === 0) {
      list.push({ key: plan.id, plan, origin, billing: null, name: plan.name, cost: subscriptionCost(plan, undefined, valued) })
    } else {
      for (const billing of plan.billing) {
        const both = plan.billing.length > 1
        list.push({
          key: billing.period === 'year' ? `${plan.id}@year` : plan.id,
          plan,
          origin,
          billing,
          name: both ? `${plan.name} (${billing.period === 'year' ? 'yearly' : 'monthly'})` : plan.name,
          cost: subscriptionCost(plan, billing, valued)
        })
      }
    }
  }
  return list
}

function toOption(candidate: Candidate, evaluation: Evaluation, rank: number | null): PlanOption {
  const plan = candidate.plan
  return {
    key: candidate.key,
    planId: plan?.id ?? null,
    name: candidate.name,
    providerName: plan?.providerName ?? 'Your accounts',
    kind: plan?.kind ?? 'current',
    billingPeriod: candidate.billing?.period ?? null,
    status: evaluation.status,
    monthlyCost: evaluation.total === null ? null : microsToDecimal(evaluation.total),
    rank,
    lines: evaluation.lines.map(lineToWire),
    missing: evaluation.missing,
    answer: optionAnswer(candidate, evaluation),
    asOf: plan?.asOf ?? null,
    sourceUrl: plan?.source.url ?? null,
    origin: candidate.origin
  }
}

function optionAnswer(candidate: Candidate, evaluation: Evaluation): string {
  const name = candidate.name
  if (evaluation.status === 'unknown') {
    // Assumptions about usage matter once a price exists; until then only what is missing does.
    const note = evaluation.notes.find((text) => !text.startsWith('Assumes') && !text.startsWith('Your usage needs'))
    return `Price unknown — fill it in: ${evaluation.missing.join(', ')}.${note ? ` ${note}` : ''}`
  }
  if (evaluation.status === 'cannot-cover') return evaluation.notes[0] ?? `${name} cannot cover your usage.`
  const total = usd(evaluation.total as number)
  if (candidate.key === 'current') return `You pay about ${total} a month as you go.`
  const first = evaluation.notes[0]
  if (candidate.plan?.kind === 'api-payg') return `The same tokens on ${name} would cost about ${total} a month.${first ? ` ${first}` : ''}`
  return first ? `${total} a month. ${first}` : `${total} a month.`
}

function describeBreakEvens(
  candidates: readonly Candidate[],
  evaluated: readonly { candidate: Candidate; evaluation: Evaluation }[],
  valued: ValuedWorkload
): BreakEven[] {
  const pricedKeys = new Set(evaluated.filter((entry) => entry.evaluation.status !== 'unknown').map((entry) => entry.candidate.key))
  const names = new Map(candidates.map((candidate) => [candidate.key, candidate.name]))
  const priced = candidates.filter((candidate) => pricedKeys.has(candidate.key))
  const points = findBreakEvens(priced).map((point) => ({ ...point, overall: true }))
  // Also where each fixed-fee plan starts beating what you pay now, even if something else is cheaper still.
  const current = priced.find((candidate) => candidate.key === 'current')
  const pairwise: (BreakEvenPoint & { overall: boolean })[] = []
  for (const candidate of priced) {
    if (!current || !candidate.plan || candidate.plan.kind === 'api-payg') continue
    for (const point of findBreakEvens([current, candidate])) {
      if (!points.some((known) => known.above === point.above && known.below === point.below)) pairwise.push({ ...point, overall: false })
    }
  }
  // Headlines: every change of the cheapest option, then the pairwise points nearest today's usage.
  pairwise.sort((a, b) => Math.abs(a.scale - 1) - Math.abs(b.scale - 1))
  const headlinePairs = new Set(pairwise.slice(0, Math.max(0, MAX_HEADLINE_BREAK_EVENS - points.length)))
  return [...points, ...pairwise]
    .sort((a, b) => a.scale - b.scale)
    .map((point) => {
      const cents = Math.round((valued.monthlyUsd * point.scale) / 10_000) * 10_000
      const text = `Above ${usd(cents)}/month of usage, ${names.get(point.above)} is cheaper than ${names.get(point.below)}.`
      return { monthlyUsage: microsToDecimal(cents), below: point.below, above: point.above, text, headline: point.overall || headlinePairs.has(point) }
    })
}

function summariseUsage(valued: ValuedWorkload): Comparison['usage'] {
  const { workload } = valued
  return {
    windowDays: workload.windowDays === 90 ? 90 : 30,
    from: workload.from,
    to: workload.to,
    monthlyUsage: microsToDecimal(valued.monthlyUsd),
    accounts: valued.accounts.map((entry) => ({
      label: entry.account.label,
      provider: entry.account.provider,
      windowUsd: entry.windowUsd === null ? null : microsToDecimal(entry.windowUsd),
      basis: entry.basis
    })),
    models: workload.accounts.flatMap((account) => account.usage.map((usage) => ({ provider: account.provider, ...usage }))),
    credits: valued.accounts.flatMap((entry) =>
      entry.credits.map((line) => ({ label: entry.account.label, unit: line.unit, windowAmount: microsToDecimal(line.micros) }))
    ),
    excluded: valued.excluded
  }
}

function answers(
  valued: ValuedWorkload,
  options: readonly PlanOption[],
  evaluated: readonly { candidate: Candidate; evaluation: Evaluation }[],
  breakEvens: readonly BreakEven[]
): string[] {
  const out: string[] = []
  const days = valued.workload.windowDays
  const hasCredits = valued.accounts.some((entry) => entry.credits.length > 0)
  if (valued.monthlyUsd === 0 && !hasCredits) {
    out.push(`No API usage recorded in the last ${days} days: the ranking below shows only fixed fees. Poll your accounts or record usage first.`)
  }
  const ranked = options.filter((option) => option.rank !== null)
  const best = ranked[0]
  const current = options.find((option) => option.key === 'current')
  if (best && valued.monthlyUsd > 0) {
    const bestMicros = toMicros(best.monthlyCost)
    const saving = current?.monthlyCost && best.key !== 'current' ? toMicros(current.monthlyCost) - bestMicros : 0
    const vsNow = saving >= 5_000 ? `, ${usd(saving)}/month less than what you pay now` : ''
    const be = best.key === 'current' ? 'paying as you go, as now, is the cheapest option' : `${best.name} is the cheapest option at ${usd(bestMicros)}/month${vsNow}`
    const caveat = best.key === 'current' ? '' : (evaluated.find((entry) => entry.candidate.key === best.key)?.evaluation.notes ?? []).find((note) => note.includes('re-priced as'))
    out.push(`At your usage (${usd(valued.monthlyUsd)}/month over the last ${days} days), ${be}.${caveat ? ` ${caveat}` : ''}`)
    if (caveat) {
      // The cheapest option swaps models: also name the cheapest that keeps the models you use.
      const sameModels = ranked.find((option) => !evaluated.find((entry) => entry.candidate.key === option.key)?.evaluation.notes.some((note) => note.includes('re-priced as')))
      if (sameModels) out.push(`Keeping the models you use, ${sameModels.key === 'current' ? 'paying as you go, as now, is cheapest' : `${sameModels.name} is cheapest at ${usd(toMicros(sameModels.monthlyCost as string))}/month`}.`)
    }
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
