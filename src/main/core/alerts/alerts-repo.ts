import type { Database } from 'better-sqlite3'
import type { AlertKind, AlertSeverity, AlertState, WebhookFormat } from '../../../shared/alerts'
import type { BudgetRecord, Condition, OpenAlert, RuleRecord } from './alert-model'
import { cached } from '../ledger/statements'
import { ALERT_COLUMNS, budgetFromRow, alertFromRow, ruleFromRow, type BudgetRow, type RawAlert, type RuleRow } from './alert-rows'

/** One alert row as stored (the history). */
export interface AlertRecord {
  id: number
  conditionKey: string
  accountId: string | null
  ruleId: number | null
  budgetId: number | null
  kind: AlertKind
  severity: AlertSeverity
  state: AlertState
  message: string
  firedAt: string
  resolvedAt: string | null
  snoozeUntil: string | null
  snoozeUntilTopUp: boolean
  dismissedAt: string | null
  lastValueMicros: number | null
  lastValueUnit: string | null
  notifiedAt: string | null
  webhookUrl: string | null
  webhookFormat: WebhookFormat | null
  webhookStatus: 'pending' | 'sent' | 'failed' | null
  webhookError: string | null
  /** Copied from the rule or budget when the alert fired: may its webhook reach local targets. */
  webhookAllowLocal: boolean
}

/** Quiet hours in the machine's local time, `HH:MM`; `start` > `end` spans midnight. */
export interface QuietHours {
  enabled: boolean
  start: string
  end: string
}

/** Quiet hours until the user sets them: off, 22:00–07:00 once turned on. */
export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: false, start: '22:00', end: '07:00' }

/** Reads and writes budgets, alert rules, alerts and alert settings. */
export class AlertsRepo {
  constructor(private readonly db: Database) {}

  // ---- rules -------------------------------------------------------------------------------

  listRules(accountId?: string): RuleRecord[] {
    const rows = (
      accountId === undefined
        ? cached(this.db, 'SELECT * FROM alert_rules ORDER BY account_id, kind').all()
        : cached(this.db, 'SELECT * FROM alert_rules WHERE account_id = ? ORDER BY kind').all(accountId)
    ) as RuleRow[]
    return rows.map(ruleFromRow)
  }

  getRule(id: number): RuleRecord | undefined {
    const row = cached(this.db, 'SELECT * FROM alert_rules WHERE id = ?').get(id) as RuleRow | undefined
    return row && ruleFromRow(row)
  }

  /** Creates or replaces the account's rule of this kind (the id survives, so an open alert stays open). */
  upsertRule(rule: Omit<RuleRecord, 'id'>, now: string): RuleRecord {
    cached(this.db,
        `INSERT INTO alert_rules (account_id, kind, threshold_micros, unit, days, enabled, webhook_url, webhook_format, webhook_allow_local, created_at, updated_at)
         VALUES (@accountId, @kind, @thresholdMicros, @unit, @days, @enabled, @webhookUrl, @webhookFormat, @webhookAllowLocal, @now, @now)
         ON CONFLICT (account_id, kind) DO UPDATE SET threshold_micros = excluded.threshold_micros, unit = excluded.unit,
           days = excluded.days, enabled = excluded.enabled, webhook_url = excluded.webhook_url,
           webhook_format = excluded.webhook_format, webhook_allow_local = excluded.webhook_allow_local, updated_at = excluded.updated_at`
      )
      .run({ ...rule, enabled: rule.enabled ? 1 : 0, webhookAllowLocal: rule.webhookAllowLocal ? 1 : 0, now })
    const row = cached(this.db, 'SELECT * FROM alert_rules WHERE account_id = ? AND kind = ?').get(rule.accountId, rule.kind) as RuleRow
    return ruleFromRow(row)
  }

  removeRule(id: number): boolean {
    return cached(this.db, 'DELETE FROM alert_rules WHERE id = ?').run(id).changes > 0
  }

  // ---- budgets -----------------------------------------------------------------------------

