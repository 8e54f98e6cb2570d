import { z } from 'zod'
import { accountStatuses } from '../account-status'
import { balanceKinds, factSources } from '../balance-kinds'
import { ACCOUNT_ID_PATTERN } from '../ids'
import { providerIds } from '../providers'
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from '../text-safety'
import { keyUrlProblem } from '../url-rules'

/** The largest amount Coffer takes, in units: micro-units below 2^53 stay exact (see money.ts). */
export const MAX_AMOUNT = 9_000_000_000

/** Digits after the point an amount may have: money is stored in integer micro-units (1e-6). */
export const MAX_AMOUNT_DECIMALS = 6

/** What the contract says about an amount out of range or too precise. */
export const AMOUNT_LIMIT_MESSAGE = 'Amounts go up to 9,000,000,000 with at most 6 decimals'

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/

/** Digits after the point in a decimal that matched {@link DECIMAL_TEXT}. */
function decimalsOf(value: string): number {
  const point = value.indexOf('.')
  return point < 0 ? 0 : value.length - point - 1
}

/** True when |value| ≤ {@link MAX_AMOUNT}, compared as text (a Number would round 9000000000.0000001). */
function withinAmountRange(value: string): boolean {
  const whole = value.replace(/^-/, '').replace(/\..*$/, '').replace(/^0+(?=\d)/, '')
  const fraction = value.includes('.') ? value.replace(/^.*\./, '') : ''
  const max = String(MAX_AMOUNT)
  if (whole.length !== max.length) return whole.length < max.length
  return whole < max || (whole === max && /^0*$/.test(fraction))
}

/** Why `value` is not an amount Coffer takes, in a sentence; `null` when it is one. */
export function amountProblem(value: string): string | null {
  if (!DECIMAL_TEXT.test(value)) return 'Expected a decimal number such as 12.50'
  if (decimalsOf(value) > MAX_AMOUNT_DECIMALS) return `${AMOUNT_LIMIT_MESSAGE}: round it to 6 decimals.`
  if (!withinAmountRange(value)) return `${AMOUNT_LIMIT_MESSAGE}: that one is too large.`
  return null
}

/**
 * A decimal amount as text (exact), e.g. `"12.5"`: at most {@link MAX_AMOUNT_DECIMALS} decimals
 * (more would be rounded silently when stored in micro-units) and at most {@link MAX_AMOUNT} in
 * size (more would not fit, and fail as an internal error instead of a sentence).
 */
export const decimalSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = amountProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

/**
 * An exchange rate as exact text, e.g. `"0.14"`: rates are not stored in micro-units, so they
 * may be finer than amounts (1 VND = 0.0000393 USD), up to 12 decimals.
 */
export const rateSchema = z
  .string()
  .trim()
  .max(64, 'A rate has at most 12 decimals and is below 1,000,000,000,000.')
  .regex(/^\d{1,12}(\.\d{1,12})?$/, 'A rate is a positive decimal such as 0.14, with at most 12 decimals.')

/**
 * Whether free text a person typed (labels, notes, option values) may be stored: no control
 * characters or bidi overrides (terminal escape injection, forged rows, disguised text).
 */
const isPlainText = (value: string): boolean => !hasUnsafeCharacters(value)

export const moneySchema = z.object({ amount: decimalSchema, unit: z.string().min(1).max(32) })

export const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, 'Not an account id')

export const providerIdSchema = z.enum(providerIds)

export const accountStatusSchema = z.enum(accountStatuses)

/** An ISO-8601 UTC timestamp. */
export const isoTimeSchema = z.string().datetime({ offset: true })

/**
 * An API key as typed or pasted. Keys travel *into* main only (add, replace, test) and are never
 * part of any response.
 */
export const apiKeySchema = z
  .string()
  .trim()
  .min(8, 'That key looks too short: paste the whole key.')
  .max(4096, 'That key is too long.')
  .regex(/^\S+$/, 'A key cannot contain spaces or line breaks.')
  // Keys travel in HTTP headers, which carry ASCII only: a curly quote or an accent from copy and
  // paste would otherwise fail every poll as a confusing network error.
  .regex(/^[\x20-\x7e]*$/, 'A key contains only plain letters, digits and symbols: check for a stray character from copy and paste.')

/**
 * Base URL override: where the account's key is sent, so `https:` (or `http:` to this machine
 * only) and no `user:password@` (see {@link keyUrlProblem}); no query or fragment; no trailing
 * slash kept.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048, 'That URL is too long.')
  .superRefine((value, context) => {
    const problem = keyUrlProblem(value, 'base URL') ?? (/[?#]/.test(value) ? 'A base URL cannot contain ? or #.' : null)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })
  .transform((value) => value.replace(/\/+$/, ''))

export const labelSchema = z
  .string()
  .trim()
  .min(1, 'Give the account a label.')
  .max(60, 'Keep labels under 60 characters.')
  .refine((value) => !value.startsWith('acc_'), 'Labels cannot start with "acc_" (reserved for ids).')
  .refine(isPlainText, `A label is one line of text. ${UNSAFE_TEXT_MESSAGE}`)

/** A note on a credit event: one line of text (it is printed in tables and on the terminal). */
export const noteSchema = z.string().trim().max(500, 'Keep notes under 500 characters.').refine(isPlainText, `A note is one line of text. ${UNSAFE_TEXT_MESSAGE}`)

