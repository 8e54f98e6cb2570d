import { z } from 'zod'
import {
  alertKinds,
  alertSeverities,
  alertStates,
  budgetPeriods,
  ruleKinds,
  snoozeChoices,
  webhookFormats,
  webhookUrlProblem
} from '../alerts'
import { defineCalls } from './define'
import { exclusionSchema, rateUseSchema, unitSchema } from './ledger-schemas'
import { accountIdSchema, decimalSchema, isoTimeSchema, moneySchema } from './schemas'

/**
 * A webhook URL: https, or http to this machine only; no credentials in it. Whether it may reach
 * this machine or the local network depends on the rule's `webhookAllowLocal` (checked by core).
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2048, 'That webhook URL is too long.')
  .superRefine((value, context) => {
    const problem = webhookUrlProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })

/**
 * "Allow local network targets": may the webhook reach this machine, a private or a link-local
 * address. Left out when saving, the rule or budget keeps its current choice (off for a new one).
 */
const webhookAllowLocalSchema = z.boolean().optional()
const positiveDecimal = decimalSchema.refine((value) => !value.startsWith('-'), 'Use a positive amount.')
const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM, e.g. 22:00')

/** Worst state over open alerts: drives the tray icon. */
export const alertLevelSchema = z.enum(['ok', 'warning', 'critical'])
export type AlertLevel = z.infer<typeof alertLevelSchema>

export const alertViewSchema = z.object({
  id: z.number().int(),
  accountId: accountIdSchema.nullable(),
  accountLabel: z.string().nullable(),
  kind: z.enum(alertKinds),
  severity: z.enum(alertSeverities),
  state: z.enum(alertStates),
  message: z.string(),
  firedAt: isoTimeSchema,
  resolvedAt: isoTimeSchema.nullable(),
  snoozeUntil: isoTimeSchema.nullable(),
  snoozeUntilTopUp: z.boolean(),
  dismissed: z.boolean(),
  value: moneySchema.nullable(),
  /** Where to top up (allow-listed by whoever opens it). */
  billingUrl: z.string().nullable(),
  webhook: z.object({ status: z.enum(['pending', 'sent', 'failed']), error: z.string().nullable() }).nullable()
})
export type AlertView = z.infer<typeof alertViewSchema>

export const ruleViewSchema = z.object({
  id: z.number().int(),
  accountId: accountIdSchema,
  kind: z.enum(ruleKinds),
  /** `low_balance`: the line; `unit` null = the account's primary balance unit. */
  below: z.object({ amount: decimalSchema, unit: z.string().nullable() }).nullable(),
  days: z.number().int().nullable(),
  enabled: z.boolean(),
  webhookUrl: z.string().nullable(),
  webhookFormat: z.enum(webhookFormats),
  /** The webhook may reach this machine or the local network. */
  webhookAllowLocal: z.boolean()
})
export type RuleView = z.infer<typeof ruleViewSchema>

/** A spend limit read from the provider (OpenRouter key limit…), shown beside the user's budgets. */
export const providerLimitSchema = z.object({
  accountId: accountIdSchema,
  kind: z.enum(['key_limit', 'key_limit_remaining']),
  amount: decimalSchema,
  unit: z.string()
})

export const budgetViewSchema = z.object({
  id: z.number().int(),
  accountId: accountIdSchema.nullable(),
  accountLabel: z.string().nullable(),
  period: z.enum(budgetPeriods),
  limit: moneySchema,
  thresholds: z.array(z.number().int()),
  /** Spend in the limit's unit, other units converted (each day at its rate). */
  spent: decimalSchema,
  /** True when some of `spent` was converted from another unit. */
  approximate: z.boolean(),
  /** Spend that could not be converted into the limit's unit, so is not in `spent`. */
  excluded: z.array(exclusionSchema),
  /** The rates and credit values `spent` used. */
  rates: z.array(rateUseSchema),
  /** Spent / limit in percent (one decimal; can exceed 100). */
  percent: z.number(),
  /** Highest threshold reached, or null. */
  crossed: z.number().int().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  webhookUrl: z.string().nullable(),
  webhookFormat: z.enum(webhookFormats),
  /** The webhook may reach this machine or the local network. */
  webhookAllowLocal: z.boolean()
})
export type BudgetView = z.infer<typeof budgetViewSchema>

export const quietHoursSchema = z.object({ enabled: z.boolean(), start: clockSchema, end: clockSchema })

const alertIdSchema = z.number().int().positive()

