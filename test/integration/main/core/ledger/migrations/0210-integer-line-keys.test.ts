import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { emptyFacts } from '../../../../../../src/main/core/ledger/facts'
import { ingestPoll } from '../../../../../../src/main/core/ledger/ingest'
import { ledgerIngestHook } from '../../../../../../src/main/core/ledger/ledger-hook'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const ACCOUNTS = ['acc_keysbbbb01', 'acc_keysaaaa01', 'acc_keyscccc01']
const SPEND_COLUMNS = 'account_id, day, item, unit, amount_micros, source, updated_at'
const USAGE_COLUMNS = 'account_id, day, model, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, requests, source, updated_at, reasoning_tokens'

/**
 * A ledger as the previous version wrote it (every step before 210): 3 accounts, 20 days of spend in
 * two units from every source, usage from every source (local lines with reasoning tokens), names
 * shared between spend and usage, names with quotes and emoji, and the daily rollups of it all.
 */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 210)
  )
  const account = db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES (?, 'openai', ?, '2026-01-01T00:00:00Z')`)
  const spend = db.prepare(`INSERT INTO spend_lines (${SPEND_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const usage = db.prepare(`INSERT INTO usage_lines (${USAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const items = ['gpt-5', 'it’s "quoted"', '模型 🚀', 'Coffer: spend derived from balance']
  const sources = ['official', 'derived', 'manual'] as const
  db.transaction(() => {
    for (const [a, id] of ACCOUNTS.entries()) {
      account.run(id, `Account ${a}`)
      for (let d = 0; d < 20; d++) {
        const day = new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10)
        for (const [i, item] of items.entries()) {
          spend.run(id, day, item, i % 2 ? 'CNY' : 'USD', 1_000 * (a + 1) + d * 10 + i, sources[(d + i) % 3], `2026-11-${String(1 + d).padStart(2, '0')}T23:00:00.000Z`)
          usage.run(id, day, item, 100 + d, 20 + i, 3, 4, 5 + a, (d + i) % 4 === 3 ? 'local' : sources[(d + i) % 3], `u${d}`, (d + i) % 4 === 3 ? 7 : 0)
        }
      }
    }
    db.exec(`INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count)
      SELECT account_id, day, unit, SUM(amount_micros), COUNT(*) FROM spend_lines GROUP BY account_id, day, unit`)
  })()
  db.close()
}

function plan(db: BetterSqlite3.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ')
}

function open(path: string): BetterSqlite3.Database {
  const db = track(new BetterSqlite3(path))
  db.pragma('foreign_keys = ON')
  return db
}

describe('migration 210: spend and usage lines keyed by integers', () => {
  it('keeps every column of every line of a ledger written by the previous version, read as before', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = open(path)
    const dump = (): unknown[] => [
      db.prepare(`SELECT ${SPEND_COLUMNS} FROM spend_lines ORDER BY account_id, day, item, unit`).all(),
      db.prepare(`SELECT ${USAGE_COLUMNS} FROM usage_lines ORDER BY account_id, day, model`).all(),
      db.prepare('SELECT * FROM daily_rollups ORDER BY account_id, day, unit').all()
    ]
    const before = dump()

    expect(migrate(db, migrations)).toBe(210)

    expect(dump()).toEqual(before)
    expect((before[0] as unknown[]).length).toBe(3 * 20 * 4)
    expect(db.prepare('SELECT COUNT(*) AS n, SUM(amount_micros) AS micros FROM spend_facts').get()).toEqual({
      n: 240,
      // Σ over a < 3, d < 20, i < 4 of 1000(a+1) + 10d + i = 80·6000 + 12·1900 + 60·6.
      micros: 480_000 + 22_800 + 360
    })
    // One number per account, one id per distinct name (spend items and usage models share them).
    expect(db.prepare('SELECT id, no FROM accounts ORDER BY no').all()).toEqual([
      { id: 'acc_keysaaaa01', no: 1 },
      { id: 'acc_keysbbbb01', no: 2 },
      { id: 'acc_keyscccc01', no: 3 }
    ])
    expect(db.prepare('SELECT COUNT(*) AS n FROM line_names').get()).toEqual({ n: 4 })
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('new accounts get the next number, polls write through the fact tables, and removing an account removes its lines only', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = open(path)
    migrate(db, migrations)
    db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_keysnew001', 'openai', 'New', '2026-12-01T00:00:00Z')`).run()
    expect(db.prepare(`SELECT no FROM accounts WHERE id = 'acc_keysnew001'`).get()).toEqual({ no: 4 })

    const facts = emptyFacts()
    facts.spend.push({ day: '2026-12-01', item: 'gpt-5', unit: 'USD', amountMicros: 1_500_000, source: 'official' }, { day: '2026-12-01', item: 'brand new item', unit: 'USD', amountMicros: 250_000, source: 'official' })
    facts.usage.push({ day: '2026-12-01', model: 'gpt-5', inputTokens: 10, outputTokens: 2, cachedInputTokens: 1, cacheWriteTokens: 0, requests: 1, source: 'official' })
    const at = '2026-12-01T23:00:00.000Z'
    ingestPoll(db, { accountId: 'acc_keysnew001', startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] }, [ledgerIngestHook])

    expect(db.prepare(`SELECT item, amount_micros FROM spend_lines WHERE account_id = 'acc_keysnew001' ORDER BY item`).all()).toEqual([
      { item: 'brand new item', amount_micros: 250_000 },
      { item: 'gpt-5', amount_micros: 1_500_000 }
    ])
    expect(db.prepare(`SELECT spend_micros, line_count FROM daily_rollups WHERE account_id = 'acc_keysnew001'`).all()).toEqual([{ spend_micros: 1_750_000, line_count: 2 }])
    expect(db.prepare('SELECT COUNT(*) AS n FROM line_names').get()).toEqual({ n: 5 })

    db.prepare(`DELETE FROM accounts WHERE id = 'acc_keysbbbb01'`).run()
    expect(db.prepare('SELECT account_id, COUNT(*) AS n FROM spend_lines GROUP BY account_id ORDER BY account_id').all()).toEqual([
      { account_id: 'acc_keysaaaa01', n: 80 },
      { account_id: 'acc_keyscccc01', n: 80 },
      { account_id: 'acc_keysnew001', n: 2 }
    ])
    expect(db.prepare('SELECT COUNT(*) AS n FROM usage_facts').get()).toEqual({ n: 161 })
  })

  it('the views still take a plain INSERT and DELETE, and refuse a line for an unknown account', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = open(path)
    migrate(db, migrations)
    db.prepare(`INSERT INTO spend_lines (${SPEND_COLUMNS}) VALUES ('acc_keysaaaa01', '2026-12-02', 'typed by hand', 'USD', 42, 'manual', 'x')`).run()
    db.prepare(`INSERT INTO usage_lines (account_id, day, model, input_tokens, source, updated_at) VALUES ('acc_keysaaaa01', '2026-12-02', 'm', 9, 'manual', 'x')`).run()
    expect(db.prepare(`SELECT item, amount_micros, source FROM spend_lines WHERE day = '2026-12-02'`).all()).toEqual([{ item: 'typed by hand', amount_micros: 42, source: 'manual' }])
    expect(db.prepare(`SELECT model, input_tokens, output_tokens, reasoning_tokens FROM usage_lines WHERE day = '2026-12-02'`).all()).toEqual([{ model: 'm', input_tokens: 9, output_tokens: 0, reasoning_tokens: 0 }])

    expect(db.prepare(`DELETE FROM spend_lines WHERE day = '2026-12-02'`).run().changes).toBe(0) // a view counts no changes…
    expect(db.prepare(`SELECT COUNT(*) AS n FROM spend_lines WHERE day = '2026-12-02'`).get()).toEqual({ n: 0 }) // …but the line is gone
    db.prepare(`DELETE FROM usage_lines WHERE day = '2026-12-02'`).run()
    expect(db.prepare(`SELECT COUNT(*) AS n FROM usage_facts WHERE day = '2026-12-02'`).get()).toEqual({ n: 0 })

    expect(() => db.prepare(`INSERT INTO spend_lines (${SPEND_COLUMNS}) VALUES ('ghost', '2026-12-02', 'x', 'USD', 1, 'manual', 'x')`).run()).toThrow(/NOT NULL/)
    expect(() => db.prepare(`INSERT INTO spend_lines (${SPEND_COLUMNS}) VALUES ('acc_keysaaaa01', '2026-12-02', 'x', 'USD', 1, 'guess', 'x')`).run()).toThrow(/CHECK/)
  })

  it('plans every range read of the views through the fact tables’ primary keys, at the shape of a 1M-line ledger', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = open(path)
    migrate(db, migrations)
    expect(db.prepare("SELECT tbl, stat FROM sqlite_stat1 WHERE tbl IN ('spend_facts', 'usage_facts', 'spend_lines', 'usage_lines') ORDER BY tbl").all()).toEqual([
      { tbl: 'spend_facts', stat: '1000000 50000 30 1 1' },
      { tbl: 'usage_facts', stat: '1000000 50000 25 1' }
    ])
    expect(plan(db, "SELECT SUM(amount_micros) FROM spend_lines t WHERE t.day >= '2026-11-01' AND t.day < '2026-12-01'")).toMatch(
      /SEARCH spend_facts USING PRIMARY KEY \(ANY\(account_no\) AND day>\? AND day<\?\)/
    )
    expect(plan(db, "SELECT * FROM usage_lines WHERE account_id = 'acc_keysaaaa01' AND day BETWEEN '2026-11-01' AND '2026-11-30'")).toMatch(
      /SEARCH usage_facts USING PRIMARY KEY \(account_no=\? AND day>\? AND day<\?\)/
    )
    expect(plan(db, "SELECT COUNT(*) FROM usage_lines WHERE day BETWEEN '2026-11-01' AND '2026-11-30'")).not.toMatch(/SCAN usage_facts/)
  })
})