  listBudgets(): BudgetRecord[] {
    const rows = cached(this.db, 'SELECT * FROM budgets ORDER BY account_id IS NOT NULL, account_id, period, unit').all() as BudgetRow[]
    return rows.map(budgetFromRow)
  }

  getBudget(id: number): BudgetRecord | undefined {
    const row = cached(this.db, 'SELECT * FROM budgets WHERE id = ?').get(id) as BudgetRow | undefined
    return row && budgetFromRow(row)
  }

  /** Creates or replaces the budget for this scope, period and unit. */
  upsertBudget(budget: Omit<BudgetRecord, 'id'>, now: string): BudgetRecord {
    const existing = cached(this.db, `SELECT id FROM budgets WHERE IFNULL(account_id, '') = IFNULL(?, '') AND period = ? AND unit = ?`)
      .get(budget.accountId, budget.period, budget.unit) as { id: number } | undefined
    const values = {
      ...budget,
      thresholds: JSON.stringify(budget.thresholds),
      webhookAllowLocal: budget.webhookAllowLocal ? 1 : 0,
      now
    }
    if (existing) {
      cached(this.db,
          `UPDATE budgets SET limit_micros = @limitMicros, thresholds_json = @thresholds, webhook_url = @webhookUrl,
             webhook_format = @webhookFormat, webhook_allow_local = @webhookAllowLocal, updated_at = @now WHERE id = @id`
        )
        .run({ ...values, id: existing.id })
      return this.getBudget(existing.id) as BudgetRecord
    }
    const id = cached(this.db,
        `INSERT INTO budgets (account_id, period, limit_micros, unit, thresholds_json, webhook_url, webhook_format, webhook_allow_local, created_at, updated_at)
         VALUES (@accountId, @period, @limitMicros, @unit, @thresholds, @webhookUrl, @webhookFormat, @webhookAllowLocal, @now, @now)`
      )
      .run(values).lastInsertRowid
    return this.getBudget(Number(id)) as BudgetRecord
  }

  removeBudget(id: number): boolean {
    return cached(this.db, 'DELETE FROM budgets WHERE id = ?').run(id).changes > 0
  }

  // ---- alerts ------------------------------------------------------------------------------

  /** Alerts still open: active, snoozed, or dismissed while their condition holds (latched). */
  openAlerts(): OpenAlert[] {
    const rows = cached(this.db,
        `SELECT id, condition_key AS key, kind, state, severity, fired_at AS firedAt, snooze_until AS snoozeUntil,
                snooze_until_topup AS snoozeUntilTopUp, snoozed_at AS snoozedAt, latched, account_id AS accountId
         FROM alerts WHERE state <> 'resolved' OR latched = 1`
      )
      .all() as (Omit<OpenAlert, 'snoozeUntilTopUp' | 'latched'> & { snoozeUntilTopUp: number; latched: number })[]
    return rows.map((row) => ({ ...row, snoozeUntilTopUp: row.snoozeUntilTopUp === 1, latched: row.latched === 1 }))
  }

  /**
   * Opens a new alert for a condition that was just crossed. Returns its id, or `null` when an open
   * alert for the same condition already exists (another process, the CLI say, got there first).
   */
  fire(condition: Condition, now: string, state: AlertState = 'active'): number | null {
    const result = cached(this.db,
        `INSERT INTO alerts (condition_key, account_id, rule_id, budget_id, kind, severity, state, message, fired_at,
           resolved_at, last_value_micros, last_value_unit, last_evaluated_at, webhook_url, webhook_format, webhook_status,
           webhook_allow_local)
         VALUES (@key, @accountId, @ruleId, @budgetId, @kind, @severity, @state, @message, @now, @resolvedAt,
           @valueMicros, @unit, @now, @webhookUrl, @webhookFormat, @webhookStatus, @webhookAllowLocal)
         ON CONFLICT (condition_key) WHERE state <> 'resolved' OR latched = 1 DO NOTHING`
      )
      .run({
        key: condition.key,
        accountId: condition.accountId,
        ruleId: condition.ruleId,
        budgetId: condition.budgetId,
        kind: condition.kind,
        severity: condition.severity,
        state,
        message: condition.message,
        now,
        resolvedAt: state === 'resolved' ? now : null,
        valueMicros: condition.valueMicros,
        unit: condition.unit,
        webhookUrl: condition.webhook?.url ?? null,
        webhookFormat: condition.webhook?.format ?? null,
        webhookStatus: condition.webhook ? 'pending' : null,
        webhookAllowLocal: condition.webhook?.allowLocal ? 1 : 0
      })
    return result.changes > 0 ? Number(result.lastInsertRowid) : null
  }

