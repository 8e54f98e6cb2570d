import { z } from 'zod'
import { accountStatuses } from '../account-status'
import { balanceKinds, factSources } from '../balance-kinds'
import { ACCOUNT_ID_PATTERN } from '../ids'
import { providerIds } from '../providers'

/** A decimal amount as text (exact), e.g. `"12.5"`. */
export const decimalSchema = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'Expected a decimal number such as 12.50')

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

/** Base URL override: http(s) only, no query or fragment, no trailing slash kept. */
export const baseUrlSchema = z
  .string()
  .trim()
  .url('Enter a full URL such as https://api.example.com')
  .refine((value) => /^https?:\/\//i.test(value), 'Only http:// and https:// base URLs are allowed.')
  .refine((value) => !/[?#]/.test(value), 'A base URL cannot contain ? or #.')
  .transform((value) => value.replace(/\/+$/, ''))

export const labelSchema = z
  .string()
  .trim()
  .min(1, 'Give the account a label.')
  .max(60, 'Keep labels under 60 characters.')
  .refine((value) => !value.startsWith('acc_'), 'Labels cannot start with "acc_" (reserved for ids).')

export const pollIntervalSchema = z.number().int().min(1).max(24 * 60)

/** Provider options (team id, site…). Values are plain strings; secrets never go here. */
export const providerOptionsSchema = z.record(z.string().min(1).max(40), z.string().max(500))

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
  balances: z.array(balanceViewSchema),
  spend: spendSummarySchema.nullable(),
  runwayDays: z.number().nullable(),
  /** Where this month's spend figures come from (`derived` when any of it was computed). */
  spendSource: z.enum(factSources).nullable().optional(),
  pace: paceSchema.nullable().optional(),
  /** Top-ups for the user to confirm: detected from balance increases, or recorded and not seen in the balance after 3 days. */
  unconfirmedTopups: z.number().int().optional(),
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
