import { z } from 'zod'
import { factSources } from '../balance-kinds'
import { accountIdSchema, decimalSchema, isoTimeSchema, noteSchema, rateSchema } from './schemas'
import { UNDATED_RATE_DAY } from '../rate-days'

/** Credit event kinds (`balance` = the user's anchor: "the console shows this much"). */
export const creditKinds = ['topup', 'grant', 'renewal', 'reset', 'purchase', 'adjustment', 'refund', 'expiration', 'balance'] as const
export type CreditKind = (typeof creditKinds)[number]

/**
 * True when `YYYY-MM-DD` names a day that exists. `Date` rolls impossible days over (2026-02-31
 * becomes 3 March), so the day must survive a round trip.
 */
function isRealDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00.000Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day
}

/** The years Coffer takes in dates: anything outside is a typo (0001-01-01, 20260-01-01…). */
const FIRST_YEAR = 2000
const LAST_YEAR = 2100
const YEARS_MESSAGE = `Dates go from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31: check the year.`

/** Whether `YYYY-MM-DD…` text starts in a year Coffer takes. */
function inYearRange(text: string): boolean {
  const year = Number(text.slice(0, 4))
  return year >= FIRST_YEAR && year <= LAST_YEAR
}

/** A UTC day, `YYYY-MM-DD`, between 2000 and 2100. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date such as 2026-03-01')
  .refine(isRealDay, 'There is no such day: check the month and day.')
  // UNDATED_RATE_DAY (1970-01-01) is how a rate meant for every day is stored and sent back.
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDay(value) || value === UNDATED_RATE_DAY || inYearRange(value), YEARS_MESSAGE)

/** A moment between 2000 and 2100: an ISO timestamp, or a plain date meaning midnight UTC. */
export const momentSchema = z
  .string()
  .trim()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value)) && isRealDay(value.slice(0, 10)),
    'Expected a date or time such as 2026-03-01 or 2026-03-01T09:30:00Z'
  )
  .transform((value) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value).toISOString())
  // Checked on the UTC result too: 2100-12-31T23:00-05:00 is already 2101 in UTC.
  .refine((value) => inYearRange(value), YEARS_MESSAGE)

export const unitSchema = z.string().trim().min(1).max(32).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'A unit is a code such as USD, CNY or credits')

/** Where a recorded credit stands against the provider's own balance (see `match` below). */
export const creditMatches = ['none', 'pending', 'overdue', 'matched'] as const

/** One credit event as the UI, the CLI and exports show it. */
export const creditEventViewSchema = z.object({
  id: z.number().int(),
  accountId: accountIdSchema,
  account: z.string(),
  kind: z.enum(creditKinds),
  /** Signed effect on the balance (an expiration is negative); for `balance`, the figure entered. */
  amount: decimalSchema,
  unit: z.string(),
  occurredAt: isoTimeSchema,
  expiresAt: isoTimeSchema.nullable(),
  note: z.string().nullable(),
  source: z.enum(factSources),
  confirmed: z.boolean(),
  /**
   * A credit the user recorded on an account whose provider reports its own balance waits for a
   * reading that rises to include it: `pending` until then, `overdue` when not seen after 3 days
   * (confirm or delete it), `matched` once a rise is this event. `none`: nothing to wait for.
   */
  match: z.enum(creditMatches)
})
export type CreditEventView = z.infer<typeof creditEventViewSchema>

export const creditDraftSchema = z
  .object({
    accountId: accountIdSchema,
    kind: z.enum(creditKinds),
    amount: decimalSchema,
    unit: unitSchema.optional(),
    at: momentSchema.optional(),
    expiresAt: momentSchema.optional(),
    note: noteSchema.optional()
  })
  .strict()

