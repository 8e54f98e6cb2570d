import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AccountsRepo } from '../../../../../src/main/core/ledger/accounts-repo'
import { emptyFacts, type LedgerFacts, type PollRecord, type SpendFact, type UsageFact } from '../../../../../src/main/core/ledger/facts'
import { ingestPoll } from '../../../../../src/main/core/ledger/ingest'
import { DERIVED_SPEND_ITEM } from '../../../../../src/main/core/ledger/balance-derivation'
import { ledgerIngestHook } from '../../../../../src/main/core/ledger/ledger-hook'
import { DERIVED_USAGE_ITEM } from '../../../../../src/main/core/ledger/usage-derivation'
import { openLedger } from '../../../../../src/main/core/ledger/open-ledger'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'

// A poll's lines are written by multi-row statements (ledger/line-writes.ts) and the days an answer
// covers are emptied of official lines first (ledger/replace-days.ts). These tests pin what one
// upsert per line used to guarantee, and what replacing days must keep.

let dir: string
let db: Database
let clock = Date.parse('2026-03-01T10:00:00.000Z')

beforeEach(async () => {
  dir = await makeTempDir('coffer-batched-')
  db = openLedger(join(dir, 'data'))
  new AccountsRepo(db).insert({ id: 'acc-1', provider: 'openai', label: 'OpenAI', baseUrl: null, options: {}, pollIntervalMinutes: 15, keyHint: null, createdAt: '2026-01-01T00:00:00.000Z' })
})

afterEach(async () => {
  db.close()
  await removeTempDir(dir)
})

function poll(partial: Partial<LedgerFacts>): PollRecord {
  clock += 60_000
  const at = new Date(clock).toISOString()
  return { accountId: 'acc-1', startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts: { ...emptyFacts(), ...partial }, raw: [] }
}

const spend = (day: string, item: string, amountMicros: number, source: SpendFact['source'] = 'official'): SpendFact => ({ day, item, unit: 'USD', amountMicros, source })
const usage = (day: string, model: string, inputTokens: number): UsageFact => ({
  day,
  model,
  inputTokens,
  outputTokens: 2 * inputTokens,
  cachedInputTokens: 3,
  cacheWriteTokens: 4,
  requests: 5,
  source: 'official'
})

function spendRows(): string[] {
  return (db.prepare('SELECT day, item, amount_micros, source FROM spend_lines ORDER BY day, item').all() as { day: string; item: string; amount_micros: number; source: string }[]).map(
    (row) => `${row.day} ${row.item} ${row.amount_micros} ${row.source}`
  )
}

function rollups(): string[] {
  return (db.prepare('SELECT day, spend_micros, line_count FROM daily_rollups ORDER BY day').all() as { day: string; spend_micros: number; line_count: number }[]).map(
    (row) => `${row.day} ${row.spend_micros}/${row.line_count}`
  )
}

