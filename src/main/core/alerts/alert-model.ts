import type { AccountStatus } from '../../../shared/account-status'
import type { AlertKind, AlertSeverity, AlertState, BudgetPeriod, RuleKind, WebhookFormat } from '../../../shared/alerts'
import type { BalanceKind } from '../../../shared/balance-kinds'

/** A user's alert rule for one account (`alert_rules`). */
export interface RuleRecord {
  id: number
  accountId: string
  kind: RuleKind
  /** `low_balance`: the line, in micro-units of `unit`. */
  thresholdMicros: number | null
  /** `low_balance`: `null` = the account's primary balance unit. */
  unit: string | null
  /** `runway` and `expiring_credit`: the number of days. */
  days: number | null
  enabled: boolean
  webhookUrl: string | null
  webhookFormat: WebhookFormat
  /** The user allowed the webhook to reach this machine or the local network (migration 0080). */
  webhookAllowLocal: boolean
}

/** A spend limit (`budgets`); `accountId` `null` = every account together (same unit only). */
export interface BudgetRecord {
  id: number
  accountId: string | null
  period: BudgetPeriod
  limitMicros: number
  unit: string
  thresholds: number[]
  webhookUrl: string | null
  webhookFormat: WebhookFormat
  /** The user allowed the webhook to reach this machine or the local network (migration 0080). */
  webhookAllowLocal: boolean
}

/** A credit lot that has not expired yet. */
export interface ExpiringLot {
  unit: string
  amountMicros: number
  expiresAt: string
}

/** What the engine needs to know about one account, read from the ledger. */
export interface AccountFacts {
  accountId: string
  label: string
  provider: string
  autoReload: boolean
  /** Status of the newest poll (`never_polled` when there is none). */
  status: AccountStatus
  /** Latest balances, primary first. */
  balances: { unit: string; kind: BalanceKind; amountMicros: number }[]
  runwayDays: number | null
  /** Credit lots with an expiry date still in the future. */
  lots: ExpiringLot[]
}

/** What one rule or budget threshold says right now. */
export type ConditionState =
  /** Crossed: an alert should be open. */
  | 'on'
  /** Cleared past the hysteresis margin: an open alert resolves. */
  | 'off'
  /** In the margin, or unknown (no balance yet): keep whatever is open as it is. */
  | 'hold'

/** The verdict of one rule (or budget threshold, or key check) for one moment. */
export interface Condition {
  /** Identity of the condition: one open alert at most per key. */
  key: string
  accountId: string | null
  kind: AlertKind
  severity: AlertSeverity
  state: ConditionState
  message: string
  valueMicros: number | null
  unit: string | null
  ruleId: number | null
  budgetId: number | null
  webhook: { url: string; format: WebhookFormat; allowLocal: boolean } | null
  /**
   * Set while the figure is back at or above the line but inside the hysteresis margin: a top-up
   * of at least `minRiseMicros` since the alert fired clears it at once (a deliberate top-up is not
   * a balance hovering at the line; small refunds and revisions still are).
   */
  clearsOnTopUp?: { minRiseMicros: number } | null
}

/** An alert that is open (active, snoozed, or dismissed while its condition still holds). */
export interface OpenAlert {
  id: number
  key: string
  accountId: string | null
  kind: AlertKind
  state: AlertState
  severity: AlertSeverity
  firedAt: string
  snoozeUntil: string | null
  snoozeUntilTopUp: boolean
  snoozedAt: string | null
  /** Dismissed by the user but its condition has not cleared yet: it must not fire again. */
  latched: boolean
}
