import { planSchema, type Plan, type PlanKind } from '../../../../shared/plan-catalog'

/** The plan dialog's fields, as typed (strings), so half-typed numbers survive re-renders. */
export interface PlanForm {
  id: string
  isNew: boolean
  provider: string
  providerName: string
  name: string
  kind: PlanKind
  monthly: boolean
  monthlyPrice: string
  yearly: boolean
  yearlyPrice: string
  includesApiUsage: boolean
  hasCredits: boolean
  creditUnit: string
  perUsd: string
  included: string
  rollover: boolean
  markup: string
  /** Sells credit packs (even if their size or price is unknown). */
  hasTopUp: boolean
  topUpCredits: string
  topUpPrice: string
  topUpValidity: string
  pricingProvider: string
  fallback: string
  asOf: string
  sourceUrl: string
  notes: string
  /** Kept as they were: the seed reference and any extra top-up packs the form does not show. */
  seed: string | null
  topUpNote: string | undefined
  extraTopUps: Plan['topUps']
  refresh: 'monthly' | 'yearly' | 'none'
}

export type PlanFormErrors = Partial<Record<keyof PlanForm | 'form', string>>

const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value))

/** Today as `YYYY-MM-DD` (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** A blank form for a new plan. */
export function newPlanForm(): PlanForm {
  return toForm(null)
}

/** The form for an existing plan (or a blank one). */
export function toForm(plan: Plan | null): PlanForm {
  const month = plan?.billing.find((option) => option.period === 'month')
  const year = plan?.billing.find((option) => option.period === 'year')
  const [topUp, ...extraTopUps] = plan?.topUps ?? []
  return {
    id: plan?.id ?? '',
    isNew: plan === null,
    provider: plan?.provider ?? '',
    providerName: plan?.providerName ?? '',
    name: plan?.name ?? '',
    kind: plan?.kind ?? 'subscription',
    monthly: plan ? Boolean(month) : true,
    monthlyPrice: month?.price ?? '',
    yearly: Boolean(year),
    yearlyPrice: year?.price ?? '',
    includesApiUsage: plan?.includesApiUsage ?? true,
    hasCredits: Boolean(plan?.credits),
    creditUnit: plan?.credits?.unit ?? 'credits',
    perUsd: text(plan?.credits?.perUsd),
    included: text(plan?.credits?.includedPerMonth),
    rollover: plan?.credits?.rollover ?? false,
    markup: text(plan?.credits?.usageMarkup),
    hasTopUp: Boolean(topUp),
    topUpCredits: text(topUp?.credits),
    topUpPrice: topUp?.price ?? '',
    topUpValidity: text(topUp?.validityMonths),
    pricingProvider: plan?.pricing?.providerId ?? '',
    fallback: plan?.pricing?.fallbackModel ?? '',
    asOf: plan?.asOf ?? today(),
    sourceUrl: plan?.source.url ?? '',
    notes: (plan?.notes ?? []).join('\n'),
    seed: plan?.source.seed ?? null,
    topUpNote: topUp?.note,
    extraTopUps,
    refresh: plan?.credits?.refresh ?? 'monthly'
  }
}

const slug = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** Empty → null; a number → that number; anything else is passed on for the schema to reject. */
function num(value: string): number | string | null {
  const trimmed = value.trim()
  if (trimmed === '') return null
  const parsed = Number(trimmed)
  return Number.isFinite(parsed) ? parsed : trimmed
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim())

/** The plan object the form describes (not yet validated). */
export function fromForm(form: PlanForm): unknown {
  const provider = form.provider || slug(form.providerName) || 'custom'
  const id = form.isNew ? `my-${slug(`${form.providerName} ${form.name}`) || 'plan'}`.slice(0, 64) : form.id
  const billing = form.kind === 'subscription'
    ? [
        ...(form.monthly ? [{ period: 'month', price: orNull(form.monthlyPrice) }] : []),
        ...(form.yearly ? [{ period: 'year', price: orNull(form.yearlyPrice) }] : [])
      ]
    : []
  return {
    id,
    provider,
    providerName: form.providerName,
    name: form.name,
    kind: form.kind,
    billing,
    includesApiUsage: form.includesApiUsage,
    credits: form.hasCredits
      ? {
          unit: form.creditUnit,
          perUsd: num(form.perUsd),
          includedPerMonth: form.kind === 'prepaid' ? (num(form.included) ?? 0) : num(form.included),
          refresh: form.refresh,
          rollover: form.rollover,
          usageMarkup: num(form.markup)
        }
      : null,
    topUps: form.hasCredits && form.hasTopUp
      ? [
          {
            credits: num(form.topUpCredits),
            price: orNull(form.topUpPrice),
            validityMonths: num(form.topUpValidity),
            ...(form.topUpNote ? { note: form.topUpNote } : {})
          },
          ...form.extraTopUps
        ]
      : form.hasCredits
        ? form.extraTopUps
        : [],
    pricing: form.kind === 'api-payg' ? { providerId: form.pricingProvider.trim(), fallbackModel: orNull(form.fallback) } : null,
    asOf: form.asOf,
    source: { url: orNull(form.sourceUrl), seed: form.seed },
    notes: form.notes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
  }
}

/** Which form field shows an error at a schema path. */
function fieldFor(path: readonly PropertyKey[], candidate: unknown): keyof PlanForm | 'form' {
  const [head, second, third] = path.map(String)
  const direct: Record<string, keyof PlanForm> = { name: 'name', providerName: 'providerName', provider: 'providerName', asOf: 'asOf', notes: 'notes', kind: 'kind' }
  if (head && direct[head]) return direct[head]
  if (head === 'billing') {
    const period = (candidate as { billing?: { period: string }[] }).billing?.[Number(second)]?.period
    if (third === 'price') return period === 'year' ? 'yearlyPrice' : 'monthlyPrice'
    return 'monthlyPrice'
  }
  if (head === 'credits') {
    const map: Record<string, keyof PlanForm> = { unit: 'creditUnit', perUsd: 'perUsd', includedPerMonth: 'included', usageMarkup: 'markup' }
    return (second && map[second]) || 'creditUnit'
  }
  if (head === 'topUps') {
    const map: Record<string, keyof PlanForm> = { credits: 'topUpCredits', price: 'topUpPrice', validityMonths: 'topUpValidity' }
    return (third && map[third]) || 'topUpPrice'
  }
  if (head === 'pricing') return second === 'fallbackModel' ? 'fallback' : 'pricingProvider'
  if (head === 'source') return 'sourceUrl'
  return 'form'
}

/**
 * Validates the form with the same zod schema as the catalog and `plans:save`.
 *
 * @returns the plan, or the errors per field.
 */
export function validatePlanForm(form: PlanForm): { plan: Plan; errors: null } | { plan: null; errors: PlanFormErrors } {
  const candidate = fromForm(form)
  const parsed = planSchema.safeParse(candidate)
  if (parsed.success) return { plan: parsed.data, errors: null }
  const errors: PlanFormErrors = {}
  for (const issue of parsed.error.issues) {
    const field = fieldFor(issue.path, candidate)
    const message = /expected number, received string/i.test(issue.message) ? 'Enter a number, or leave it empty if unknown.' : issue.message
    errors[field] ??= message
  }
  return { plan: null, errors }
}
