import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { DERIVED_SPEND_ITEM } from '../../../../../src/main/core/ledger/balance-derivation'
import { rederive } from '../../../../../src/main/core/ledger/ledger-hook'
import { migrate } from '../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../src/main/core/ledger/migrations'
import { LEDGER_FILE_NAME } from '../../../../../src/main/core/ledger/open-ledger'
import { useTempDir } from '../../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { ingestBalance, insertAccount } from '../../../../helpers/ledger-script'

const DS = 'acc_deepseek01'

/**
 * Issue 9, requirement 5: a top-up recorded on an account whose provider reports its own balance
 * waits for a reading that rises to include it, and never turns into spend. Every expectation is
 * computed by hand in the comment beside it (CNY, exact decimals).
 */
describe('a recorded top-up never creates spend', () => {
  const dir = useTempDir()
  let core: Core | null = null
  let clock = new Date('2026-03-01T10:00:00.000Z')
  const open = (at = '2026-03-01T10:00:00.000Z', dataDir = dir()): Core => {
    clock = new Date(at)
    core = createTestCore(dataDir, { now: () => clock })
    insertAccount(core, DS, 'DeepSeek')
    return core
  }
  afterEach(() => {
    core?.close()
    core = null
  })

  const spendOf = async (c: Core) =>
    (await callOk(c, 'records:spend', { accountIds: [DS], sort: 'date', dir: 'asc' })).rows.map((row) => [row.day, row.item, row.amount, row.source])
  const creditsOf = async (c: Core) =>
    (await callOk(c, 'records:credits', { accountIds: [DS], sort: 'date', dir: 'asc' })).rows.map((row) => [row.kind, row.amount, row.source, row.confirmed, row.match])
  const card = async (c: Core) => (await callOk(c, 'accounts:list', {})).find((view) => view.id === DS)
  const topUp = (c: Core, amount: string, at?: string) => callOk(c, 'credits:record', { accountId: DS, kind: 'topup', amount, ...(at ? { at } : {}) })

  it('(a) a pending top-up matched by a later rise: no spend, no detection, exact balances', async () => {
    const c = open()
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100.000001')
    const entry = await topUp(c, '49.999999')
    expect(entry).toMatchObject({ amount: '49.999999', source: 'manual', confirmed: true, match: 'pending' })
    // The next reading does not show it yet: 100.000001 → 100.000001 is no spend (it was 49.999999 before the fix).
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '100.000001')
    expect(await spendOf(c)).toEqual([])
    // Now it shows: 100.000001 + 49.999999 − 150 = 0, the rise is the top-up.
    ingestBalance(c, DS, '2026-03-01T15:00:00.000Z', '150')
    ingestBalance(c, DS, '2026-03-01T18:00:00.000Z', '150')
    expect(await spendOf(c)).toEqual([])
    expect(await creditsOf(c)).toEqual([['topup', '49.999999', 'manual', true, 'matched']])
    clock = new Date('2026-03-01T20:00:00.000Z')
    const view = await card(c)
    expect(view?.balances[0]).toMatchObject({ unit: 'CNY', amount: '150', source: 'official' })
    // No spend, derived or reported, ever: the card shows none rather than a zero pace.
    expect(view?.spend).toBeNull()
    expect(c.context.db.prepare('SELECT COUNT(*) AS n FROM daily_rollups WHERE account_id = ?').get(DS)).toEqual({ n: 0 })
    expect(view?.unconfirmedTopups).toBe(0)
    const snapshot = c.context.db.prepare(`SELECT id FROM balance_snapshots WHERE account_id = ? AND observed_at = '2026-03-01T15:00:00.000Z'`).get(DS) as { id: number }
    expect(c.context.db.prepare('SELECT matched_snapshot_id AS m FROM credit_events WHERE id = ?').get(entry.id)).toEqual({ m: snapshot.id })
  })

  it('(a) a rise slightly smaller than the top-up: the difference is the spend between the readings', async () => {
    const c = open()
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100')
    await topUp(c, '50')
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '99.5')
    // 100 → 99.5 before it shows: 0.5; 99.5 + 50 − 147.25 = 2.25 while it did. 2.75 in all.
    ingestBalance(c, DS, '2026-03-01T15:00:00.000Z', '147.25')
    expect(await spendOf(c)).toEqual([['2026-03-01', DERIVED_SPEND_ITEM, '2.75', 'derived']])
    expect(await creditsOf(c)).toEqual([['topup', '50', 'manual', true, 'matched']])
  })

  it('(b) unmatched: no spend, pending, overdue after 3 days; confirming counts it by its time', async () => {
    const c = open()
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100')
    await topUp(c, '50')
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '99')
    ingestBalance(c, DS, '2026-03-02T09:00:00.000Z', '98')
    // 100 → 99 → 98: 1 a day, the top-up counts nowhere.
    expect(await spendOf(c)).toEqual([
      ['2026-03-01', DERIVED_SPEND_ITEM, '1', 'derived'],
      ['2026-03-02', DERIVED_SPEND_ITEM, '1', 'derived']
    ])
    clock = new Date('2026-03-04T09:59:59.999Z')
    expect(await creditsOf(c)).toEqual([['topup', '50', 'manual', true, 'pending']])
    expect((await card(c))?.unconfirmedTopups).toBe(0)
    // Recorded at 10:00 on 1 March: overdue from 10:00 on 4 March.
    clock = new Date('2026-03-04T10:00:00.000Z')
    const page = await callOk(c, 'records:credits', { accountIds: [DS] })
    expect(page.rows.map((row) => row.match)).toEqual(['overdue'])
    expect(page.summary.unconfirmed).toBe(1)
    expect((await card(c))?.unconfirmedTopups).toBe(1)

    const id = page.rows[0]?.id as number
    expect(await callOk(c, 'credits:confirm', { id })).toMatchObject({ confirmed: true, match: 'none' })
    // "It did happen": 100 + 50 − 99 = 51 between the readings around it, as before this change.
    expect(await spendOf(c)).toEqual([
      ['2026-03-01', DERIVED_SPEND_ITEM, '51', 'derived'],
      ['2026-03-02', DERIVED_SPEND_ITEM, '1', 'derived']
    ])
    expect((await card(c))?.unconfirmedTopups).toBe(0)
    expect((await callOk(c, 'records:credits', { accountIds: [DS] })).summary.unconfirmed).toBe(0)
  })

  it('(b) deleting an overdue top-up removes it and leaves the figures as if it never was', async () => {
    const c = open()
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100')
    const entry = await topUp(c, '50')
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '99')
    clock = new Date('2026-03-05T00:00:00.000Z')
    expect((await creditsOf(c)).map((row) => row[4])).toEqual(['overdue'])
    await callOk(c, 'credits:remove', { id: entry.id })
    expect(await creditsOf(c)).toEqual([])
    expect(await spendOf(c)).toEqual([['2026-03-01', DERIVED_SPEND_ITEM, '1', 'derived']])
    expect((await card(c))?.unconfirmedTopups).toBe(0)
  })

  it('(c) entered after the rise was detected: one event, matched, no detection, no spend', async () => {
    const c = open('2026-03-01T13:00:00.000Z')
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '10')
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '60')
    expect(await creditsOf(c)).toEqual([['topup', '50', 'derived', false, 'none']])
    clock = new Date('2026-03-01T20:00:00.000Z')
    const entry = await topUp(c, '50')
    expect(entry).toMatchObject({ occurredAt: '2026-03-01T11:59:59.999Z', match: 'matched' })
    expect(await creditsOf(c)).toEqual([['topup', '50', 'manual', true, 'matched']])
    expect(await spendOf(c)).toEqual([])
    // Later readings change nothing about it (10 + 50 − 60 = 0; 60 → 59.6 is 0.4).
    ingestBalance(c, DS, '2026-03-01T21:00:00.000Z', '59.6')
    expect(await creditsOf(c)).toEqual([['topup', '50', 'manual', true, 'matched']])
    expect(await spendOf(c)).toEqual([['2026-03-01', DERIVED_SPEND_ITEM, '0.4', 'derived']])
    clock = new Date('2026-03-09T00:00:00.000Z')
    expect((await card(c))?.unconfirmedTopups).toBe(0)
  })

  it('(e) a rise larger than the top-up: the excess is a detected top-up', async () => {
    const c = open()
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100')
    await topUp(c, '50')
    // 100 + 50 − 180 = −30: 30 more than Coffer knows of.
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '180')
    expect(await creditsOf(c)).toEqual([
      ['topup', '50', 'manual', true, 'matched'],
      ['topup', '30', 'derived', false, 'none']
    ])
    expect(await spendOf(c)).toEqual([])
    expect((await card(c))?.unconfirmedTopups).toBe(1)
  })

  it('a rise of at most half the top-up is not it; one rise can be two waiting top-ups, oldest first', async () => {
    const c = open()
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100')
    await topUp(c, '40')
    // A rise of 20 is not more than half of 40: detected, and the top-up keeps waiting.
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '120')
    expect(await creditsOf(c)).toEqual([
      ['topup', '40', 'manual', true, 'pending'],
      ['topup', '20', 'derived', false, 'none']
    ])
    expect(await spendOf(c)).toEqual([])
    c.close()

    const d = open('2026-03-01T10:30:00.000Z', join(dir(), 'second'))
    ingestBalance(d, DS, '2026-03-01T09:00:00.000Z', '100')
    await topUp(d, '40', '2026-03-01T10:00:00.000Z')
    await topUp(d, '25')
    // 100 + 40 + 25 − 164 = 1: both are the rise of 64 (40 needs more than 20; 25 more than 12.5 of the 24 left).
    ingestBalance(d, DS, '2026-03-01T12:00:00.000Z', '164')
    expect(await creditsOf(d)).toEqual([
      ['topup', '40', 'manual', true, 'matched'],
      ['topup', '25', 'manual', true, 'matched']
    ])
    expect(await spendOf(d)).toEqual([['2026-03-01', DERIVED_SPEND_ITEM, '1', 'derived']])
  })
})

