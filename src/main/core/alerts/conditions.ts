import { BUDGET_DISCLAIMER, type BudgetPeriod } from '../../../shared/alerts'
import type { ApproxMoney } from '../../../shared/contract/ledger-schemas'
import { exclusionsText } from '../../../shared/exclusions'
import { formatMoney, microsToDecimal, toMicros } from '../../../shared/money'
import type { AccountFacts, BudgetRecord, Condition, ConditionState, RuleRecord } from './alert-model'
import { budgetProgress, type BudgetWindow } from './budget-math'
import { runwayText } from '../../../shared/runway'

/**
 * Hysteresis: an alert resolves only once its figure is this fraction past the line (a balance
 * hovering at the line must not flap between firing and resolving on every poll).
 */
export const HYSTERESIS_FRACTION = 0.1
/** Runway hysteresis is at least half a day. */
const MIN_RUNWAY_MARGIN_DAYS = 0.5

const DAY_MS = 86_400_000

/** Balance kinds a low-balance rule watches, best first. */
const SPENDABLE_KINDS = ['total', 'key_limit_remaining'] as const

function money(micros: number, unit: string): string {
  return formatMoney({ amount: microsToDecimal(micros), unit }, 'en-US')
}

function webhookOf(record: Pick<RuleRecord, 'webhookUrl' | 'webhookFormat' | 'webhookAllowLocal'>): Condition['webhook'] {
  return record.webhookUrl ? { url: record.webhookUrl, format: record.webhookFormat, allowLocal: record.webhookAllowLocal } : null
}

/** The spendable balance a rule in `unit` (or the primary unit when `null`) looks at. */
export function spendableBalance(facts: AccountFacts, unit: string | null): { unit: string; amountMicros: number } | null {
  for (const kind of SPENDABLE_KINDS) {
    const match = facts.balances.find((balance) => balance.kind === kind && (unit === null || balance.unit === unit))
    if (match) return { unit: match.unit, amountMicros: match.amountMicros }
  }
  return null
}

/** A low-balance rule: on below the line, off once the balance is 10 % (of the line) above it. */
export function lowBalanceCondition(rule: RuleRecord, facts: AccountFacts): Condition {
  const threshold = rule.thresholdMicros ?? 0
  const balance = spendableBalance(facts, rule.unit)
  const base = {
    key: `rule:${rule.id}`,
    accountId: facts.accountId,
    kind: 'low_balance' as const,
    ruleId: rule.id,
    budgetId: null,
    webhook: webhookOf(rule)
  }
  if (facts.autoReload) {
    // Auto-reload accounts refill themselves: no low-balance alarm (a detected top-up is announced instead).
    return { ...base, severity: 'warning', state: 'off', message: `${facts.label} reloads automatically.`, valueMicros: null, unit: rule.unit }
  }
  if (!balance) {
    return { ...base, severity: 'warning', state: 'hold', message: `${facts.label}: no balance known yet.`, valueMicros: null, unit: rule.unit }
  }
  const margin = Math.max(Math.ceil(threshold * HYSTERESIS_FRACTION), 1)
  const state: ConditionState =
    balance.amountMicros < threshold ? 'on' : balance.amountMicros >= threshold + margin ? 'off' : 'hold'
  const severity = balance.amountMicros <= 0 ? 'critical' : 'warning'
  const clearsOnTopUp = state === 'hold' && balance.amountMicros >= threshold ? { minRiseMicros: margin } : null
  const message =
    balance.amountMicros <= 0
      ? `${facts.label} has no credit left (${money(balance.amountMicros, balance.unit)}). Top up to keep using it.`
      : `${facts.label} balance is ${money(balance.amountMicros, balance.unit)}, below your alert at ${money(threshold, balance.unit)}.`
  return { ...base, severity, state, message, valueMicros: balance.amountMicros, unit: balance.unit, clearsOnTopUp }
}

/** A runway rule: on when the money lasts fewer than N days at the recent rate. */
export function runwayCondition(rule: RuleRecord, facts: AccountFacts): Condition {
  const days = rule.days ?? 0
  const base = {
    key: `rule:${rule.id}`,
    accountId: facts.accountId,
    kind: 'runway' as const,
    ruleId: rule.id,
    budgetId: null,
    valueMicros: null,
    unit: null,
    webhook: webhookOf(rule)
  }
  if (facts.autoReload) return { ...base, severity: 'warning', state: 'off', message: `${facts.label} reloads automatically.` }
  const runway = facts.runwayDays
  if (runway === null || !Number.isFinite(runway)) {
    return { ...base, severity: 'warning', state: 'hold', message: `${facts.label}: runway unknown.` }
  }
  const margin = Math.max(days * HYSTERESIS_FRACTION, MIN_RUNWAY_MARGIN_DAYS)
  const state: ConditionState = runway < days ? 'on' : runway >= days + margin ? 'off' : 'hold'
  return {
    ...base,
    severity: runway < 1 ? 'critical' : 'warning',
    state,
    clearsOnTopUp: state === 'hold' && runway >= days ? { minRiseMicros: 1 } : null,
    message: `${facts.label} runs out in ${runwayText(runway)} at the recent rate (your alert: ${days} days).`
  }
}