export const pollIntervalSchema = z.number().int().min(1).max(24 * 60)

/** Provider options (team id, site…). Values are plain strings; secrets never go here. */
export const providerOptionsSchema = z.record(z.string().min(1).max(40), z.string().max(500).refine(isPlainText, UNSAFE_TEXT_MESSAGE))

/** What the user fills in to add an account. */
export const accountDraftSchema = z.object({
  provider: providerIdSchema,
  label: labelSchema,
  baseUrl: baseUrlSchema.optional(),
  options: providerOptionsSchema.default({}),
  pollIntervalMinutes: pollIntervalSchema.optional()
})
export type AccountDraft = z.input<typeof accountDraftSchema>

export const balanceViewSchema = z.object({
  unit: z.string(),
  amount: decimalSchema,
  kind: z.enum(balanceKinds),
  source: z.enum(factSources),
  asOf: isoTimeSchema,
  /** When a quota figure resets by itself (ElevenLabs characters), if the provider says. */
  resetsAt: isoTimeSchema.nullable().optional()
})
export type BalanceView = z.infer<typeof balanceViewSchema>

export const accountErrorSchema = z.object({ code: z.string(), message: z.string() })

export const spendSummarySchema = z.object({ unit: z.string(), today: decimalSchema, monthToDate: decimalSchema })

/**
 * Burn rate, runway and month-end projection (all `derived`). Figures are `null` when there is too
 * little history or no balance; `reason` then says why, for the UI to show.
 */
export const paceSchema = z.object({
  unit: z.string(),
  burnPerDay: decimalSchema.nullable(),
  windowDays: z.number().int().nullable(),
  runwayDays: z.number().nullable(),
  runwayDate: z.string().nullable(),
  projection: decimalSchema.nullable(),
  reason: z.string().nullable()
})
export type PaceView = z.infer<typeof paceSchema>

/** The soonest credit lot still to expire (FIFO over credit events): "$12.40 expires on 1 March". */
export const expiringCreditSchema = z.object({ amount: decimalSchema, unit: z.string(), expiresAt: isoTimeSchema })

/** Everything the UI shows about one account. Contains no secret, only `hasKey` and a masked hint. */
export const accountViewSchema = z.object({
  id: accountIdSchema,
  provider: providerIdSchema,
  label: z.string(),
  baseUrl: z.string().nullable(),
  baseUrlOverridden: z.boolean(),
  options: z.record(z.string(), z.string()),
  pollIntervalMinutes: z.number().int(),
  hasKey: z.boolean(),
  keyHint: z.string().nullable(),
  status: accountStatusSchema,
  stale: z.boolean(),
  polling: z.boolean(),
  lastPolledAt: isoTimeSchema.nullable(),
  lastSuccessAt: isoTimeSchema.nullable(),
  error: accountErrorSchema.nullable(),
  /** The last poll succeeded but could not read everything: what is missing, in words (issue 13.3). */
  warning: z.string().nullable().optional(),
  balances: z.array(balanceViewSchema),
  spend: spendSummarySchema.nullable(),
  runwayDays: z.number().nullable(),
  /** Where this month's spend figures come from (`derived` when any of it was computed). */
  spendSource: z.enum(factSources).nullable().optional(),
  pace: paceSchema.nullable().optional(),
  /** Top-ups for the user to confirm: detected from balance increases, or recorded and not seen in the balance after 3 days. */
  unconfirmedTopups: z.number().int().optional(),
  /**
   * What the provider itself estimates this month's usage of a part of the account cost, per unit
   * (Claude Code analytics' `estimated_cost`): shown beside spend, never counted as spend.
   */
  providerEstimates: z.array(z.object({ what: z.string(), unit: z.string(), monthToDate: z.string() })).optional(),
  expiring: expiringCreditSchema.nullable().optional(),
  billingUrl: z.string().nullable(),
  createdAt: isoTimeSchema
})
export type AccountView = z.infer<typeof accountViewSchema>

/** The outcome of one poll, as reported to the caller. */
export const pollReportSchema = z.object({
  accountId: accountIdSchema,
  label: z.string(),
  status: accountStatusSchema,
  error: accountErrorSchema.nullable(),
  /** A successful poll's warning: what it could not read (issue 13.3). */
  warning: z.string().nullable().optional(),
  durationMs: z.number().int().nonnegative(),
  httpStatus: z.number().int().nullable()
})
export type PollReport = z.infer<typeof pollReportSchema>

export const keychainStateSchema = z.object({ available: z.boolean(), message: z.string().nullable() })

export const appInfoSchema = z.object({
  version: z.string(),
  runtime: z.enum(['electron', 'cli', 'serve', 'demo', 'test']),
  dataDir: z.string(),
  keychain: keychainStateSchema
})
export type AppInfo = z.infer<typeof appInfoSchema>

/** Preferences shared by the app and `coffer serve`. */
export const preferencesSchema = z.object({
  defaultPollIntervalMinutes: pollIntervalSchema,
  launchAtLogin: z.boolean(),
  theme: z.enum(['system', 'light', 'dark'])
})
export type Preferences = z.infer<typeof preferencesSchema>
