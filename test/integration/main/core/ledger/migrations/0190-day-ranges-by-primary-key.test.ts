import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const ACCOUNTS = ['acc_daysaaaa01', 'acc_daysbbbb01', 'acc_dayscccc01']
const upTo190 = migrations.filter((step) => step.version <= 190)

/** A ledger as the previous version wrote it (every step before 190): 3 accounts × 60 days × 5 items, spend and usage. */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 190)
  )
  const account = db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES (?, 'openai', ?, '2026-01-01T00:00:00Z')`)
  const spend = db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES (?, ?, ?, 'USD', ?, 'official', 'x')`)
  const usage = db.prepare(`INSERT INTO usage_lines (account_id, day, model, input_tokens, source, updated_at) VALUES (?, ?, ?, ?, 'official', 'x')`)
  db.transaction(() => {
    for (const id of ACCOUNTS) {
      account.run(id, id)
      for (let d = 0; d < 60; d++) {
        const day = new Date(Date.UTC(2026, 8, 1 + d)).toISOString().slice(0, 10)
        for (let i = 0; i < 5; i++) {
          spend.run(id, day, `item ${i}`, 1000 + i)
          usage.run(id, day, `model ${i}`, 100 + i)
        }
      }
    }
  })()
  db.close()
}

function plan(db: BetterSqlite3.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ')
}

describe('migration 190: day ranges read through the primary key', () => {
  it('keeps every line of a ledger written by the previous version, drops the two day indexes and measures both tables', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = new BetterSqlite3(path)
    track(db)
    const sums = (): unknown => [
      db.prepare('SELECT COUNT(*) AS n, SUM(amount_micros) AS s FROM spend_lines').get(),
      db.prepare('SELECT COUNT(*) AS n, SUM(input_tokens) AS s FROM usage_lines').get()
    ]
    const before = sums()

    // This step as it shipped: migration 210 later moved the lines into integer-keyed tables.
    expect(migrate(db, upTo190)).toBe(190)

    expect(sums()).toEqual(before)
    expect(before).toEqual([
      { n: 900, s: 3 * 60 * (1000 + 1001 + 1002 + 1003 + 1004) },
      { n: 900, s: 3 * 60 * (100 + 101 + 102 + 103 + 104) }
    ])
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('spend_lines', 'usage_lines') AND sql IS NOT NULL").all()
    expect(indexes).toEqual([])
    const added = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('poll_runs_by_time', 'alerts_by_state') ORDER BY name").all()
    expect(added).toEqual([{ name: 'alerts_by_state' }, { name: 'poll_runs_by_time' }])
    // The planner is told the shape of a 1M-line ledger, whatever this one's size.
    const stats = db.prepare("SELECT tbl, stat FROM sqlite_stat1 WHERE tbl IN ('spend_lines', 'usage_lines') ORDER BY tbl").all()
    expect(stats).toEqual([
      { tbl: 'spend_lines', stat: '1000000 50000 30 1 1' },
      { tbl: 'usage_lines', stat: '1000000 50000 25 1' }
    ])
    expect(plan(db, "SELECT SUM(amount_micros) FROM spend_lines t WHERE t.day >= '2026-10-01' AND t.day < '2026-11-01'")).toMatch(
      /SEARCH t USING PRIMARY KEY \(ANY\(account_id\) AND day>\? AND day<\?\)/
    )
  })

  it('a new ledger plans day ranges through the primary key from the start (the shape a 1M-line ledger has)', () => {
    const db = new BetterSqlite3(join(tempDir(), 'coffer.db'))
    track(db)
    migrate(db, upTo190)
    expect(db.prepare("SELECT stat FROM sqlite_stat1 WHERE tbl = 'spend_lines'").get()).toEqual({ stat: '1000000 50000 30 1 1' })
    expect(plan(db, "SELECT COUNT(*) FROM usage_lines t WHERE t.day BETWEEN '2026-11-01' AND '2026-11-30'")).toMatch(/SEARCH t USING PRIMARY KEY \(ANY\(account_id\) AND day>\? AND day<\?\)/)
    expect(plan(db, "SELECT * FROM spend_lines WHERE account_id = 'a' AND day >= '2026-11-01'")).toMatch(/SEARCH spend_lines USING PRIMARY KEY \(account_id=\? AND day>\?\)/)
  })
})
