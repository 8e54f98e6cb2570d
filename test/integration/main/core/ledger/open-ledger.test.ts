import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { LedgerTooNewError, migrate } from '../../../../../src/main/core/ledger/migrate'
import { initialSchema } from '../../../../../src/main/core/ledger/migrations/0010-initial'
import { migrations } from '../../../../../src/main/core/ledger/migrations'
import type { Migration } from '../../../../../src/main/core/ledger/migrations/migration'
import { LEDGER_FILE_NAME, openLedger } from '../../../../../src/main/core/ledger/open-ledger'
import { useTempDir } from '../../../../helpers/temp-dir'

const LATEST = migrations.at(-1)?.version ?? 0
const tempDir = useTempDir('coffer-ledger-')
const open: Database[] = []

function track(db: Database): Database {
  open.push(db)
  return db
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
})

/** Every schema object as SQLite stores it: a fingerprint of the schema. */
function schemaOf(db: Database): Array<{ type: string; name: string; sql: string | null }> {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all() as Array<{
    type: string
    name: string
    sql: string | null
  }>
}

describe('openLedger', () => {
  it('creates the ledger file with WAL, synchronous FULL, foreign keys and the latest schema', () => {
    const dir = join(tempDir(), 'data')
    const db = track(openLedger(dir))
    expect(existsSync(join(dir, LEDGER_FILE_NAME))).toBe(true)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(LATEST).toBeGreaterThanOrEqual(10)
    const tables = schemaOf(db)
      .filter((o) => o.type === 'table')
      .map((o) => o.name)
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'poll_runs', 'raw_responses', 'balance_snapshots', 'spend_facts', 'usage_facts', 'line_names', 'credit_events'])
    )
    // Spend and usage lines are read through views over the integer-keyed fact tables (migration 210).
    const views = schemaOf(db)
      .filter((o) => o.type === 'view')
      .map((o) => o.name)
    expect(views).toEqual(expect.arrayContaining(['spend_lines', 'usage_lines']))
  })

  it('enforces foreign keys: a poll run for an unknown account is refused', () => {
    const db = track(openLedger(tempDir()))
    expect(() =>
      db
        .prepare(
          `INSERT INTO poll_runs (account_id, started_at, finished_at, duration_ms, status) VALUES ('ghost', 'a', 'b', 0, 'ok')`
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
  })

  it('reopening an up-to-date ledger changes nothing and keeps the data', () => {
    const dir = tempDir()
    const first = track(openLedger(dir))
    first
      .prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('a1', 'deepseek', 'Main', '2026-01-01T00:00:00Z')`)
      .run()
    const schemaBefore = schemaOf(first)
    first.close()

    const second = track(openLedger(dir))
    expect(second.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(schemaOf(second)).toEqual(schemaBefore)
    expect(second.prepare('SELECT label FROM accounts').all()).toEqual([{ label: 'Main' }])
    // WAL is a property of the file, so it survives reopening.
    expect(second.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it.each([
    ['rollback-journal', 'delete'],
    ['WAL', 'wal']
  ])('refuses a %s ledger from a newer Coffer and leaves the file byte-for-byte unchanged', (_label, journalMode) => {
    const dir = tempDir()
    const file = join(dir, LEDGER_FILE_NAME)
    const newer = new BetterSqlite3(file)
    newer.pragma(`journal_mode = ${journalMode}`)
    newer.exec('CREATE TABLE from_the_future (x INTEGER)')
    newer.pragma(`user_version = ${LATEST + 1000}`)
    newer.close()
    const before = readFileSync(file)

    let caught: unknown
    try {
      track(openLedger(dir))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(LedgerTooNewError)
    const error = caught as LedgerTooNewError
    expect(error.found).toBe(LATEST + 1000)
    expect(error.supported).toBe(LATEST)
    expect(error.message).toMatch(/newer version of Coffer/)
    expect(error.message).toMatch(/Update Coffer/)
    expect(error.message).toMatch(/Nothing was changed/)

    expect(readFileSync(file).equals(before)).toBe(true)
    const check = track(new BetterSqlite3(file, { readonly: true }))
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST + 1000)
    expect(schemaOf(check).map((o) => o.name)).toEqual(['from_the_future'])
  })
})

describe('migrate', () => {
  const failing = (version: number): Migration => ({
    version,
    name: 'breaks-halfway',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER); ALTER TABLE accounts ADD COLUMN half_done INTEGER')
      throw new Error('step failed on purpose')
    }
  })

  it('a failing step leaves user_version and the schema exactly as they were', () => {
    const dir = tempDir()
    const db = track(openLedger(dir))
    const schemaBefore = schemaOf(db)

    expect(() => migrate(db, [...migrations, failing(LATEST + 10)])).toThrow('step failed on purpose')
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(schemaOf(db)).toEqual(schemaBefore)
    db.close()

    // And on disk, not just in this connection.
    const reopened = track(openLedger(dir))
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(schemaOf(reopened)).toEqual(schemaBefore)
  })

  it('applies all pending steps in one transaction: a later failure undoes earlier steps too', () => {
    const db = track(new BetterSqlite3(join(tempDir(), 'fresh.db')))
    expect(() => migrate(db, [initialSchema, failing(20)])).toThrow('step failed on purpose')
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(schemaOf(db)).toEqual([])
  })

  it('runs only pending steps and records the newest version', () => {
    const db = track(new BetterSqlite3(join(tempDir(), 'steps.db')))
    const ran: number[] = []
    const step = (version: number): Migration => ({
      version,
      name: `v${version}`,
      up: (target) => {
        ran.push(version)
        target.exec(`CREATE TABLE t${version} (x INTEGER)`)
      }
    })
    expect(migrate(db, [step(10)])).toBe(10)
    expect(migrate(db, [step(10), step(20), step(30)])).toBe(30)
    expect(migrate(db, [step(10), step(20), step(30)])).toBe(30)
    expect(ran).toEqual([10, 20, 30])
    expect(db.pragma('user_version', { simple: true })).toBe(30)
  })

  it('refuses steps whose versions do not ascend', () => {
    const db = track(new BetterSqlite3(join(tempDir(), 'order.db')))
    const noop = (version: number): Migration => ({ version, name: `v${version}`, up: () => undefined })
    expect(() => migrate(db, [noop(20), noop(10)])).toThrow(/must ascend/)
    expect(() => migrate(db, [noop(10), noop(10)])).toThrow(/must ascend/)
    expect(() => migrate(db, [noop(1.5)])).toThrow(/must ascend/)
    expect(db.pragma('user_version', { simple: true })).toBe(0)
  })

  it('throws LedgerTooNewError from migrate itself without touching the database', () => {
    const db = track(new BetterSqlite3(join(tempDir(), 'new.db')))
    db.pragma('user_version = 9999')
    expect(() => migrate(db, migrations)).toThrow(LedgerTooNewError)
    expect(db.pragma('user_version', { simple: true })).toBe(9999)
  })
})