/** A ledger's derived figures and matches, without row ids (which differ between ledgers). */
function figures(c: Core) {
  const db = c.context.db
  return {
    spend: db.prepare('SELECT day, item, unit, amount_micros AS m, source FROM spend_lines WHERE account_id = ? ORDER BY day, item').all(DS),
    rollups: db.prepare('SELECT day, unit, spend_micros AS m FROM daily_rollups WHERE account_id = ? ORDER BY day').all(DS),
    credits: db
      .prepare(
        `SELECT e.kind, e.amount_micros AS m, e.occurred_at AS at, e.source, e.confirmed, e.pending_until AS pendingUntil, s.observed_at AS matchedAt
         FROM credit_events e LEFT JOIN balance_snapshots s ON s.id = e.matched_snapshot_id WHERE e.account_id = ? ORDER BY e.occurred_at, e.kind, e.amount_micros`
      )
      .all(DS)
  }
}

describe('(d) matching is idempotent and independent of the order readings arrive in', () => {
  const dir = useTempDir()
  const readings: [string, string][] = [
    ['2026-03-01T09:00:00.000Z', '100'],
    ['2026-03-01T12:00:00.000Z', '100'], // the 30 top-up of 10:00 does not show yet
    ['2026-03-02T08:00:00.000Z', '95'], // 5 spent
    ['2026-03-02T09:00:00.000Z', '125'], // the 30 shows: 95 + 30 − 125 = 0
    ['2026-03-02T20:00:00.000Z', '120'], // 5 spent
    ['2026-03-03T09:00:00.000Z', '170'], // 50 nobody recorded: detected
    ['2026-03-03T12:00:00.000Z', '189'] // the 20 top-up of 10:00: 170 + 20 − 189 = 1 spent
  ]
  const events: [string, string][] = [
    ['30', '2026-03-01T10:00:00.000Z'],
    ['20', '2026-03-03T10:00:00.000Z']
  ]
  const expected = {
    spend: [
      { day: '2026-03-02', item: DERIVED_SPEND_ITEM, unit: 'CNY', m: 10_000_000, source: 'derived' },
      { day: '2026-03-03', item: DERIVED_SPEND_ITEM, unit: 'CNY', m: 1_000_000, source: 'derived' }
    ],
    rollups: [
      { day: '2026-03-02', unit: 'CNY', m: 10_000_000 },
      { day: '2026-03-03', unit: 'CNY', m: 1_000_000 }
    ],
    credits: [
      { kind: 'topup', m: 30_000_000, at: '2026-03-01T10:00:00.000Z', source: 'manual', confirmed: 1, pendingUntil: '2026-03-04T10:00:00.000Z', matchedAt: '2026-03-02T09:00:00.000Z' },
      { kind: 'topup', m: 50_000_000, at: '2026-03-03T09:00:00.000Z', source: 'derived', confirmed: 0, pendingUntil: null, matchedAt: null },
      { kind: 'topup', m: 20_000_000, at: '2026-03-03T10:00:00.000Z', source: 'manual', confirmed: 1, pendingUntil: '2026-03-06T10:00:00.000Z', matchedAt: '2026-03-03T12:00:00.000Z' }
    ]
  }

  /** Ingests `order` (indexes into `readings`), recording the top-ups after the first reading. */
  const build = async (dataDir: string, order: number[]): Promise<Core> => {
    const c = createTestCore(dataDir, { now: () => new Date('2026-03-03T20:00:00.000Z') })
    insertAccount(c, DS, 'DeepSeek')
    for (const [step, index] of order.entries()) {
      const [at, amount] = readings[index] as [string, string]
      ingestBalance(c, DS, at, amount)
      if (step === 0) for (const [value, when] of events) await callOk(c, 'credits:record', { accountId: DS, kind: 'topup', amount: value, at: when })
    }
    return c
  }

  it('in order, in reverse, shuffled, and with every reading twice: the same figures', async () => {
    const orders = [
      [0, 1, 2, 3, 4, 5, 6],
      [6, 5, 4, 3, 2, 1, 0],
      [3, 0, 6, 1, 5, 2, 4],
      [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]
    ]
    for (const [index, order] of orders.entries()) {
      const c = await build(join(dir(), `order-${index}`), order)
      try {
        expect(figures(c), `order ${order.join(',')}`).toEqual(expected)
      } finally {
        c.close()
      }
    }
  })

  it('re-deriving every day twice, forwards and backwards, changes nothing', async () => {
    const c = await build(dir(), [0, 1, 2, 3, 4, 5, 6])
    try {
      const now = new Date('2026-03-03T20:00:00.000Z')
      const redo = (at: string[]): void =>
        c.context.db.transaction(() => rederive(c.context.db, DS, { at, units: ['CNY'], extraDays: [], now, writtenAt: now.toISOString() }))()
      const times = readings.map(([at]) => at)
      redo(times)
      redo(times)
      for (const at of [...times].reverse()) redo([at])
      for (const at of times) redo([at])
      expect(figures(c)).toEqual(expected)
    } finally {
      c.close()
    }
  })
})

