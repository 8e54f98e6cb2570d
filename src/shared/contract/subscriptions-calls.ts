import { z } from 'zod'
import { defineCalls } from './define'
import { daySchema } from './ledger-schemas'
import { accountIdSchema, decimalSchema } from './schemas'

/** An amount of money as an exact decimal string with its unit. */
export const moneySchema = z.object({ amount: decimalSchema, unit: z.string() })

/** Tokens of one cycle or model. `input` excludes what was read from or written to the cache. */
export const cycleTokensSchema = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  cacheWrite: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative()
})

/** A model the price data does not know: its tokens, never valued at $0. */
export const unpricedModelSchema = cycleTokensSchema.extend({ model: z.string() })

/** One billing cycle's figures, for the chart (API-equivalent value against the fee). */
export const cycleValueSchema = z.object({
  cycleStart: z.string(),
  cycleEnd: z.string(),
  apiEquivalent: moneySchema,
  fee: moneySchema.nullable()
})

/** Another way to pay for the same use. */
export const subscriptionAlternativeSchema = z.object({
  /** `api`: the provider's API at list prices (or one of your API accounts); `plan`: another subscription. */
  kind: z.enum(['current', 'api', 'plan']),
  name: z.string(),
  /** What this cycle's use would cost on it; null when unknown. */
  cost: moneySchema.nullable(),
  /** A caveat, e.g. "if its limits cover your use". */
  note: z.string().nullable()
})

/** What a subscription measured from local logs is worth (issue 12.3). */
export const subscriptionReportSchema = z.object({
  accountId: accountIdSchema,
  label: z.string(),
  provider: z.string(),
  /** The plan id from the account's `plan` option, or null when none is set. */
  plan: z.string().nullable(),
  planName: z.string().nullable(),
  /** First day of the billing cycle containing today (UTC). */
  cycleStart: z.string(),
  /** The next renewal day: the cycle's end, exclusive. */
  cycleEnd: z.string(),
  /** The plan's fee per cycle; null when the plan or its price is unknown. */
  fee: moneySchema.nullable(),
  /** This cycle's usage so far at API list prices (priced models only). */
  apiEquivalent: moneySchema,
  /** apiEquivalent ÷ fee (2 decimals); null without a fee. */
  ratio: z.number().nullable(),
  tokens: cycleTokensSchema,
  reasoningTokens: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  unpricedModels: z.array(unpricedModelSchema),
  /** Share of this cycle's tokens that were priced, in whole percent (100 when there were none). */
  pricedPercent: z.number().int().min(0).max(100),
  /** The price data used: package, version and its date. */
  prices: z.object({ package: z.string(), version: z.string(), publishedAt: z.string(), overrides: z.number().int().nonnegative() }),
  /** "Claude Max 5× ($100): $412.30 of API-equivalent use this cycle, 4.1×." */
  summary: z.string(),
  alternatives: z.array(subscriptionAlternativeSchema),
  /** The cheapest alternative's name, or null when keeping the plan is cheapest or nothing is known. */
  cheapest: subscriptionAlternativeSchema.nullable(),
  /** Oldest first, the current cycle last. */
  cycles: z.array(cycleValueSchema),
  /** What could not be done: an unknown plan id, a plan without a price… */
  notes: z.array(z.string())
})
export type SubscriptionReport = z.infer<typeof subscriptionReportSchema>

/** Subscriptions measured from local logs: Claude Code and Codex accounts. */
export const subscriptionsCalls = defineCalls({
  'subscriptions:report': {
    summary: 'What each subscription measured from local logs (Claude Code, Codex) is worth this billing cycle at API prices, with earlier cycles.',
    request: z
      .object({
        cycles: z.number().int().min(1).max(24).default(6),
        /**
         * Report the cycle containing this UTC day instead of today's (`YYYY-MM-DD`): a real day
         * between 2000 and 2100, like every day the contract takes (the year 1 crashed the report).
         */
        at: daySchema.optional()
      })
      .strict(),
    response: z.object({ subscriptions: z.array(subscriptionReportSchema) })
  }
})