  /** Refreshes an open alert's figure, message and severity (no new notification). */
  update(id: number, condition: Condition, now: string): void {
    cached(this.db,
        `UPDATE alerts SET message = ?, severity = ?, last_value_micros = ?, last_value_unit = ?, last_evaluated_at = ?
         WHERE id = ?`
      )
      .run(condition.message, condition.severity, condition.valueMicros, condition.unit, now, id)
  }

  resolve(id: number, now: string): void {
    cached(this.db, `UPDATE alerts SET state = 'resolved', resolved_at = COALESCE(resolved_at, ?), latched = 0, last_evaluated_at = ? WHERE id = ?`)
      .run(now, now, id)
  }

  unlatch(id: number, now: string): void {
    cached(this.db, 'UPDATE alerts SET latched = 0, last_evaluated_at = ? WHERE id = ?').run(now, id)
  }

  /** A snooze ended: the alert is active again and will be notified again. */
  wake(id: number, now: string): void {
    cached(this.db,
        `UPDATE alerts SET state = 'active', snooze_until = NULL, snooze_until_topup = 0, snoozed_at = NULL,
           notified_at = NULL, last_evaluated_at = ? WHERE id = ?`
      )
      .run(now, id)
  }

  snooze(id: number, until: string | null, untilTopUp: boolean, now: string): boolean {
    return (
      cached(this.db,
          `UPDATE alerts SET state = 'snoozed', snooze_until = ?, snooze_until_topup = ?, snoozed_at = ?
           WHERE id = ? AND state <> 'resolved'`
        )
        .run(until, untilTopUp ? 1 : 0, now, id).changes > 0
    )
  }

  /** Hides an alert until its condition clears; it does not fire again meanwhile. */
  dismiss(id: number, now: string): boolean {
    return (
      cached(this.db,
          `UPDATE alerts SET state = 'resolved', resolved_at = ?, dismissed_at = ?, latched = 1,
             snooze_until = NULL, snooze_until_topup = 0
           WHERE id = ? AND state <> 'resolved'`
        )
        .run(now, now, id).changes > 0
    )
  }

  get(id: number): AlertRecord | undefined {
    const row = cached(this.db, `SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`).get(id) as RawAlert | undefined
    return row && alertFromRow(row)
  }

  /** Alerts newest first: every open one, then resolved history up to `limit` rows in all. */
  list(options: { states?: readonly AlertState[]; accountId?: string; limit: number }): AlertRecord[] {
    const states = options.states && options.states.length > 0 ? options.states : ['active', 'snoozed', 'resolved']
    const open = states.filter((state) => state !== 'resolved')
    // Open alerts, then the newest resolved ones, each read in index order (alerts_by_state, or
    // alerts_by_account for one account) and stopped at the limit: resolved history grows for good.
    const rows = open.length > 0 ? this.newest(open, options.accountId, options.limit) : []
    if (states.includes('resolved') && rows.length < options.limit) rows.push(...this.newest(['resolved'], options.accountId, options.limit - rows.length))
    return rows.map(alertFromRow)
  }