/** An expiring-credit rule: on while some credit lot expires within N days. */
export function expiringCondition(rule: RuleRecord, facts: AccountFacts, now: Date): Condition {
  const horizon = now.getTime() + (rule.days ?? 0) * DAY_MS
  const soon = facts.lots.filter((lot) => {
    const at = Date.parse(lot.expiresAt)
    return at > now.getTime() && at <= horizon && lot.amountMicros > 0
  })
  const unit = soon[0]?.unit ?? null
  const amount = soon.filter((lot) => lot.unit === unit).reduce((sum, lot) => sum + lot.amountMicros, 0)
  const first = soon.map((lot) => lot.expiresAt).sort()[0]
  return {
    key: `rule:${rule.id}`,
    accountId: facts.accountId,
    kind: 'expiring_credit',
    severity: 'warning',
    state: soon.length > 0 ? 'on' : 'off',
    message:
      soon.length > 0 && unit
        ? `${money(amount, unit)} of ${facts.label} credit expires by ${first?.slice(0, 10)}. Use it or lose it.`
        : `${facts.label}: no credit expiring within ${rule.days} days.`,
    valueMicros: soon.length > 0 ? amount : null,
    unit,
    ruleId: rule.id,
    budgetId: null,
    webhook: webhookOf(rule)
  }
}

/** Poll outcomes where the provider said nothing new about the key. */
const NO_ANSWER: ReadonlySet<AccountFacts['status']> = new Set(['unreachable', 'keychain_unavailable', 'never_polled'])

/** A rejected key: on while the newest poll says `auth_failed`, off once the provider answers otherwise. */
export function authCondition(facts: AccountFacts): Condition {
  // Any other answer from the provider (a 502, a rate limit) is its newest word and no rejection:
  // the alert resolves, as the card has moved on. No answer at all (unreachable, a locked keychain) holds it.
  const state: ConditionState = facts.status === 'auth_failed' ? 'on' : NO_ANSWER.has(facts.status) ? 'hold' : 'off'
  return {
    key: `auth:${facts.accountId}`,
    accountId: facts.accountId,
    kind: 'auth_failed',
    severity: 'critical',
    state,
    message: `The provider rejected the key of ${facts.label}. Replace it in Coffer (it may have been revoked or expired).`,
    valueMicros: null,
    unit: null,
    ruleId: null,
    budgetId: null,
    webhook: null
  }
}

const PERIOD_TEXT: Record<BudgetPeriod, string> = { day: 'today', week: 'this week', month: 'this month' }

/**
 * One condition per threshold of a budget in its current window: the highest threshold reached is
 * on; lower ones are off (superseded, so their alerts resolve); higher ones are off, or held while
 * a revised figure sits within the hysteresis margin below them.
 */
export function budgetConditions(budget: BudgetRecord, spent: ApproxMoney, window: BudgetWindow, scopeLabel: string): Condition[] {
  const spentMicros = toMicros(spent.amount)
  const leftOut = exclusionsText(spent.excluded)
  const progress = budgetProgress(spentMicros, budget.limitMicros, budget.thresholds)
  return [...budget.thresholds]
    .sort((a, b) => a - b)
    .map((threshold) => {
      const lowerLine = threshold * (1 - HYSTERESIS_FRACTION) * budget.limitMicros
      const state: ConditionState =
        threshold === progress.crossed ? 'on' : progress.crossed !== null && threshold < progress.crossed ? 'off' : spentMicros * 100 < lowerLine ? 'off' : 'hold'
      return {
        key: `budget:${budget.id}:${window.start}:${threshold}`,
        accountId: budget.accountId,
        kind: 'budget' as const,
        severity: threshold >= 100 ? ('critical' as const) : ('warning' as const),
        state,
        message:
          `${scopeLabel}: spent ${money(spentMicros, budget.unit)} ${PERIOD_TEXT[budget.period]} of your ` +
          `${money(budget.limitMicros, budget.unit)} limit (${progress.percent} %, warning at ${threshold} %).${leftOut ? ` ${leftOut}` : ''} ${BUDGET_DISCLAIMER}`,
        valueMicros: spentMicros,
        unit: budget.unit,
        ruleId: null,
        budgetId: budget.id,
        webhook: webhookOf(budget)
      }
    })
}

/** Every condition of one account's rules (and its key check). Disabled rules say nothing. */
export function accountConditions(facts: AccountFacts, rules: readonly RuleRecord[], now: Date): Condition[] {
  const conditions: Condition[] = [authCondition(facts)]
  for (const rule of rules) {
    if (!rule.enabled || rule.accountId !== facts.accountId) continue
    if (rule.kind === 'low_balance') conditions.push(lowBalanceCondition(rule, facts))
    else if (rule.kind === 'runway') conditions.push(runwayCondition(rule, facts))
    else conditions.push(expiringCondition(rule, facts, now))
  }
  return conditions
}
