import type { AlertLevel, AlertView, BudgetView, RuleView } from '../../../shared/contract/alerts-calls'
import type { ApproxMoney } from '../../../shared/contract/ledger-schemas'
import { microsToDecimal, toMicros } from '../../../shared/money'
import { findProvider } from '../../../shared/providers'
import type { AccountRecord } from '../ledger/accounts-repo'
import type { BudgetRecord, RuleRecord } from './alert-model'
import type { AlertRecord } from './alerts-repo'
import { budgetProgress, type BudgetWindow } from './budget-math'

/** An alert row for the bridge: labels and the top-up link added, nothing secret. */
export function alertView(record: AlertRecord, account: AccountRecord | undefined): AlertView {
  return {
    id: record.id,
    accountId: record.accountId,
    accountLabel: account?.label ?? null,
    kind: record.kind,
    severity: record.severity,
    state: record.state,
    message: record.message,
    firedAt: record.firedAt,
    resolvedAt: record.resolvedAt,
    snoozeUntil: record.snoozeUntil,
    snoozeUntilTopUp: record.snoozeUntilTopUp,
    dismissed: record.dismissedAt !== null,
    value:
      record.lastValueMicros !== null && record.lastValueUnit !== null
        ? { amount: microsToDecimal(record.lastValueMicros), unit: record.lastValueUnit }
        : null,
    billingUrl: account ? (account.options.billingUrl ?? findProvider(account.provider)?.billingUrl ?? null) : null,
    webhook: record.webhookStatus ? { status: record.webhookStatus, error: record.webhookError } : null
  }
}

/** Worst severity among active alerts (snoozed ones were seen; info is an announcement). */
export function alertLevel(alerts: readonly Pick<AlertView, 'state' | 'severity'>[]): AlertLevel {
  const active = alerts.filter((alert) => alert.state === 'active')
  if (active.some((alert) => alert.severity === 'critical')) return 'critical'
  if (active.some((alert) => alert.severity === 'warning')) return 'warning'
  return 'ok'
}

/** A stored rule as the contract shows it (the threshold as a decimal). */
export function ruleView(rule: RuleRecord): RuleView {
  return {
    id: rule.id,
    accountId: rule.accountId,
    kind: rule.kind,
    below: rule.kind === 'low_balance' && rule.thresholdMicros !== null ? { amount: microsToDecimal(rule.thresholdMicros), unit: rule.unit } : null,
    days: rule.days,
    enabled: rule.enabled,
    webhookUrl: rule.webhookUrl,
    webhookFormat: rule.webhookFormat,
    webhookAllowLocal: rule.webhookAllowLocal
  }
}

/** A budget with its progress over `window`, as the contract shows it. */
export function budgetView(budget: BudgetRecord, spent: ApproxMoney, window: BudgetWindow, accountLabel: string | null): BudgetView {
  const spentMicros = toMicros(spent.amount)
  const progress = budgetProgress(spentMicros, budget.limitMicros, budget.thresholds)
  return {
    id: budget.id,
    accountId: budget.accountId,
    accountLabel,
    period: budget.period,
    limit: { amount: microsToDecimal(budget.limitMicros), unit: budget.unit },
    thresholds: budget.thresholds,
    spent: spent.amount,
    approximate: spent.approximate,
    excluded: spent.excluded,
    rates: spent.rates,
    percent: progress.percent,
    crossed: progress.crossed,
    windowStart: window.start,
    windowEnd: window.end,
    webhookUrl: budget.webhookUrl,
    webhookFormat: budget.webhookFormat,
    webhookAllowLocal: budget.webhookAllowLocal
  }
}