describe('batched line writes', () => {
  it('stores every column of every line of a 90-day backfill, exactly', () => {
    const days = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10))
    const lines = days.flatMap((day, d) => Array.from({ length: 40 }, (_, i) => spend(day, `item ${i}`, 1_000 + d * 40 + i)))
    const models = days.flatMap((day, d) => Array.from({ length: 25 }, (_, m) => usage(day, `model-${m}`, 10 + d + m)))
    const record = poll({ spend: lines, usage: models })
    ingestPoll(db, record)

    // Σ (1000 + d·40 + i) over d < 90, i < 40 = 3,600·1,000 + Σ_{k<3600} k = 3,600,000 + 6,478,200.
    expect(db.prepare('SELECT COUNT(*) AS n, SUM(amount_micros) AS micros FROM spend_lines').get()).toEqual({ n: 3_600, micros: 10_078_200 })
    // Σ (10 + d + m) over d < 90, m < 25 = 2,250·10 + 25·4,005 + 90·300 = 22,500 + 100,125 + 27,000.
    expect(db.prepare('SELECT COUNT(*) AS n, SUM(input_tokens) AS input, SUM(output_tokens) AS output, SUM(requests) AS requests FROM usage_lines').get()).toEqual({
      n: 2_250,
      input: 149_625,
      output: 299_250,
      requests: 11_250
    })
    expect(db.prepare(`SELECT * FROM usage_lines WHERE day = '2026-01-02' AND model = 'model-3'`).get()).toEqual({
      account_id: 'acc-1',
      day: '2026-01-02',
      model: 'model-3',
      input_tokens: 14,
      output_tokens: 28,
      cached_input_tokens: 3,
      cache_write_tokens: 4,
      reasoning_tokens: 0,
      requests: 5,
      source: 'official',
      updated_at: record.finishedAt
    })
    expect(db.prepare('SELECT typeof(amount_micros) AS type FROM spend_lines GROUP BY 1').all()).toEqual([{ type: 'integer' }])
  })

  it('of two lines with the same key in one answer, the later wins, as with one upsert per line', () => {
    ingestPoll(db, poll({ spend: [spend('2026-03-01', 'a', 1), spend('2026-03-01', 'a', 2)], usage: [usage('2026-03-01', 'm', 1), usage('2026-03-01', 'm', 7)] }))
    expect(spendRows()).toEqual(['2026-03-01 a 2 official'])
    expect(db.prepare('SELECT input_tokens FROM usage_lines').all()).toEqual([{ input_tokens: 7 }])
  })

  it('stores text exactly as a bound value would: quotes, unicode, and a lone surrogate as U+FFFD', () => {
    const names = ['say "hi" \\ \' %', 'ｇｐｔ 模型 🚀', 'broken \ud800 half']
    ingestPoll(db, poll({ spend: names.map((name, i) => spend('2026-03-01', name, i)), usage: names.map((name) => usage('2026-03-01', name, 1)) }))
    db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES ('acc-1', '2026-03-02', ?, 'USD', 0, 'manual', 'x')`).run(names[2])
    const stored = (db.prepare('SELECT item, hex(item) AS bytes FROM spend_lines ORDER BY day, amount_micros').all() as { item: string; bytes: string }[])
    expect(stored.map((row) => row.item)).toEqual([...names.slice(0, 2), 'broken \ufffd half', 'broken \ufffd half'])
    // The poll's line and the one bound by a plain statement hold the same bytes (valid UTF-8).
    expect(stored[2]?.bytes).toBe(stored[3]?.bytes)
    expect((db.prepare('SELECT model FROM usage_lines ORDER BY model').all() as { model: string }[]).map((row) => row.model).sort()).toEqual(
      [...names.slice(0, 2), 'broken \ufffd half'].sort()
    )
  })

  it('refuses a line the table cannot hold, and the whole poll with it', () => {
    expect(() => ingestPoll(db, poll({ spend: [spend('2026-03-01', 'a', 1), spend('2026-03-01', 'b', 1.5)] }))).toThrow(/INTEGER/)
    expect(db.prepare('SELECT COUNT(*) AS n FROM poll_runs').get()).toEqual({ n: 0 })
    expect(spendRows()).toEqual([])
  })
})

describe('days an answer covers completely', () => {
  it('lose their official lines the answer no longer has, keep every other source, and leave other days alone', () => {
    ingestPoll(db, poll({ spend: [spend('2026-03-01', 'old', 5), spend('2026-03-01', 'kept', 1), spend('2026-03-02', 'untouched', 9)] }), [ledgerIngestHook])
    db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES ('acc-1', '2026-03-01', 'by hand', 'USD', 7, 'manual', 'x')`).run()
    ingestPoll(db, poll({ spend: [spend('2026-03-01', 'kept', 2)], replaceDays: { spend: ['2026-03-01'] } }), [ledgerIngestHook])

    expect(spendRows()).toEqual(['2026-03-01 by hand 7 manual', '2026-03-01 kept 2 official', '2026-03-02 untouched 9 official'])
    expect(rollups()).toEqual(['2026-03-01 9/2', '2026-03-02 9/1'])
  })

  it('an answer with no lines for a covered day empties it, and its rollup goes with it', () => {
    ingestPoll(db, poll({ spend: [spend('2026-03-01', 'a', 5)], usage: [usage('2026-03-01', 'm', 1)] }), [ledgerIngestHook])
    expect(rollups()).toEqual(['2026-03-01 5/1'])
    ingestPoll(db, poll({ replaceDays: { spend: ['2026-03-01'], usage: ['2026-03-01'] } }), [ledgerIngestHook])

    expect(spendRows()).toEqual([])
    expect(db.prepare('SELECT COUNT(*) AS n FROM usage_lines').get()).toEqual({ n: 0 })
    expect(rollups()).toEqual([])
  })

  it('re-reading a day with the same figures leaves its rollup untouched (no write, so no trigger fires)', () => {
    const answer = { spend: [spend('2026-03-01', 'a', 5), spend('2026-03-02', 'a', 6)], replaceDays: { spend: ['2026-03-01', '2026-03-02'] } }
    ingestPoll(db, poll(answer), [ledgerIngestHook])
    db.exec(`CREATE TEMP TABLE rollup_writes (day TEXT);
      CREATE TEMP TRIGGER count_updates AFTER UPDATE ON main.daily_rollups BEGIN INSERT INTO rollup_writes VALUES (NEW.day); END;
      CREATE TEMP TRIGGER count_inserts AFTER INSERT ON main.daily_rollups BEGIN INSERT INTO rollup_writes VALUES (NEW.day); END;
      CREATE TEMP TRIGGER count_deletes AFTER DELETE ON main.daily_rollups BEGIN INSERT INTO rollup_writes VALUES (OLD.day); END;`)

    ingestPoll(db, poll(answer), [ledgerIngestHook])
    expect(db.prepare('SELECT day FROM rollup_writes').all()).toEqual([])

    ingestPoll(db, poll({ ...answer, spend: [spend('2026-03-01', 'a', 5), spend('2026-03-02', 'a', 8)] }), [ledgerIngestHook])
    expect(db.prepare('SELECT day FROM rollup_writes').all()).toEqual([{ day: '2026-03-02' }])
    expect(rollups()).toEqual(['2026-03-01 5/1', '2026-03-02 8/1'])
  })
})

describe('spend a provider reports itself', () => {
  it('replaces what Coffer derived for that day and unit (from balance drops and from key usage), and nothing else', () => {
    const derived = db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES ('acc-1', ?, ?, ?, ?, 'derived', 'x')`)
    derived.run('2026-03-01', DERIVED_SPEND_ITEM, 'USD', 11)
    derived.run('2026-03-01', DERIVED_USAGE_ITEM, 'USD', 12)
    derived.run('2026-03-01', DERIVED_SPEND_ITEM, 'CNY', 13)
    derived.run('2026-03-02', DERIVED_SPEND_ITEM, 'USD', 14)

    ingestPoll(db, poll({ spend: [spend('2026-03-01', 'gpt-5', 100), spend('2026-03-01', 'gpt-5 mini', 50)] }), [ledgerIngestHook])

    expect(spendRows()).toEqual([
      `2026-03-01 ${DERIVED_SPEND_ITEM} 13 derived`,
      '2026-03-01 gpt-5 100 official',
      '2026-03-01 gpt-5 mini 50 official',
      `2026-03-02 ${DERIVED_SPEND_ITEM} 14 derived`
    ])
  })
})
