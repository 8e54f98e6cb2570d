import { z } from 'zod'
import { planIdSchema, planKinds, planSchema, pricingDatasetSchema } from '../plan-catalog'
import { defineCalls } from './define'
import { approxMoneySchema } from './ledger-schemas'
import { decimalSchema } from './schemas'

/** The comparison window in days. */
export const comparisonWindowSchema = z.union([z.literal(30), z.literal(90)])
export type ComparisonWindow = z.infer<typeof comparisonWindowSchema>

/** One line of how an option's monthly cost was computed (USD). `amount` null = unknown. */
export const costLineSchema = z.object({
  label: z.string(),
  amount: decimalSchema.nullable(),
  detail: z.string().nullable()
})
export type CostLine = z.infer<typeof costLineSchema>

export const optionStatuses = ['priced', 'unknown', 'cannot-cover', 'not-repriced'] as const

/**
 * How much of the measured spend a pay-as-you-go option re-priced. Only the days on which an
 * account has both measured spend and token counts are re-priced; the rest is counted at what you
 * pay now. Amounts are USD over the window (exact, before the per-month normalisation).
 */
export const repricingSchema = z.object({
  /** Measured spend on the days and accounts with token counts, whose tokens this option re-priced. */
  repricedSpend: decimalSchema,
  /** All measured spend: what "what you pay now" is based on. */
  measuredSpend: decimalSchema,
  /** Measured spend already on this provider, kept as it is. */
  alreadyThere: decimalSchema,
  /** `repricedSpend` ÷ `measuredSpend` in whole percent, rounded down (0 when nothing was measured). */
  percent: z.number().int().min(0).max(100),
  /** In words, e.g. "Re-prices 62 % of your spend: the days and accounts with token counts; …". */
  text: z.string()
})
export type Repricing = z.infer<typeof repricingSchema>

/** One ranked option: a plan (with one billing period) or "what you pay now". */
export const planOptionSchema = z.object({
  /** `current`, a plan id, or `planId@year` for a yearly billing option. */
  key: z.string(),
  planId: z.string().nullable(),
  name: z.string(),
  providerName: z.string(),
  kind: z.enum(['current', ...planKinds]),
  billingPeriod: z.enum(['month', 'year']).nullable(),
  /**
   * `unknown`: a price the user must fill in; `cannot-cover`: the plan cannot serve this usage;
   * `not-repriced`: a pay-as-you-go option with no token counts to re-price (it would only repeat
   * what you pay now), listed unranked with the reason in `answer`.
   */
  status: z.enum(optionStatuses),
  /** USD per month; null unless `priced`. Never 0 for an unknown price. */
  monthlyCost: decimalSchema.nullable(),
  /** True when part of the figure is measured spend converted into USD (rates: `usage.windowSpend.rates`). */
  converted: z.boolean(),
  /** Pay-as-you-go options: how much of your spend was re-priced. Null for every other option. */
  repricing: repricingSchema.nullable(),
  /** 1 = cheapest; null when not priced. */
  rank: z.number().int().positive().nullable(),
  lines: z.array(costLineSchema),
  /** What to fill in before this option can be priced. */
  missing: z.array(z.string()),
  /** One plain sentence next to the number. */
  answer: z.string(),
  asOf: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  origin: z.enum(['catalog', 'user', 'edited', 'ledger'])
})
export type PlanOption = z.infer<typeof planOptionSchema>

export const breakEvenSchema = z.object({
  /** Monthly usage (USD of measured spend) where the cheapest option changes. */
  monthlyUsage: decimalSchema,
  below: z.string(),
  above: z.string(),
  text: z.string(),
  /** True for changes of the cheapest option and the few pairwise points shown as plain answers. */
  headline: z.boolean()
})
export type BreakEven = z.infer<typeof breakEvenSchema>

