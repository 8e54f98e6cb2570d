import type { BreakEven, Comparison, PlanOption } from '../../../shared/contract/plans-calls'
import type { BillingOption, Plan, PricingDataset } from '../../../shared/plan-catalog'
import { microsToDecimal } from '../../../shared/money'
import type { Valuer } from '../ledger/valuation'
import { findBreakEvens, type BreakEvenPoint } from './break-even'
import { usd } from './cost-lines'
import { currentCost, lineToWire, paygCost, subscriptionConverted, subscriptionCost, type CostFunction, type Evaluation, type Repricing } from './option-costs'
import { answers, type Evaluated } from './plan-answers'
import type { PriceBook } from './price-book'
import { repricingToWire } from './repricing-text'
import { valueWorkload, type ValuedWorkload } from './usage-valuation'
import { sumByModel, type Workload } from './workload'

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
  /** Values the measured spend: exchange rates by day, credit values (see `Valuer.load`). */
  valuer: Valuer
  dataset: PricingDataset & { overrides: number }
  now: Date
}

/** One option before it is evaluated. */
export interface Candidate {
  key: string
  plan: Plan | null
  origin: PlanOption['origin']
  billing: BillingOption | null
  name: string
  cost: CostFunction
  /** Part of its figure is measured spend converted into USD. */
  converted: boolean
  /** Pay-as-you-go options: how much of the measured spend they re-price. */
  repricing: Repricing | null
}

/** Pairwise break-evens beyond this many stay in `breakEvens` but out of the plain answers. */
const MAX_HEADLINE_BREAK_EVENS = 3

/**
 * The plan comparison (pure): takes what you pay now from the measured spend, prices every option
 * per month at that usage, ranks the priced ones, finds where the cheapest option changes, and
 * says it in words. Options with a missing price are listed as unknown and never ranked as $0;
 * pay-as-you-go options with no token counts to re-price are listed unranked.
 */
export function comparePlans(input: CompareInput): Comparison {
  const valued = valueWorkload(input.workload, input.valuer)
  const candidates = buildCandidates(input, valued)
  const evaluated: Evaluated[] = candidates.map((candidate) => ({ candidate, evaluation: candidate.cost(1) }))
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
    {
      key: 'current',
      plan: null,
      origin: 'ledger',
      billing: null,
      name: 'What you pay now',
      cost: currentCost(valued),
      converted: valued.windowSpend.approximate,
      repricing: null
    }
  ]
  for (const { plan, origin } of input.plans) {
    if (plan.kind === 'api-payg') {
      const payg = paygCost(plan, valued, input.prices)
      list.push({ key: plan.id, plan, origin, billing: null, name: plan.name, cost: payg.cost, converted: payg.converted, repricing: payg.repricing })
      continue
    }
    const converted = subscriptionConverted(plan, valued)
    if (plan.kind === 'prepaid' || plan.billing.length === 0) {
      list.push({ key: plan.id, plan, origin, billing: null, name: plan.name, cost: subscriptionCost(plan, undefined, valued), converted, repricing: null })
      continue
    }
    for (const billing of plan.billing) {
      const both = plan.billing.length > 1
      list.push({
        key: billing.period === 'year' ? `${plan.id}@year` : plan.id,
        plan,
        origin,
        billing,
        name: both ? `${plan.name} (${billing.period === 'year' ? 'yearly' : 'monthly'})` : plan.name,
        cost: subscriptionCost(plan, billing, valued),
        converted,
        repricing: null
      })
    }
  }
  return list
}

function toOption(candidate: Candidate, evaluation: Evaluation, rank: number | null): PlanOption {
  const plan = candidate.plan
  const repricing = candidate.repricing ? repricingToWire(candidate.repricing, plan?.providerName ?? candidate.name) : null
  return {
    key: candidate.key,
    planId: plan?.id ?? null,
    name: candidate.name,
    providerName: plan?.providerName ?? 'Your accounts',
    kind: plan?.kind ?? 'current',
    billingPeriod: candidate.billing?.period ?? null,
    status: evaluation.status,
    monthlyCost: evaluation.total === null ? null : microsToDecimal(evaluation.total),
    converted: candidate.converted,
    repricing,
    rank,
    lines: evaluation.lines.map(lineToWire),
    missing: evaluation.missing,
    answer: optionAnswer(candidate, evaluation, repricing?.text ?? null),
    asOf: plan?.asOf ?? null,
    sourceUrl: plan?.source.url ?? null,
    origin: candidate.origin
  }
}

function optionAnswer(candidate: Candidate, evaluation: Evaluation, coverage: string | null): string {
  const name = candidate.name
  if (evaluation.status === 'unknown') {
    // Assumptions about usage matter once a price exists; until then only what is missing does.
    const note = evaluation.notes.find((text) => !text.startsWith('Assumes') && !text.startsWith('Your usage needs'))
    return `Price unknown — fill it in: ${evaluation.missing.join(', ')}.${note ? ` ${note}` : ''}`
  }
  if (evaluation.status === 'cannot-cover') return evaluation.notes[0] ?? `${name} cannot cover your usage.`
  if (evaluation.status === 'not-repriced') return evaluation.notes[0] ?? `Not ranked: nothing to re-price on ${name}.`
  const total = usd(evaluation.total as number)
  if (candidate.key === 'current') {
    return `You pay ${total} a month as you go: your measured spend${candidate.converted ? ', converted into USD' : ''}.`
  }
  const first = evaluation.notes[0]
  if (candidate.plan?.kind === 'api-payg') {
    return `The same tokens on ${name} would cost about ${total} a month.${coverage ? ` ${coverage}` : ''}${first ? ` ${first}` : ''}`
  }
  return first ? `${total} a month. ${first}` : `${total} a month.`
}

function describeBreakEvens(candidates: readonly Candidate[], evaluated: readonly Evaluated[], valued: ValuedWorkload): BreakEven[] {
  // An option that is unranked at every usage level (no price, nothing re-priced) has no break-even.
  const pricedKeys = new Set(evaluated.filter((entry) => entry.evaluation.status === 'priced' || entry.evaluation.status === 'cannot-cover').map((entry) => entry.candidate.key))
  // Inside a sentence "What you pay now" is a phrase, not a title: "cheaper than what you pay now".
  const names = new Map(candidates.map((candidate) => [candidate.key, candidate.key === 'current' ? candidate.name.toLowerCase() : candidate.name]))
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
    windowSpend: valued.windowSpend,
    withTokensUsd: microsToDecimal(valued.withTokensUsd),
    accounts: valued.accounts.map((entry) => ({
      label: entry.account.label,
      provider: entry.account.provider,
      windowUsd: entry.windowUsd === null ? null : microsToDecimal(entry.windowUsd),
      basis: entry.basis,
      converted: entry.spend.approximate,
      withTokensUsd: microsToDecimal(entry.withTokensUsd)
    })),
    models: workload.accounts.flatMap((account) => sumByModel(account.usage).map((usage) => ({ provider: account.provider, ...usage }))),
    credits: valued.accounts.flatMap((entry) =>
      entry.credits.map((line) => ({ label: entry.account.label, unit: line.unit, windowAmount: microsToDecimal(line.micros) }))
    ),
    excluded: valued.excluded
  }
}
