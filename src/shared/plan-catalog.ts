import { z } from 'zod'

/**
 * The plan catalog: subscriptions, prepaid credit platforms and pay-as-you-go APIs that Coffer
 * compares against the user's measured usage. Shipped as data in resources/plans/catalog.json and
 * extendable by the user (stored in the ledger). The same schema validates the file at load, the
 * `plans:save` call and the Plans page's form.
 *
 * Rule for the data: a price the sources do not give is `null` with a note, never invented.
 */

/** A non-negative decimal price as text (exact), e.g. `"20"` or `"9.99"`. `null` = unknown. */
export const planPriceSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, 'Enter a price such as 20 or 9.99 (no currency sign), or leave it empty if unknown.')
  .nullable()

/** `YYYY-MM-DD`. */
export const planDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-21.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Not a real date.')

export const planKinds = ['api-payg', 'subscription', 'prepaid'] as const
/** `api-payg`: tokens billed at a provider's list prices; `subscription`: a fixed fee per period (maybe with credits); `prepaid`: credit packs only. */
export type PlanKind = (typeof planKinds)[number]

export const billingPeriods = ['month', 'year'] as const
export type BillingPeriod = (typeof billingPeriods)[number]

/** One way to pay for a subscription (monthly or yearly), with its price per period. */
export const billingOptionSchema = z
  .object({
    period: z.enum(billingPeriods),
    price: planPriceSchema,
    currency: z.literal('USD', { message: 'Plan prices are compared in USD.' }).default('USD')
  })
  .strict()
export type BillingOption = z.infer<typeof billingOptionSchema>

const creditCount = z.number().finite().nonnegative('Credits cannot be negative.').max(1e12)

/** Credits a plan includes and what they are worth. */
export const planCreditsSchema = z
  .object({
    /** The unit's name as the provider calls it, e.g. `credits`. */
    unit: z.string().trim().min(1).max(32),
    /** How many credits one US dollar buys (GPTBots: 100). `null` = unknown. */
    perUsd: z.number().finite().positive('Credits per dollar must be above zero.').nullable(),
    /** Credits included each month with the subscription. `null` = unknown; 0 = none. */
    includedPerMonth: creditCount.nullable(),
    /** When included credits refresh. */
    refresh: z.enum(['monthly', 'yearly', 'none']),
    /** Whether unused included credits carry over to the next period. */
    rollover: z.boolean().default(false),
    /**
     * What the platform charges in credits for usage worth $1 at API list price, divided by
     * `perUsd` (1 = same as list price). `null` = unknown: Coffer assumes 1 and says so.
     */
    usageMarkup: z.number().finite().positive().max(100).nullable().default(null)
  })
  .strict()
export type PlanCredits = z.infer<typeof planCreditsSchema>

/** A credit pack that can be bought on top of (or instead of) a subscription. */
export const topUpSchema = z
  .object({
    credits: creditCount.nullable(),
    price: planPriceSchema,
    /** Months before bought credits expire; `null` = never expire. */
    validityMonths: z.number().int().positive().max(1200).nullable(),
    note: z.string().max(200).optional()
  })
  .strict()
export type TopUp = z.infer<typeof topUpSchema>

/** How an `api-payg` plan prices tokens: the pricing dataset's provider and a stand-in model. */
export const planPricingSchema = z
  .object({
    /** Provider id in the pricing dataset (`openai`, `anthropic`, `openrouter`, `deepseek`…). */
    providerId: z.string().trim().min(1).max(40),
    /** Model used for usage of models this provider does not sell (e.g. Claude usage on OpenAI). */
    fallbackModel: z.string().trim().min(1).max(120).nullable()
  })
  .strict()

export const planIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'Plan ids use lowercase letters, digits and dashes (e.g. my-plan).')

/** One plan of the catalog. */
export const planSchema = z
  .object({
    id: planIdSchema,
    /** Short provider id (`gptbots`, `openai`…); matched against accounts for measured credit use. */
    provider: z.string().trim().min(1).max(40),
    providerName: z.string().trim().min(1, 'Name the provider.').max(60),
    name: z.string().trim().min(1, 'Name the plan.').max(60),
    kind: z.enum(planKinds),
    /** Ways to pay (subscriptions); empty for pay-as-you-go and prepaid-only plans. */
    billing: z.array(billingOptionSchema).max(4).default([]),
    /** True when the plan's fee or credits can pay for API calls from your own apps. */
    includesApiUsage: z.boolean(),
    credits: planCreditsSchema.nullable().default(null),
    topUps: z.array(topUpSchema).max(10).default([]),
    pricing: planPricingSchema.nullable().default(null),
    /** When the figures were true. */
    asOf: planDateSchema,
    source: z
      .object({
        url: z.string().url('Enter a full https:// address or leave it empty.').max(2048).nullable(),
        seed: z.string().max(200).nullable()
      })
      .strict(),
    notes: z.array(z.string().max(400)).max(10).default([])
  })
  .strict()
  .superRefine((plan, ctx) => {
    if (plan.kind === 'api-payg' && !plan.pricing) {
      ctx.addIssue({ code: 'custom', path: ['pricing'], message: 'A pay-as-you-go plan needs pricing.providerId.' })
    }
    if (plan.kind === 'subscription' && plan.billing.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['billing'], message: 'A subscription needs a monthly or yearly billing option (price may be empty).' })
    }
    const periods = plan.billing.map((option) => option.period)
    if (new Set(periods).size !== periods.length) {
      ctx.addIssue({ code: 'custom', path: ['billing'], message: 'List each billing period once.' })
    }
    if (plan.kind === 'prepaid' && plan.topUps.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['topUps'], message: 'A prepaid plan needs at least one credit pack.' })
    }
    if (plan.topUps.length > 0 && !plan.credits) {
      ctx.addIssue({ code: 'custom', path: ['credits'], message: 'Credit packs need the credit unit (credits.unit and credits.perUsd).' })
    }
  })
export type Plan = z.output<typeof planSchema>
export type PlanInput = z.input<typeof planSchema>

/** Which maintained pricing dataset re-prices tokens, and how old its data is. */
export const pricingDatasetSchema = z
  .object({
    package: z.string().min(1),
    version: z.string().min(1),
    /** The npm publish date of that version: the data is no newer than this. */
    publishedAt: planDateSchema,
    url: z.string().url()
  })
  .strict()
export type PricingDataset = z.infer<typeof pricingDatasetSchema>

/** The whole catalog file. */
export const planCatalogSchema = z
  .object({
    schemaVersion: z.literal(1),
    pricingDataset: pricingDatasetSchema,
    plans: z.array(planSchema).min(1).max(500)
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>()
    catalog.plans.forEach((plan, index) => {
      if (seen.has(plan.id)) ctx.addIssue({ code: 'custom', path: ['plans', index, 'id'], message: `Duplicate plan id "${plan.id}".` })
      seen.add(plan.id)
    })
  })
export type PlanCatalog = z.output<typeof planCatalogSchema>
