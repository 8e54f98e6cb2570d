/**
 * Alert vocabulary shared by core, the CLI, the shell and the renderer: kinds, states, severities,
 * snooze choices, and the webhook URL rule. Pure: no Node, no DOM.
 */
import { webhookUrlProblem } from './url-rules'

export { ALLOW_LOCAL_WEBHOOK_HINT, webhookTargetProblem, webhookUrlProblem } from './url-rules'

export const alertKinds = ['low_balance', 'runway', 'budget', 'expiring_credit', 'auth_failed', 'topup_detected'] as const
export type AlertKind = (typeof alertKinds)[number]

/** Kinds a user sets per account with `rules:set` (budgets have their own calls). */
export const ruleKinds = ['low_balance', 'runway', 'expiring_credit'] as const
export type RuleKind = (typeof ruleKinds)[number]

export const alertStates = ['active', 'snoozed', 'resolved'] as const
export type AlertState = (typeof alertStates)[number]

/** `info` = an announcement (a detected top-up); `critical` turns the tray red. */
export const alertSeverities = ['info', 'warning', 'critical'] as const
export type AlertSeverity = (typeof alertSeverities)[number]

export const budgetPeriods = ['day', 'week', 'month'] as const
export type BudgetPeriod = (typeof budgetPeriods)[number]

/** Default warning thresholds of a budget, in percent of its limit. */
export const DEFAULT_BUDGET_THRESHOLDS: readonly number[] = [50, 80, 100]

export const snoozeChoices = ['1h', '1d', 'until_topup'] as const
export type SnoozeChoice = (typeof snoozeChoices)[number]

export const snoozeChoiceText: Record<SnoozeChoice, string> = {
  '1h': 'for an hour',
  '1d': 'for a day',
  until_topup: 'until the next top-up'
}

export const webhookFormats = ['auto', 'ntfy', 'slack', 'json'] as const
export type WebhookFormat = (typeof webhookFormats)[number]

/** Headings for people. */
export const alertKindText: Record<AlertKind, string> = {
  low_balance: 'Low balance',
  runway: 'Running out soon',
  budget: 'Spend limit',
  expiring_credit: 'Credit expiring',
  auth_failed: 'Key rejected',
  topup_detected: 'Top-up detected'
}

/** Said wherever budgets are edited: Coffer watches, providers decide. */
export const BUDGET_DISCLAIMER = 'Coffer can’t stop spending; it warns you.'

/**
 * Whether `url` has the shape of an alert webhook: `https:`, or plain `http:` only to this machine
 * (127.0.0.1, ::1, localhost: a local ntfy or relay). No credentials in the URL (they would be
 * stored in the ledger in clear text), no fragments. Local targets (this machine, the local
 * network, link-local addresses) also need the rule's "allow local network targets": see
 * {@link webhookTargetProblem}, which says what to change.
 */
export function isAllowedWebhookUrl(url: string): boolean {
  return webhookUrlProblem(url) === null
}
