import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { PollRecord } from '../../../../../../src/main/core/ledger/facts'
import { emptyFacts } from '../../../../../../src/main/core/ledger/facts'
import { ingestPoll } from '../../../../../../src/main/core/ledger/ingest'
import { ledgerIngestHook } from '../../../../../../src/main/core/ledger/ledger-hook'
import { loadLotState } from '../../../../../../src/main/core/ledger/lot-input'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const ACCOUNT = 'acc_openai0001'
const NOW = new Date('2026-11-21T12:00:00.000Z')

function poll(at: string, facts: Partial<PollRecord['facts']>): PollRecord {
  return { accountId: ACCOUNT, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: null, retryAfterMs: null, facts: { ...emptyFacts(), ...facts }, raw: [] }
}

/**
 * A ledger as the previous version wrote it (every step before 90): an OpenAI-like account with 60
 * days of spend, a top-up that expires and the user's balance anchor.
 */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 90)
  )
  db.prepare(
    `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at) VALUES (?, 'openai', 'OpenAI', NULL, '{}', 15, NULL, '2026-09-01T00:00:00.000Z')`
  ).run(ACCOUNT)
  // Written as the previous version's code wrote them: its tables, its columns (no warning on poll runs yet).
  const credit = db.prepare(
    `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, expires_at, source, created_at) VALUES (?, ?, ?, 'USD', ?, ?, 'manual', ?)`
  )
  credit.run(ACCOUNT, 'balance', 100_000_000, '2026-09-01T00:00:00.000Z', null, '2026-09-01T00:00:00.000Z')
  credit.run(ACCOUNT, 'topup', 50_000_000, '2026-10-01T09:00:00.000Z', '2027-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')
  const line = db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES (?, ?, 'gpt', 'USD', 1000000, 'official', ?)`)
  const rollup = db.prepare(`INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count) VALUES (?, ?, 'USD', 1000000, 1)`)
  for (let day = 0; ; day++) {
    const date = new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10)
    if (date > '2026-11-21') break
    line.run(ACCOUNT, date, '2026-11-21T11:00:00.000Z')
    rollup.run(ACCOUNT, date)
  }
  db.close()
}

describe('migration 90: history-independent reads', () => {
  it('opens a ledger written by the previous version: every line kept, the lot state the same, a checkpoint saved on first read', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const before = new BetterSqlite3(path, { readonly: true })
    const counts = (db: BetterSqlite3.Database): unknown =>
      ['spend_lines', 'credit_events', 'daily_rollups', 'balance_snapshots'].map((table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n)
    const countsBefore = counts(before)
    before.close()

    const db = new BetterSqlite3(path)
    track(db)
    expect(migrate(db, migrations)).toBe(migrations.at(-1)?.version)
    expect(counts(db)).toEqual(countsBefore)
    expect(db.prepare('SELECT COUNT(*) AS n FROM lot_checkpoints').get()).toEqual({ n: 0 })

    const first = loadLotState(db, ACCOUNT, 'USD', NOW)
    // 100 + 50 − 82 days of $1 (1 Sep … 21 Nov, today's spend counting now).
    // First in, first out: the $82 came off the opening $100; the $50 top-up is whole and expires.
    expect(first.balanceMicros).toBe(68_000_000)
    expect(first.expiring).toEqual({ micros: 50_000_000, expiresAt: '2027-10-01T09:00:00.000Z' })
    const saved = db.prepare('SELECT through FROM lot_checkpoints WHERE account_id = ?').get(ACCOUNT) as { through: string }
    expect(saved.through).toBe('2026-11-14T00:00:00.000Z')
    // The second read resumes from the checkpoint and agrees to the micro-unit.
    expect(loadLotState(db, ACCOUNT, 'USD', NOW)).toEqual(first)
  })

  it('a change before the checkpoint drops it, and the next read sees the change', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = new BetterSqlite3(path)
    track(db)
    migrate(db, migrations)
    loadLotState(db, ACCOUNT, 'USD', NOW)
    expect(db.prepare('SELECT COUNT(*) AS n FROM lot_checkpoints').get()).toEqual({ n: 1 })

    // A refund written late by any path (here plain SQL, as a hand edit would), dated in October: before the checkpoint.
    db.prepare(
      `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, source, created_at) VALUES (?, 'refund', 5000000, 'USD', '2026-10-15T00:00:00.000Z', 'manual', ?)`
    ).run(ACCOUNT, NOW.toISOString())
    expect(db.prepare('SELECT COUNT(*) AS n FROM lot_checkpoints').get()).toEqual({ n: 0 })
    expect(loadLotState(db, ACCOUNT, 'USD', NOW).balanceMicros).toBe(73_000_000)

    // A spend day revised before the checkpoint (a provider's late correction) drops it too.
    // The ingest's own hooks read the lots again, so a fresh checkpoint may already be back: it must hold the change.
    ingestPoll(db, poll(NOW.toISOString(), { spend: [{ day: '2026-10-02', item: 'gpt', unit: 'USD', amountMicros: 3_000_000, source: 'official' }] }), [ledgerIngestHook])
    expect(loadLotState(db, ACCOUNT, 'USD', NOW).balanceMicros).toBe(71_000_000)
    db.exec('DELETE FROM lot_checkpoints')
    expect(loadLotState(db, ACCOUNT, 'USD', NOW).balanceMicros).toBe(71_000_000)
  })
})