/** Which rows a records tab (and its export) shows; `from` may not come after `to`. */
export const recordsFilterSchema = z
  .object({
    from: daySchema.optional(),
    to: daySchema.optional(),
    accountIds: z.array(accountIdSchema).max(500).default([]),
    /** Spend: line item; usage: model; credits: kind; polls: status; balances: kind. */
    types: z.array(z.string().max(200)).max(200).default([]),
    sort: z.enum(['date', 'amount']).default('date'),
    dir: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(50_000).default(5000)
  })
  .strict()
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: 'The first day comes after the last day: swap them (from is the earlier day).',
    path: ['from']
  })
export type RecordsFilter = z.input<typeof recordsFilterSchema>

export const recordKinds = ['spend', 'usage', 'credits', 'polls', 'balances'] as const
export type RecordKind = (typeof recordKinds)[number]

/** A three-letter ISO 4217 currency code: the only units exchange rates exist for. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Exchange rates are for currencies (USD, CNY, EUR…). Credits are valued by their account: set its “Value of one unit”.')

/** Why an amount could not be converted into the figure's unit. */
export const exclusionReasons = ['no_rate', 'no_credit_value', 'not_money'] as const
export type ExclusionReason = (typeof exclusionReasons)[number]

/** What a converted figure used: an exchange rate in force from a day, or a credit's value. */
export const rateUseSchema = z.object({
  /** The unit converted, e.g. `CNY` or `credits`. */
  unit: z.string(),
  /** One `unit` is worth `rate` of `in`. */
  rate: decimalSchema,
  in: z.string(),
  basis: z.enum(['exchange_rate', 'account_credit_value', 'provider_credit_value']),
  /** Exchange rates: the day the rate took effect. */
  from: z.string().nullable(),
  /** Credit values: the account whose value it is. */
  accountId: z.string().nullable()
})
export type RateUse = z.infer<typeof rateUseSchema>

/** Something a total left out, why, and the one action that would bring it in. */
export const exclusionSchema = z.object({
  accountId: z.string().nullable(),
  account: z.string().nullable(),
  unit: z.string(),
  amount: decimalSchema,
  reason: z.enum(exclusionReasons),
  /** In words for people; `null` when nothing can fix it (characters have no money value). */
  fix: z.string().nullable()
})
export type Exclusion = z.infer<typeof exclusionSchema>

/** A figure across accounts in one unit: what it converted, with which rates, and what it left out. */
export const approxMoneySchema = z.object({
  amount: decimalSchema,
  unit: z.string(),
  /** True only when some part was converted (then the figure depends on rates). */
  approximate: z.boolean(),
  /** Units left out of `amount` (sorted): the short form of `excluded`. */
  missingRates: z.array(z.string()),
  excluded: z.array(exclusionSchema),
  rates: z.array(rateUseSchema)
})
export type ApproxMoney = z.infer<typeof approxMoneySchema>

const moneyTotals = z.array(z.object({ unit: z.string(), amount: decimalSchema }))

export const spendRowSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  day: z.string(),
  item: z.string(),
  unit: z.string(),
  amount: decimalSchema,
  source: z.enum(factSources)
})
export const usageRowSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  day: z.string(),
  model: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cachedInputTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  requests: z.number().int(),
  source: z.enum(factSources)
})
export const pollRowSchema = z.object({
  id: z.number().int(),
  accountId: z.string(),
  account: z.string(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  status: z.string(),
  httpStatus: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** What a successful poll could not read (issue 13.3). */
  warning: z.string().nullable().optional()
})
export const balanceRowSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  observedAt: z.string(),
  kind: z.string(),
  unit: z.string(),
  amount: decimalSchema,
  source: z.enum(factSources)
})

const page = <Row extends z.ZodType, Summary extends z.ZodType>(row: Row, summary: Summary) =>
  z.object({
    rows: z.array(row),
    /** Rows matching the filter (`rows` holds at most `limit` of them). */
    total: z.number().int(),
    truncated: z.boolean(),
    /** Values the type filter can take within the current dates and accounts. */
    types: z.array(z.string()),
    summary
  })