  private newest(states: readonly string[], accountId: string | undefined, limit: number): RawAlert[] {
    const order = 'ORDER BY fired_at DESC, id DESC LIMIT ?'
    // Two statements rather than `(? IS NULL OR account_id = ?)`, which keeps SQLite from using
    // the account's index when one is given.
    return (
      accountId === undefined
        ? cached(this.db, `SELECT ${ALERT_COLUMNS} FROM alerts WHERE state IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(states), limit)
        : cached(this.db, `SELECT ${ALERT_COLUMNS} FROM alerts WHERE account_id = ? AND state IN (SELECT value FROM json_each(?)) ${order}`).all(accountId, JSON.stringify(states), limit)
    ) as RawAlert[]
  }

  /**
   * Alerts to announce: active ones never notified, plus top-up announcements (born resolved) of
   * the last day. Resolved-before-notified alerts (quiet hours) are dropped, not announced late.
   */
  toAnnounce(now: Date): AlertRecord[] {
    const dayAgo = new Date(now.getTime() - 86_400_000).toISOString()
    const rows = cached(this.db,
        `SELECT ${ALERT_COLUMNS} FROM alerts
         WHERE notified_at IS NULL AND (state = 'active' OR (kind = 'topup_detected' AND fired_at >= ?))
         ORDER BY fired_at, id`
      )
      .all(dayAgo) as RawAlert[]
    return rows.map(alertFromRow)
  }

  markNotified(ids: readonly number[], now: string): void {
    const mark = cached(this.db, 'UPDATE alerts SET notified_at = ? WHERE id = ? AND notified_at IS NULL')
    for (const id of ids) mark.run(now, id)
  }

  /** The newest notification time of each account and alert kind that was ever notified. */
  lastNotified(): { accountId: string | null; kind: AlertKind; at: string }[] {
    return cached(
      this.db,
      `SELECT account_id AS accountId, kind, MAX(notified_at) AS at FROM alerts WHERE notified_at IS NOT NULL GROUP BY account_id, kind`
    ).all() as { accountId: string | null; kind: AlertKind; at: string }[]
  }

  /** Records a webhook's outcome on its alert (the error text never holds the URL's secrets). */
  setWebhookResult(id: number, status: 'sent' | 'failed', error: string | null): void {
    cached(this.db, 'UPDATE alerts SET webhook_status = ?, webhook_error = ? WHERE id = ?').run(status, error, id)
  }

  // ---- settings ----------------------------------------------------------------------------

  /** Whether the account tops itself up (a rising balance is announced, not alarming). */
  autoReload(accountId: string): boolean {
    return this.accountFlag(accountId, 'auto_reload')
  }

  setAutoReload(accountId: string, autoReload: boolean): void {
    cached(this.db,
        `INSERT INTO account_alert_settings (account_id, auto_reload) VALUES (?, ?)
         ON CONFLICT (account_id) DO UPDATE SET auto_reload = excluded.auto_reload`
      )
      .run(accountId, autoReload ? 1 : 0)
  }

  /** Whether the default low-balance rule was offered already (once per account, even if deleted since). */
  defaultsApplied(accountId: string): boolean {
    return this.accountFlag(accountId, 'defaults_applied')
  }

  markDefaultsApplied(accountId: string): void {
    cached(this.db,
        `INSERT INTO account_alert_settings (account_id, defaults_applied) VALUES (?, 1)
         ON CONFLICT (account_id) DO UPDATE SET defaults_applied = 1`
      )
      .run(accountId)
  }

  private accountFlag(accountId: string, column: 'auto_reload' | 'defaults_applied'): boolean {
    const row = cached(this.db, `SELECT ${column} AS value FROM account_alert_settings WHERE account_id = ?`).get(accountId) as { value: number } | undefined
    return row?.value === 1
  }

  quietHours(): QuietHours {
    const row = cached(this.db, `SELECT value_json AS value FROM alert_settings WHERE key = 'quietHours'`).get() as { value: string } | undefined
    return row ? { ...DEFAULT_QUIET_HOURS, ...(JSON.parse(row.value) as Partial<QuietHours>) } : DEFAULT_QUIET_HOURS
  }

  setQuietHours(quietHours: QuietHours): void {
    cached(this.db,
        `INSERT INTO alert_settings (key, value_json) VALUES ('quietHours', ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`
      )
      .run(JSON.stringify(quietHours))
  }
}
