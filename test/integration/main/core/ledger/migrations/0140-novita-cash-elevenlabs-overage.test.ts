import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AccountStateRepo } from '../../../../../../src/main/core/ledger/account-state-repo'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const NOVITA = 'acc_novita0001'
const ELEVEN = 'acc_eleven0001'
const DEEPSEEK = 'acc_deepsk0001'

/**
 * A ledger as the previous version wrote it (every step before 140): two Novita polls with
 * total = available (cash + credit line), paid = cash, limit = credit limit; an ElevenLabs poll in
 * its quota and one past it (a negative total); a DeepSeek poll whose `paid` and `limit`-free
 * figures must not move.
 */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 140)
  )
  const account = db.prepare(
    `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at) VALUES (?, ?, ?, NULL, '{}', 15, NULL, '2026-11-01T00:00:00.000Z')`
  )
  account.run(NOVITA, 'novita', 'Novita')
  account.run(ELEVEN, 'elevenlabs', 'Voice')
  account.run(DEEPSEEK, 'deepseek', 'DS')
  const run = db.prepare(
    `INSERT INTO poll_runs (account_id, started_at, finished_at, duration_ms, status, error_code, error_message, http_status, retry_after_ms) VALUES (?, ?, ?, 5, 'ok', NULL, NULL, NULL, NULL)`
  )
  const snapshot = db.prepare(
    `INSERT INTO balance_snapshots (account_id, poll_run_id, observed_at, unit, kind, amount_micros, source, resets_at) VALUES (?, ?, ?, ?, ?, ?, 'official', ?)`
  )
  const poll = (accountId: string, at: string, figures: [unit: string, kind: string, micros: number, resetsAt?: string][]): void => {
    const id = Number(run.run(accountId, at, at).lastInsertRowid)
    for (const [unit, kind, micros, resetsAt] of figures) snapshot.run(accountId, id, at, unit, kind, micros, resetsAt ?? null)
  }
  poll(NOVITA, '2026-11-20T10:00:00.000Z', [['USD', 'total', 100_000_000], ['USD', 'paid', 80_000_000], ['USD', 'limit', 20_000_000]])
  poll(NOVITA, '2026-11-21T10:00:00.000Z', [['USD', 'total', 97_500_000], ['USD', 'paid', 77_500_000], ['USD', 'limit', 20_000_000]])
  const reset = '2026-12-01T00:00:00.000Z'
  poll(ELEVEN, '2026-11-20T10:00:00.000Z', [['characters', 'total', 5_000_000_000, reset], ['characters', 'used', 95_000_000_000, reset], ['characters', 'limit', 100_000_000_000]])
  poll(ELEVEN, '2026-11-21T10:00:00.000Z', [['characters', 'total', -12_345_000_000, reset], ['characters', 'used', 112_345_000_000, reset], ['characters', 'limit', 100_000_000_000]])
  poll(DEEPSEEK, '2026-11-21T10:00:00.000Z', [['CNY', 'total', -1_000_000], ['CNY', 'paid', 4_000_000]])
  db.close()
}

const rows = (db: BetterSqlite3.Database, accountId: string): unknown[] =>
  db
    .prepare('SELECT observed_at AS at, kind, amount_micros AS micros, resets_at AS resetsAt FROM balance_snapshots WHERE account_id = ? ORDER BY observed_at, kind')
    .all(accountId)

describe('migration 140: Novita cash as the balance, ElevenLabs overage apart (issue 13.8, 13.9)', () => {
  it('rewrites a ledger written by the previous version to the new meaning, figure by figure', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = new BetterSqlite3(path)
    track(db)
    expect(migrate(db, migrations)).toBe(migrations.at(-1)?.version)

    // Old totals take the cash of the same poll; the credit limit becomes the credit line; paid goes.
    expect(rows(db, NOVITA)).toEqual([
      { at: '2026-11-20T10:00:00.000Z', kind: 'credit_line', micros: 20_000_000, resetsAt: null },
      { at: '2026-11-20T10:00:00.000Z', kind: 'total', micros: 80_000_000, resetsAt: null },
      { at: '2026-11-21T10:00:00.000Z', kind: 'credit_line', micros: 20_000_000, resetsAt: null },
      { at: '2026-11-21T10:00:00.000Z', kind: 'total', micros: 77_500_000, resetsAt: null }
    ])
    // In quota: unchanged. Past it: 0 left, the 12,345 characters over as overage, same reset time.
    expect(rows(db, ELEVEN)).toEqual([
      { at: '2026-11-20T10:00:00.000Z', kind: 'limit', micros: 100_000_000_000, resetsAt: null },
      { at: '2026-11-20T10:00:00.000Z', kind: 'total', micros: 5_000_000_000, resetsAt: '2026-12-01T00:00:00.000Z' },
      { at: '2026-11-20T10:00:00.000Z', kind: 'used', micros: 95_000_000_000, resetsAt: '2026-12-01T00:00:00.000Z' },
      { at: '2026-11-21T10:00:00.000Z', kind: 'limit', micros: 100_000_000_000, resetsAt: null },
      { at: '2026-11-21T10:00:00.000Z', kind: 'overage', micros: 12_345_000_000, resetsAt: '2026-12-01T00:00:00.000Z' },
      { at: '2026-11-21T10:00:00.000Z', kind: 'total', micros: 0, resetsAt: '2026-12-01T00:00:00.000Z' },
      { at: '2026-11-21T10:00:00.000Z', kind: 'used', micros: 112_345_000_000, resetsAt: '2026-12-01T00:00:00.000Z' }
    ])
    // Other providers are left alone, negative totals included.
    expect(rows(db, DEEPSEEK)).toEqual([
      { at: '2026-11-21T10:00:00.000Z', kind: 'paid', micros: 4_000_000, resetsAt: null },
      { at: '2026-11-21T10:00:00.000Z', kind: 'total', micros: -1_000_000, resetsAt: null }
    ])
    const state = new AccountStateRepo(db)
    expect(state.sortedBalances(NOVITA).map((b) => [b.kind, b.amountMicros])).toEqual([
      ['total', 77_500_000],
      ['credit_line', 20_000_000]
    ])
  })
})
