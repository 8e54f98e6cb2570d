import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { readFx } from '../../../../../../src/main/core/ledger/fx'
import { Valuer } from '../../../../../../src/main/core/ledger/valuation'
import { toMicros } from '../../../../../../src/shared/money'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

/** A ledger file as Coffer wrote it before dated rates (schema version 50), with undated rates. */
function previousVersionLedger(): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(tempDir(), 'coffer.db'))
  track(db)
  migrate(
    db,
    migrations.filter((step) => step.version <= 50)
  )
  const account = db.prepare(
    `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at) VALUES (?, ?, ?, NULL, ?, 1440, NULL, '2026-01-01T00:00:00.000Z')`
  )
  account.run('acc_plaincred1', 'manual', 'Plain credits', JSON.stringify({ unit: 'credits' }))
  account.run('acc_gptbots001', 'manual', 'GPTBots', JSON.stringify({ unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' }))
  account.run('acc_manualusd1', 'manual', 'Manual USD', JSON.stringify({ unit: 'USD' }))
  db.prepare(`INSERT INTO ledger_settings (key, value) VALUES ('home_currency', 'EUR')`).run()
  const rate = db.prepare('INSERT INTO fx_rates (unit, per_home, updated_at) VALUES (?, ?, ?)')
  rate.run('CNY', '0.13', '2026-02-01T10:00:00.000Z')
  rate.run('USD', '0.92', '2026-02-01T10:00:00.000Z')
  rate.run('credits', '0.001', '2026-02-01T10:00:00.000Z')
  return db
}

describe('migration 60: dated exchange rates', () => {
  it('keeps every currency rate (in force for all days) and moves a credits rate onto the accounts it was meant for', () => {
    const db = previousVersionLedger()
    migrate(db, migrations)
    const fx = readFx(db, new Date('2026-03-01T00:00:00.000Z'))
    expect(fx.home).toBe('EUR')
    expect(fx.rates).toEqual([
      { unit: 'CNY', rate: '0.13', from: '1970-01-01' },
      { unit: 'USD', rate: '0.92', from: '1970-01-01' }
    ])
    expect(fx.history.map((entry) => entry.setAt)).toEqual(['2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z'])
    const options = (id: string) => JSON.parse((db.prepare('SELECT options_json AS json FROM accounts WHERE id = ?').get(id) as { json: string }).json) as Record<string, string>
    // The account that had no value of its own gets the one the user had set for "credits" …
    expect(options('acc_plaincred1')).toEqual({ unit: 'credits', creditValue: '0.001', creditValueCurrency: 'EUR' })
    // … one that had its own keeps it, and a USD account is untouched.
    expect(options('acc_gptbots001')).toEqual({ unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' })
    expect(options('acc_manualusd1')).toEqual({ unit: 'USD' })
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'fx_rates'`).get()).toBeUndefined()
    // And the figures follow: 1,000 plain credits = €1; 1,000 GPTBots credits = $10 = €9.20.
    const valuer = Valuer.load(db)
    expect(valuer.convert(toMicros('1000'), 'credits', 'acc_plaincred1', null)).toMatchObject({ ok: true, micros: toMicros('1') })
    expect(valuer.convert(toMicros('1000'), 'credits', 'acc_gptbots001', null)).toMatchObject({ ok: true, micros: toMicros('9.2') })
  })
})