export const usageSummarySchema = z.object({
  windowDays: comparisonWindowSchema,
  from: z.string(),
  to: z.string(),
  /**
   * USD per month (30 days) of measured spend — "what you pay now", never a re-pricing — each day
   * converted at the rate in force that day: the axis of every comparison.
   */
  monthlyUsage: decimalSchema,
  /** The measured spend over the window in USD: converted or not, the rates used, and what was left out. */
  windowSpend: approxMoneySchema,
  /** Of `windowSpend`, the USD spent on days with token counts (what re-pricings can replace). */
  withTokensUsd: decimalSchema,
  accounts: z.array(
    z.object({
      label: z.string(),
      provider: z.string(),
      /** Measured spend over the window in USD; null when none of it could be valued (see `excluded`). */
      windowUsd: decimalSchema.nullable(),
      /** `spend`: measured; `none`: nothing measured that could be valued. */
      basis: z.enum(['spend', 'none']),
      /** True when `windowUsd` holds amounts converted from another currency or credit unit. */
      converted: z.boolean(),
      /** Of `windowUsd`, the USD spent on days with token counts. */
      withTokensUsd: decimalSchema
    })
  ),
  /** Tokens over the window per account and model (by model name within an account). */
  models: z.array(
    z.object({
      provider: z.string(),
      model: z.string(),
      inputTokens: z.number().int(),
      outputTokens: z.number().int(),
      cachedInputTokens: z.number().int(),
      cacheWriteTokens: z.number().int(),
      requests: z.number().int()
    })
  ),
  credits: z.array(z.object({ label: z.string(), unit: z.string(), windowAmount: decimalSchema })),
  /** Spend (and token counts) left out of the comparison, and why, in words. */
  excluded: z.array(z.string())
})
export type UsageSummary = z.infer<typeof usageSummarySchema>

export const priceOverrideSchema = z
  .object({
    providerId: z.string().trim().min(1).max(40),
    model: z.string().trim().min(1).max(120),
    inputMtok: decimalSchema,
    outputMtok: decimalSchema,
    cacheReadMtok: decimalSchema.nullable().default(null),
    cacheWriteMtok: decimalSchema.nullable().default(null)
  })
  .strict()
export type PriceOverrideInput = z.input<typeof priceOverrideSchema>

export const comparisonSchema = z.object({
  generatedAt: z.string(),
  usage: usageSummarySchema,
  dataset: pricingDatasetSchema.extend({ overrides: z.number().int().nonnegative() }),
  options: z.array(planOptionSchema),
  breakEvens: z.array(breakEvenSchema),
  /** Plain answers for the whole comparison, most useful first. */
  answers: z.array(z.string())
})
export type Comparison = z.infer<typeof comparisonSchema>

export const storedPlanSchema = z.object({ plan: planSchema, origin: z.enum(['catalog', 'user', 'edited']) })
export type StoredPlan = z.infer<typeof storedPlanSchema>

/** Plan comparison: the catalog merged with the user's plans, and the ranking against real usage. */
export const plansCalls = defineCalls({
  'plans:compare': {
    summary: 'Ranks every plan by what the last 30 or 90 days of measured spend and usage would cost per month on it.',
    request: z.object({ windowDays: comparisonWindowSchema.default(30) }).strict(),
    response: comparisonSchema
  },
  'plans:list': {
    summary: 'The plan catalog merged with the user’s own and edited plans, plus price overrides.',
    request: z.object({}).strict(),
    response: z.object({ plans: z.array(storedPlanSchema), overrides: z.array(priceOverrideSchema) })
  },
  'plans:save': {
    summary: 'Adds a plan or saves the user’s edit of a catalog plan (same id).',
    request: z.object({ plan: planSchema }).strict(),
    response: storedPlanSchema
  },
  'plans:remove': {
    summary: 'Deletes the user’s plan, or reverts an edited catalog plan to the catalog.',
    request: z.object({ id: planIdSchema }).strict(),
    response: z.object({ removed: z.literal(true), revertedToCatalog: z.boolean() })
  },
  'plans:set-price': {
    summary: 'Sets (or with `clear`, removes) the user’s own per-token price for a model.',
    request: z.union([priceOverrideSchema, z.object({ providerId: z.string().min(1), model: z.string().min(1), clear: z.literal(true) }).strict()]),
    response: z.object({ overrides: z.array(priceOverrideSchema) })
  }
})