describe('migration 0070 on a ledger written by the previous version', () => {
  const dir = useTempDir()
  it('keeps every row, and events already recorded keep counting by their time', async () => {
    const dataDir = dir()
    const old = new BetterSqlite3(join(dataDir, LEDGER_FILE_NAME))
    migrate(old, migrations.filter((step) => step.version < 70))
    const previous = old.pragma('user_version', { simple: true }) as number
    expect(previous).toBeGreaterThanOrEqual(50)
    old.exec(`
      INSERT INTO accounts (id, provider, label, created_at) VALUES ('${DS}', 'deepseek', 'DeepSeek', '2026-01-01T00:00:00.000Z');
      INSERT INTO balance_snapshots (account_id, observed_at, unit, kind, amount_micros, source) VALUES
        ('${DS}', '2026-03-01T09:00:00.000Z', 'CNY', 'total', 100000000, 'official'),
        ('${DS}', '2026-03-01T12:00:00.000Z', 'CNY', 'total', 149000000, 'official');
      INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, note, source, confirmed, created_at, baseline_micros) VALUES
        ('${DS}', 'topup', 50000000, 'CNY', '2026-03-01T10:00:00.000Z', 'Card payment', 'manual', 1, '2026-03-01T10:00:00.000Z', 0);
      INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES
        ('${DS}', '2026-03-01', '${DERIVED_SPEND_ITEM}', 'CNY', 1000000, 'derived', '2026-03-01T12:00:00.000Z');
      INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count) VALUES ('${DS}', '2026-03-01', 'CNY', 1000000, 1);
    `)
    const rows = (db: BetterSqlite3.Database) => ({
      accounts: db.prepare('SELECT id, provider, label FROM accounts').all(),
      snapshots: db.prepare('SELECT id, observed_at, amount_micros, source FROM balance_snapshots ORDER BY id').all(),
      credits: db.prepare('SELECT id, kind, amount_micros, occurred_at, note, source, confirmed FROM credit_events ORDER BY id').all(),
      spend: db.prepare('SELECT day, item, amount_micros FROM spend_lines ORDER BY day').all()
    })
    const before = rows(old)
    old.close()

    const c = createTestCore(dataDir, { now: () => new Date('2026-03-01T16:00:00.000Z') })
    try {
      const db = c.context.db
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version)
      expect(rows(db)).toEqual(before)
      expect(db.prepare('SELECT pending_until AS p, matched_snapshot_id AS m FROM credit_events').all()).toEqual([{ p: null, m: null }])
      expect((await callOk(c, 'records:credits', {})).rows.map((row) => [row.amount, row.note, row.match])).toEqual([['50', 'Card payment', 'none']])
      // The next poll re-derives the day with the top-up counted by its time: 100 + 50 − 149 = 1, then 149 → 148.5.
      ingestBalance(c, DS, '2026-03-01T15:00:00.000Z', '148.5')
      expect((await callOk(c, 'records:spend', {})).rows.map((row) => [row.day, row.amount])).toEqual([['2026-03-01', '1.5']])
    } finally {
      c.close()
    }
  })
})