export const spendPageSchema = page(
  spendRowSchema,
  z.object({
    count: z.number().int(),
    totals: moneyTotals,
    /** All units converted into the home currency (each day at its rate); `null` for one unit. */
    home: approxMoneySchema.nullable()
  })
)
export const usagePageSchema = page(
  usageRowSchema,
  z.object({
    count: z.number().int(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    cachedInputTokens: z.number().int(),
    cacheWriteTokens: z.number().int(),
    requests: z.number().int()
  })
)
export const creditsPageSchema = page(creditEventViewSchema, z.object({ count: z.number().int(), totals: moneyTotals, unconfirmed: z.number().int() }))
export const pollsPageSchema = page(pollRowSchema, z.object({ count: z.number().int(), ok: z.number().int(), failed: z.number().int(), averageMs: z.number().int() }))
export const balancesPageSchema = page(balanceRowSchema, z.object({ count: z.number().int() }))

export type SpendRow = z.infer<typeof spendRowSchema>
export type UsageRow = z.infer<typeof usageRowSchema>
export type PollRow = z.infer<typeof pollRowSchema>
export type BalanceRecordRow = z.infer<typeof balanceRowSchema>


export { UNDATED_RATE_DAY }

/** One exchange rate: one `unit` is worth `rate` of the home currency from day `from` on. */
export const fxRateSchema = z.object({ unit: currencySchema, rate: rateSchema, from: daySchema })

export const fxSettingsSchema = z.object({
  home: currencySchema,
  /** The rates in force today (each unit's newest), e.g. `{ unit: 'CNY', rate: '0.14', from: '2026-11-01' }` for USD. */
  rates: z.array(fxRateSchema),
  /** Every rate ever set for this home currency, oldest first. */
  history: z.array(fxRateSchema.extend({ setAt: isoTimeSchema }))
})
export type FxSettings = z.infer<typeof fxSettingsSchema>

/** `fx:set`: the home currency, rates to add (from today unless `from` says otherwise), units to forget. */
export const fxChangeSchema = z
  .object({
    home: currencySchema,
    rates: z.array(z.object({ unit: currencySchema, rate: rateSchema, from: daySchema.optional() }).strict()).max(200).default([]),
    /** Forget every rate of these units (for this home currency). */
    remove: z.array(currencySchema).max(200).default([])
  })
  .strict()
export type FxChange = z.input<typeof fxChangeSchema>

/** The account that runs out first at its own pace (the same figure its card shows). */
export const firstToRunOutSchema = z.object({ accountId: z.string(), label: z.string(), days: z.number(), date: z.string().nullable() })

export const overviewSchema = z.object({
  home: z.string(),
  totalBalance: approxMoneySchema,
  monthToDate: approxMoneySchema,
  burnPerDay: approxMoneySchema.nullable(),
  projection: approxMoneySchema.nullable(),
  /** The account with the shortest runway, or `null` when no account has one. */
  firstToRunOut: firstToRunOutSchema.nullable(),
  /** Accounts whose runway is known (so "first to run out" says among how many). */
  runwayAccounts: z.number().int(),
  /** Exact per-unit totals, for when no conversion is wanted. Credit units are per account (`accountId`). */
  balancesByUnit: z.array(z.object({ unit: z.string(), amount: decimalSchema, accountId: z.string().nullable(), account: z.string().nullable() })),
  /** Daily spend per account in the home currency, for the stacked chart. */
  spendSeries: z.object({
    days: z.array(z.string()),
    accounts: z.array(z.object({ accountId: z.string(), label: z.string(), unit: z.string(), converted: z.boolean(), values: z.array(z.number()) }))
  })
})
export type Overview = z.infer<typeof overviewSchema>

export const balancePointSchema = z.object({ day: z.string(), amount: decimalSchema, source: z.enum(factSources) })
