import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AlertsRepo } from '../../../../../../src/main/core/alerts/alerts-repo'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const NOW = '2026-03-01T00:00:00.000Z'

/** A ledger as Coffer wrote it before webhooks had "allow local network targets" (schema version 70). */
function previousVersionLedger(): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(tempDir(), 'coffer.db'))
  track(db)
  migrate(
    db,
    migrations.filter((step) => step.version <= 70)
  )
  db.prepare(
    `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at) VALUES ('acc_deepseek01', 'deepseek', 'DeepSeek', NULL, '{}', 15, NULL, ?)`
  ).run(NOW)
  const rule = db.prepare(
    `INSERT INTO alert_rules (account_id, kind, threshold_micros, unit, days, enabled, webhook_url, webhook_format, created_at, updated_at) VALUES ('acc_deepseek01', ?, ?, NULL, ?, 1, ?, 'auto', ?, ?)`
  )
  rule.run('low_balance', 5_000_000, null, 'http://127.0.0.1:8080/ntfy', NOW, NOW)
  rule.run('runway', null, 3, 'https://169.254.169.254/latest', NOW, NOW)
  rule.run('expiring_credit', null, 30, 'https://ntfy.sh/topic', NOW, NOW)
  db.prepare(
    `INSERT INTO budgets (account_id, period, limit_micros, unit, thresholds_json, webhook_url, webhook_format, created_at, updated_at) VALUES (NULL, 'month', 50000000, 'USD', '[50,80,100]', 'HTTP://localhost/hook', 'auto', ?, ?)`
  ).run(NOW, NOW)
  db.prepare(
    `INSERT INTO alerts (condition_key, account_id, rule_id, kind, severity, state, message, fired_at, last_evaluated_at, webhook_url, webhook_format, webhook_status)
     VALUES ('rule:1', 'acc_deepseek01', 1, 'low_balance', 'warning', 'active', 'DeepSeek is low.', ?, ?, 'http://127.0.0.1:8080/ntfy', 'auto', 'pending')`
  ).run(NOW, NOW)
  return db
}

describe('migration 80: webhooks to local targets need the user’s permission', () => {
  it('keeps the local ntfy (plain http, which could only be this machine) allowed, and nothing else', () => {
    const db = previousVersionLedger()
    migrate(db, migrations)
    const repo = new AlertsRepo(db)
    const byKind = new Map(repo.listRules().map((rule) => [rule.kind, rule]))
    expect(byKind.get('low_balance')).toMatchObject({ webhookUrl: 'http://127.0.0.1:8080/ntfy', webhookAllowLocal: true })
    expect(byKind.get('runway')).toMatchObject({ webhookUrl: 'https://169.254.169.254/latest', webhookAllowLocal: false })
    expect(byKind.get('expiring_credit')).toMatchObject({ webhookUrl: 'https://ntfy.sh/topic', webhookAllowLocal: false })
    expect(repo.listBudgets()).toEqual([expect.objectContaining({ webhookUrl: 'HTTP://localhost/hook', webhookAllowLocal: true })])
    expect(repo.get(1)).toMatchObject({ webhookUrl: 'http://127.0.0.1:8080/ntfy', webhookAllowLocal: true, webhookStatus: 'pending' })
  })

  it('new rules start without the permission, and the column only holds 0 or 1', () => {
    const db = previousVersionLedger()
    migrate(db, migrations)
    const repo = new AlertsRepo(db)
    repo.removeRule(2)
    const rule = repo.upsertRule({ accountId: 'acc_deepseek01', kind: 'runway', thresholdMicros: null, unit: null, days: 5, enabled: true, webhookUrl: null, webhookFormat: 'auto', webhookAllowLocal: false }, NOW)
    expect(rule.webhookAllowLocal).toBe(false)
    expect(() => db.prepare('UPDATE alert_rules SET webhook_allow_local = 2 WHERE id = ?').run(rule.id)).toThrow(/CHECK/)
  })
})