/** Alerts, alert rules, budgets and alert settings (issue 5). */
export const alertsCalls = defineCalls({
  'alerts:list': {
    summary: 'Open alerts first, then history, newest first; plus the worst open level (tray colour).',
    request: z
      .object({
        states: z.array(z.enum(alertStates)).max(3).optional(),
        accountId: accountIdSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200)
      })
      .strict(),
    response: z.object({ alerts: z.array(alertViewSchema), level: alertLevelSchema })
  },
  'alerts:snooze': {
    summary: 'Snoozes an open alert for an hour, a day, or until the account’s next top-up.',
    request: z.object({ id: alertIdSchema, snooze: z.enum(snoozeChoices) }).strict(),
    response: alertViewSchema
  },
  'alerts:dismiss': {
    summary: 'Dismisses an open alert; it stays quiet until its condition clears and is crossed again.',
    request: z.object({ id: alertIdSchema }).strict(),
    response: alertViewSchema
  },
  'alerts:settings': {
    summary: 'Quiet hours and which accounts reload automatically.',
    request: z.object({}).strict(),
    response: z.object({ quietHours: quietHoursSchema, autoReload: z.array(accountIdSchema) })
  },
  'alerts:update-settings': {
    summary: 'Changes quiet hours (notifications are held meanwhile; alerts are still recorded).',
    request: z.object({ quietHours: quietHoursSchema }).strict(),
    response: z.object({ quietHours: quietHoursSchema, autoReload: z.array(accountIdSchema) })
  },
  'alerts:set-auto-reload': {
    summary: 'Marks an account as reloading automatically: no low-balance alarm, top-ups announced.',
    request: z.object({ accountId: accountIdSchema, autoReload: z.boolean() }).strict(),
    response: z.object({ accountId: accountIdSchema, autoReload: z.boolean() })
  },
  'alerts:test-webhook': {
    summary: 'Sends a test message to a webhook URL (ntfy, Slack or JSON) and reports the outcome.',
    request: z.object({ url: webhookUrlSchema, format: z.enum(webhookFormats).default('auto'), allowLocal: z.boolean().default(false) }).strict(),
    response: z.object({ ok: z.boolean(), error: z.string().nullable() })
  },
  'rules:list': {
    summary: 'Alert rules (all, or one account’s).',
    request: z.object({ accountId: accountIdSchema.optional() }).strict(),
    response: z.array(ruleViewSchema)
  },
  'rules:set': {
    summary: 'Creates or replaces an account’s rule of one kind: below an amount, runway days, or expiring credit days.',
    request: z
      .object({
        accountId: accountIdSchema,
        kind: z.enum(ruleKinds),
        below: z.object({ amount: positiveDecimal, unit: unitSchema.nullable().optional() }).optional(),
        days: z.number().int().min(1).max(3650).optional(),
        enabled: z.boolean().default(true),
        webhookUrl: webhookUrlSchema.nullable().optional(),
        webhookFormat: z.enum(webhookFormats).default('auto'),
        webhookAllowLocal: webhookAllowLocalSchema
      })
      .strict()
      .refine((rule) => (rule.kind === 'low_balance' ? rule.below !== undefined : rule.days !== undefined), {
        message: 'A low-balance rule needs `below`; runway and expiring-credit rules need `days`.'
      }),
    response: ruleViewSchema
  },
  'rules:remove': {
    summary: 'Deletes an alert rule (its open alert resolves).',
    request: z.object({ id: alertIdSchema }).strict(),
    response: z.object({ removed: z.literal(true) })
  },
  'budgets:list': {
    summary: 'Spend limits with their progress in the current UTC window, and provider-side limits Coffer can read.',
    request: z.object({}).strict(),
    response: z.object({ budgets: z.array(budgetViewSchema), providerLimits: z.array(providerLimitSchema) })
  },
  'budgets:set': {
    summary: 'Creates or replaces a spend limit for an account or globally (`accountId: null`), per day, week or month.',
    request: z
      .object({
        accountId: accountIdSchema.nullable(),
        period: z.enum(budgetPeriods),
        limit: positiveDecimal.refine((value) => !/^0+(\.0+)?$/.test(value), 'The limit must be above zero.'),
        unit: unitSchema.optional(),
        thresholds: z.array(z.number().int().min(1).max(1000)).max(10).optional(),
        webhookUrl: webhookUrlSchema.nullable().optional(),
        webhookFormat: z.enum(webhookFormats).default('auto'),
        webhookAllowLocal: webhookAllowLocalSchema
      })
      .strict(),
    response: budgetViewSchema
  },
  'budgets:remove': {
    summary: 'Deletes a spend limit.',
    request: z.object({ id: alertIdSchema }).strict(),
    response: z.object({ removed: z.literal(true) })
  }
})
