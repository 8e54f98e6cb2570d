import type { Database } from 'better-sqlite3'
import { DEFAULT_BUDGET_THRESHOLDS } from '../../../shared/alerts'
import { toMicros } from '../../../shared/money'
import type { RuleRecord } from './alert-model'
import { AlertsRepo } from './alerts-repo'

/**
 * Rules and spend limits for `coffer serve --demo` (never the user's ledger): a low-balance line
 * high enough that the demo DeepSeek account sits below it (so the banner and the Alerts page have
 * something to show), runway and expiring-credit rules, a monthly limit per account and a global
 * one. The alerts themselves are not written here: they fire on the demo's first poll, exactly as
 * they would for real data.
 */
export function seedDemoAlertData(db: Database, now: Date): void {
  const repo = new AlertsRepo(db)
  const at = now.toISOString()
  const exists = (id: string): boolean => db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(id) !== undefined
  const rule = (accountId: string, fields: Partial<RuleRecord> & Pick<RuleRecord, 'kind'>): void => {
    if (!exists(accountId)) return
    repo.upsertRule({ accountId, thresholdMicros: null, unit: null, days: null, enabled: true, webhookUrl: null, webhookFormat: 'auto', webhookAllowLocal: false, ...fields }, at)
    repo.markDefaultsApplied(accountId)
  }
  rule('acc_demodeeps1', { kind: 'low_balance', thresholdMicros: toMicros('400'), unit: 'CNY' })
  rule('acc_demoopenr1', { kind: 'low_balance', thresholdMicros: toMicros('5'), unit: 'USD' })
  rule('acc_demoopenr1', { kind: 'runway', days: 7 })
  rule('acc_demoopena1', { kind: 'expiring_credit', days: 60 })
  const budget = (accountId: string | null, limit: string, unit: string): void => {
    if (accountId !== null && !exists(accountId)) return
    repo.upsertBudget({ accountId, period: 'month', limitMicros: toMicros(limit), unit, thresholds: [...DEFAULT_BUDGET_THRESHOLDS], webhookUrl: null, webhookFormat: 'auto', webhookAllowLocal: false }, at)
  }
  budget('acc_demoopenr1', '60', 'USD')
  budget('acc_demoanthr1', '250', 'USD')
  budget(null, '400', 'USD')
}
