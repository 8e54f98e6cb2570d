import type { BudgetPeriod, RuleKind, WebhookFormat } from '../../../shared/alerts'
import type { BudgetRecord, RuleRecord } from './alert-model'
import type { AlertRecord } from './alerts-repo'

// Column lists and row mappers for AlertsRepo: SQLite speaks snake_case and 0/1, the engine camelCase and booleans.

/** The `alerts` columns, aliased to {@link AlertRecord} field names. */
export const ALERT_COLUMNS = `id, condition_key AS conditionKey, account_id AS accountId, rule_id AS ruleId, budget_id AS budgetId,
  kind, severity, state, message, fired_at AS firedAt, resolved_at AS resolvedAt, snooze_until AS snoozeUntil,
  snooze_until_topup AS snoozeUntilTopUp, dismissed_at AS dismissedAt, last_value_micros AS lastValueMicros,
  last_value_unit AS lastValueUnit, notified_at AS notifiedAt, webhook_url AS webhookUrl,
  webhook_format AS webhookFormat, webhook_status AS webhookStatus, webhook_error AS webhookError,
  webhook_allow_local AS webhookAllowLocal`

/** An `alerts` row selected with {@link ALERT_COLUMNS}: its flags still 0/1. */
export type RawAlert = Omit<AlertRecord, 'snoozeUntilTopUp' | 'webhookAllowLocal'> & { snoozeUntilTopUp: number; webhookAllowLocal: number }

/** A raw alert row with its flags as booleans. */
export function alertFromRow(row: RawAlert): AlertRecord {
  return { ...row, snoozeUntilTopUp: row.snoozeUntilTopUp === 1, webhookAllowLocal: row.webhookAllowLocal === 1 }
}

/** An `alert_rules` row as SQLite returns it. */
export interface RuleRow {
  id: number
  account_id: string
  kind: RuleKind
  threshold_micros: number | null
  unit: string | null
  days: number | null
  enabled: number
  webhook_url: string | null
  webhook_format: WebhookFormat
  webhook_allow_local: number
}

/** A `budgets` row as SQLite returns it. */
export interface BudgetRow {
  id: number
  account_id: string | null
  period: BudgetPeriod
  limit_micros: number
  unit: string
  thresholds_json: string
  webhook_url: string | null
  webhook_format: WebhookFormat
  webhook_allow_local: number
}

/** An `alert_rules` row as a {@link RuleRecord}. */
export function ruleFromRow(row: RuleRow): RuleRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    thresholdMicros: row.threshold_micros,
    unit: row.unit,
    days: row.days,
    enabled: row.enabled === 1,
    webhookUrl: row.webhook_url,
    webhookFormat: row.webhook_format,
    webhookAllowLocal: row.webhook_allow_local === 1
  }
}

/** A `budgets` row as a {@link BudgetRecord} (thresholds parsed from JSON). */
export function budgetFromRow(row: BudgetRow): BudgetRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    period: row.period,
    limitMicros: row.limit_micros,
    unit: row.unit,
    thresholds: JSON.parse(row.thresholds_json) as number[],
    webhookUrl: row.webhook_url,
    webhookFormat: row.webhook_format,
    webhookAllowLocal: row.webhook_allow_local === 1
  }
}
