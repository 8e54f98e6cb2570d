import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

/** A ledger as the previous version wrote it (every step before 200): a Claude Code account's derived value lines. */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 200)
  )
  db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_claudecode1', 'claude-code', 'Claude Code', '2026-11-01T00:00:00Z')`).run()
  db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_anthropic01', 'anthropic', 'Anthropic', '2026-11-01T00:00:00Z')`).run()
  const value = db.prepare(`INSERT INTO value_lines (account_id, day, model, unit, amount_micros, price_model, source, updated_at) VALUES ('acc_claudecode1', ?, ?, 'USD', ?, ?, 'derived', 'x')`)
  value.run('2026-11-20', 'claude-sonnet-4-5', 4_120_000, 'claude-sonnet-4-5')
  value.run('2026-11-20', 'mystery-model', null, null)
  expect(() => db.prepare(`INSERT INTO value_lines (account_id, day, model, unit, amount_micros, source, updated_at) VALUES ('acc_anthropic01', '2026-11-20', 'm', 'USD', 1, 'official', 'x')`).run()).toThrow(/CHECK/)
  db.close()
}

describe('migration 200: value lines may be the provider’s own estimate', () => {
  it('keeps every value line of a ledger written by the previous version and accepts official ones', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = new BetterSqlite3(path)
    track(db)
    db.pragma('foreign_keys = ON')

    expect(migrate(db, migrations)).toBe(migrations.at(-1)?.version)

    expect(db.prepare('SELECT account_id AS a, day, model, unit, amount_micros AS m, price_model AS p, source FROM value_lines ORDER BY model').all()).toEqual([
      { a: 'acc_claudecode1', day: '2026-11-20', model: 'claude-sonnet-4-5', unit: 'USD', m: 4_120_000, p: 'claude-sonnet-4-5', source: 'derived' },
      { a: 'acc_claudecode1', day: '2026-11-20', model: 'mystery-model', unit: 'USD', m: null, p: null, source: 'derived' }
    ])
    db.prepare(`INSERT INTO value_lines (account_id, day, model, unit, amount_micros, source, updated_at) VALUES ('acc_anthropic01', '2026-11-20', 'Claude Code · m', 'USD', 1, 'official', 'x')`).run()
    expect(() => db.prepare(`INSERT INTO value_lines (account_id, day, model, unit, amount_micros, source, updated_at) VALUES ('acc_anthropic01', '2026-11-21', 'm', 'USD', 1, 'manual', 'x')`).run()).toThrow(/CHECK/)
    // Still removed with its account.
    db.prepare(`DELETE FROM accounts WHERE id = 'acc_claudecode1'`).run()
    expect(db.prepare('SELECT COUNT(*) AS n FROM value_lines').get()).toEqual({ n: 1 })
  })
})
