import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AccountStateRepo } from '../../../../../../src/main/core/ledger/account-state-repo'
import { emptyFacts } from '../../../../../../src/main/core/ledger/facts'
import { ingestPoll } from '../../../../../../src/main/core/ledger/ingest'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const NOW = '2026-11-21T12:00:00.000Z'

/** A ledger as the previous version wrote it (every step before 110), with a clean and a failed poll. */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 110)
  )
  db.prepare(
    `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at) VALUES ('acc_xai0000001', 'xai', 'xAI', NULL, '{"teamId":"t1"}', 15, NULL, ?)`
  ).run(NOW)
  const run = db.prepare(
    `INSERT INTO poll_runs (account_id, started_at, finished_at, duration_ms, status, error_code, error_message, http_status, retry_after_ms)
     VALUES ('acc_xai0000001', ?, ?, 5, ?, ?, ?, ?, NULL)`
  )
  run.run('2026-11-21T10:00:00.000Z', '2026-11-21T10:00:00.005Z', 'ok', null, null, null)
  run.run('2026-11-21T11:00:00.000Z', '2026-11-21T11:00:00.005Z', 'provider_error', 'http_500', 'xAI answered with HTTP 500.', 500)
  db.close()
}

describe('migration 110: a poll run carries a warning', () => {
  it('opens a ledger written by the previous version: old runs keep their figures and have no warning; new runs store one', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = new BetterSqlite3(path)
    track(db)
    expect(migrate(db, migrations)).toBe(migrations.at(-1)?.version)
    const runs = db.prepare('SELECT status, error_code AS code, warning FROM poll_runs ORDER BY id').all()
    expect(runs).toEqual([
      { status: 'ok', code: null, warning: null },
      { status: 'provider_error', code: 'http_500', warning: null }
    ])
    const state = new AccountStateRepo(db)
    expect(state.lastPoll('acc_xai0000001')).toMatchObject({ status: 'provider_error', warning: null })

    ingestPoll(db, {
      accountId: 'acc_xai0000001',
      startedAt: NOW,
      finishedAt: NOW,
      status: 'ok',
      errorCode: null,
      errorMessage: null,
      httpStatus: null,
      retryAfterMs: null,
      warning: 'xAI usage could not be read.',
      facts: { ...emptyFacts(), balances: [{ unit: 'USD', kind: 'posted', amountMicros: 2_500_000, source: 'official' }] },
      raw: []
    })
    expect(state.lastPoll('acc_xai0000001')).toMatchObject({ status: 'ok', warning: 'xAI usage could not be read.' })
    expect(state.sortedBalances('acc_xai0000001').map((b) => [b.kind, b.amountMicros])).toEqual([['posted', 2_500_000]])
  })
})
