import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { DERIVED_SPEND_ITEM } from '../../../../../src/main/core/ledger/balance-derivation'
import { useTempDir } from '../../../../helpers/temp-dir'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { ingestAt, ingestBalance, ingestSpend, insertAccount } from '../../../../helpers/ledger-script'
import { toMicros } from '../../../../../src/shared/money'

const DS = 'acc_deepseek01'
const OA = 'acc_openai0001'

describe('ledger derivations', () => {
  const dir = useTempDir()
  let core: Core | null = null
  let clock = new Date('2026-03-03T20:00:00.000Z')
  const open = (): Core => {
    core = createTestCore(dir(), { now: () => clock })
    return core
  }
  afterEach(() => {
    core?.close()
    core = null
  })

  const spendOf = async (c: Core, accountId: string) => {
    const page = await callOk(c, 'records:spend', { accountIds: [accountId], sort: 'date', dir: 'asc' })
    return page.rows.map((row) => [row.day, row.item, row.amount, row.source])
  }

  it('derives daily spend from balance drops and detects a top-up, exactly', async () => {
    const c = open()
    insertAccount(c, DS, 'DeepSeek')
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '100.00')
    ingestBalance(c, DS, '2026-03-01T15:00:00.000Z', '97.50')
    ingestBalance(c, DS, '2026-03-02T09:00:00.000Z', '95.00')
    ingestBalance(c, DS, '2026-03-02T12:00:00.000Z', '145.00')
    ingestBalance(c, DS, '2026-03-02T18:00:00.000Z', '140.10')

    expect(await spendOf(c, DS)).toEqual([
      ['2026-03-01', DERIVED_SPEND_ITEM, '2.5', 'derived'],
      ['2026-03-02', DERIVED_SPEND_ITEM, '7.4', 'derived']
    ])
    const credits = await callOk(c, 'records:credits', { accountIds: [DS] })
    expect(credits.rows.map((row) => [row.kind, row.amount, row.occurredAt, row.source, row.confirmed])).toEqual([
      ['topup', '50', '2026-03-02T12:00:00.000Z', 'derived', false]
    ])
    expect(credits.summary.unconfirmed).toBe(1)
    const [view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ amount: '140.1', source: 'official' })
    expect(view?.spend).toEqual({ unit: 'CNY', today: '0', monthToDate: '9.9' })
  })

  it('never double counts: the same polls ingested twice, and a reading repeated, leave the same figures', async () => {
    const c = open()
    insertAccount(c, DS, 'DeepSeek')
    const script: [string, string][] = [
      ['2026-03-01T09:00:00.000Z', '100'],
      ['2026-03-01T21:00:00.000Z', '90'],
      ['2026-03-02T09:00:00.000Z', '120'],
      ['2026-03-02T10:00:00.000Z', '118.25']
    ]
    for (const [at, amount] of script) {
      ingestBalance(c, DS, at, amount)
      ingestBalance(c, DS, at, amount)
    }
    ingestBalance(c, DS, '2026-03-02T10:15:00.000Z', '118.25')
    expect(await spendOf(c, DS)).toEqual([
      ['2026-03-01', DERIVED_SPEND_ITEM, '10', 'derived'],
      ['2026-03-02', DERIVED_SPEND_ITEM, '1.75', 'derived']
    ])
    const credits = await callOk(c, 'records:credits', { accountIds: [DS] })
    expect(credits.rows.map((row) => row.amount)).toEqual(['30'])
    const rollups = c.context.db.prepare('SELECT day, spend_micros AS m FROM daily_rollups WHERE account_id = ? ORDER BY day').all(DS)
    expect(rollups).toEqual([
      { day: '2026-03-01', m: 10_000_000 },
      { day: '2026-03-02', m: 1_750_000 }
    ])
  })

  it('a recorded top-up explains a balance increase, and a corrected detection re-derives the spend', async () => {
    const c = open()
    insertAccount(c, DS, 'DeepSeek')
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '10')
    ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '50')
    const detected = (await callOk(c, 'records:credits', { accountIds: [DS] })).rows[0]
    expect(detected).toMatchObject({ amount: '40', source: 'derived', confirmed: false })
    // The user says it was a 45 top-up: 5 was spent between the readings.
    const corrected = await callOk(c, 'credits:update', { id: detected?.id as number, amount: '45' })
    expect(corrected).toMatchObject({ amount: '45', source: 'manual', confirmed: true })
    expect(await spendOf(c, DS)).toEqual([['2026-03-01', DERIVED_SPEND_ITEM, '5', 'derived']])
    expect((await callWire(c, 'credits:remove', { id: detected?.id as number })).ok).toBe(false)

    // A manual top-up recorded before the next increase means no detection there.
    await callOk(c, 'credits:record', { accountId: DS, kind: 'topup', amount: '20', at: '2026-03-02T08:00:00Z' })
    ingestBalance(c, DS, '2026-03-02T09:00:00.000Z', '68')
    const after = await callOk(c, 'records:credits', { accountIds: [DS], sort: 'date', dir: 'asc' })
    expect(after.rows.map((row) => [row.kind, row.amount, row.source])).toEqual([
      ['topup', '45', 'manual'],
      ['topup', '20', 'manual']
    ])
    expect(await spendOf(c, DS)).toEqual([
      ['2026-03-01', DERIVED_SPEND_ITEM, '5', 'derived'],
      ['2026-03-02', DERIVED_SPEND_ITEM, '2', 'derived']
    ])
    const confirm = await callOk(c, 'credits:confirm', { id: detected?.id as number })
    expect(confirm.confirmed).toBe(true)
  })

  it('spend-only: balance = anchor + credits since − spend since; a console figure becomes the new anchor', async () => {
    clock = new Date('2026-03-01T00:00:00.000Z')
    const c = open()
    insertAccount(c, OA, 'OpenAI', 'openrouter')
    await callOk(c, 'credits:record', {
      accountId: OA,
      kind: 'topup',
      amount: '50',
      unit: 'USD',
      at: '2026-03-01T00:00:00Z',
      expiresAt: '2027-03-01'
    })
    ingestSpend(c, OA, '2026-03-02T23:00:00.000Z', [
      ['2026-03-01', 'gpt-5', '3.00'],
      ['2026-03-02', 'gpt-5', '2.50'],
      ['2026-03-02', 'embeddings', '1.50']
    ])
    let [view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ unit: 'USD', amount: '43', source: 'derived', kind: 'total' })

    ingestSpend(c, OA, '2026-03-03T09:00:00.000Z', [['2026-03-03', 'gpt-5', '1.00']])
    clock = new Date('2026-03-03T10:00:00.000Z')
    await callOk(c, 'balance:correct', { id: OA, amount: '40' })
    ;[view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ amount: '40', source: 'manual' })

    // The provider revises today's line: only the part after the anchor counts.
    clock = new Date('2026-03-03T12:00:00.000Z')
    ingestSpend(c, OA, '2026-03-03T12:00:00.000Z', [['2026-03-03', 'gpt-5', '2.50']])
    ;[view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ amount: '38.5', source: 'derived' })
    // Re-ingesting the same revision changes nothing.
    ingestSpend(c, OA, '2026-03-03T12:00:00.000Z', [['2026-03-03', 'gpt-5', '2.50']])
    ;[view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ amount: '38.5', source: 'derived' })
    expect(view?.spend).toEqual({ unit: 'USD', today: '2.5', monthToDate: '9.5' })
    expect(view?.expiring).toEqual({ amount: '38.5', unit: 'USD', expiresAt: '2027-03-01T00:00:00.000Z' })
  })

  it('credit lots are consumed first in, first out, and expire', async () => {
    clock = new Date('2026-03-02T12:00:00.000Z')
    const c = open()
    insertAccount(c, OA, 'GPTBots', 'openrouter')
    await callOk(c, 'credits:record', { accountId: OA, kind: 'grant', amount: '10', unit: 'credits', at: '2026-03-01', expiresAt: '2026-03-20' })
    await callOk(c, 'credits:record', { accountId: OA, kind: 'purchase', amount: '20', unit: 'credits', at: '2026-03-02', expiresAt: '2029-03-02' })
    ingestSpend(c, OA, '2026-03-05T12:00:00.000Z', [['2026-03-04', 'usage', '4']], 'credits')
    let [view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ amount: '26', unit: 'credits' })
    expect(view?.expiring).toEqual({ amount: '6', unit: 'credits', expiresAt: '2026-03-20T00:00:00.000Z' })

    clock = new Date('2026-03-21T00:00:00.000Z')
    ingestSpend(c, OA, '2026-03-21T00:00:00.000Z', [['2026-03-04', 'usage', '4']], 'credits')
    ;[view] = await callOk(c, 'accounts:list', {})
    expect(view?.balances[0]).toMatchObject({ amount: '20', unit: 'credits', source: 'derived' })
    expect(view?.expiring).toEqual({ amount: '20', unit: 'credits', expiresAt: '2029-03-02T00:00:00.000Z' })
  })

  it('burn rate, runway and projection need 3 days of history and say why', async () => {
    clock = new Date('2026-03-02T12:00:00.000Z')
    const c = open()
    insertAccount(c, DS, 'DeepSeek')
    ingestBalance(c, DS, '2026-03-01T00:00:00.000Z', '100')
    ingestBalance(c, DS, '2026-03-02T00:00:00.000Z', '98')
    let [view] = await callOk(c, 'accounts:list', {})
    expect(view?.runwayDays).toBeNull()
    expect(view?.pace?.reason).toMatch(/needs 3 full days of history to estimate a pace; it has 1 day so far/)

    clock = new Date('2026-03-10T12:00:00.000Z')
    for (let day = 3; day <= 10; day += 1) ingestBalance(c, DS, `2026-03-${String(day).padStart(2, '0')}T00:00:00.000Z`, String(98 - 2 * (day - 2)))
    ;[view] = await callOk(c, 'accounts:list', {})
    // 2 a day over the last 7 complete days; balance 82 → 41 days, day 41 after 10 March.
    expect(view?.pace).toMatchObject({ burnPerDay: '2', windowDays: 7, runwayDays: 41, runwayDate: '2026-04-20', reason: null })
    // Month to date 18 (2 × 9 days) + 2 × 21 remaining days.
    expect(view?.spend?.monthToDate).toBe('18')
    expect(view?.pace?.projection).toBe('60')
    expect(view?.runwayDays).toBe(41)
  })
})

describe('derived and reported spend together', () => {
  const dir = useTempDir()
  it('a day the provider reports itself replaces what Coffer derived from balance drops', async () => {
    const c = createTestCore(dir(), { now: () => new Date('2026-03-03T12:00:00.000Z') })
    try {
      insertAccount(c, DS, 'OpenRouter', 'openrouter')
      ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '50', 'USD')
      ingestBalance(c, DS, '2026-03-01T18:00:00.000Z', '48', 'USD')
      expect((await callOk(c, 'records:spend', {})).rows.map((row) => [row.item, row.amount])).toEqual([[DERIVED_SPEND_ITEM, '2']])
      // A management key now reports the day's activity: 2.10 by model.
      ingestSpend(c, DS, '2026-03-02T09:00:00.000Z', [['2026-03-01', 'openai/gpt-5', '2.10']])
      const page = await callOk(c, 'records:spend', {})
      expect(page.rows.map((row) => [row.item, row.amount, row.source])).toEqual([['openai/gpt-5', '2.1', 'official']])
      expect(page.summary.totals).toEqual([{ unit: 'USD', amount: '2.1' }])
      // Later balance drops are no longer turned into spend: the provider reports it.
      ingestBalance(c, DS, '2026-03-02T18:00:00.000Z', '45', 'USD')
      expect((await callOk(c, 'records:spend', { from: '2026-03-02' })).total).toBe(0)
    } finally {
      c.close()
    }
  })
})

describe('a key that may only read its own usage (OpenRouter without credits access)', () => {
  const dir = useTempDir()
  it('derives daily spend from the rises of its cumulative usage, and a runway from its remaining limit', async () => {
    const c = createTestCore(dir(), { now: () => new Date('2026-03-06T12:00:00.000Z') })
    try {
      insertAccount(c, DS, 'OpenRouter key', 'openrouter')
      const reading = (at: string, usage: string, remaining: string): void =>
        ingestAt(c, DS, at, (facts) => {
          facts.balances.push({ unit: 'USD', kind: 'key_limit_remaining', amountMicros: toMicros(remaining), source: 'official' })
          facts.balances.push({ unit: 'USD', kind: 'key_usage', amountMicros: toMicros(usage), source: 'official' })
        })
      reading('2026-03-01T00:00:00.000Z', '10', '90')
      reading('2026-03-01T12:00:00.000Z', '11.5', '88.5')
      reading('2026-03-01T12:00:00.000Z', '11.5', '88.5')
      for (let day = 2; day <= 6; day += 1) reading(`2026-03-0${day}T00:00:00.000Z`, String(11.5 + 2 * (day - 1)), String(88.5 - 2 * (day - 1)))
      const page = await callOk(c, 'records:spend', { sort: 'date', dir: 'asc' })
      expect(page.rows.map((row) => [row.day, row.item, row.amount])).toEqual([
        ['2026-03-01', 'derived: key usage increase', '1.5'],
        ['2026-03-02', 'derived: key usage increase', '2'],
        ['2026-03-03', 'derived: key usage increase', '2'],
        ['2026-03-04', 'derived: key usage increase', '2'],
        ['2026-03-05', 'derived: key usage increase', '2'],
        ['2026-03-06', 'derived: key usage increase', '2']
      ])
      expect((await callOk(c, 'records:credits', {})).total).toBe(0)
      const [view] = await callOk(c, 'accounts:list', {})
      // (1.5 + 2 × 4) / 5 complete days = 1.9 a day; 78.5 left of the limit → 41.3 days.
      expect(view?.pace).toMatchObject({ burnPerDay: '1.9', windowDays: 5, runwayDays: 41.3 })
    } finally {
      c.close()
    }
  })
})

describe('a top-up entered after Coffer detected it', () => {
  const dir = useTempDir()
  it('takes the detection’s place instead of counting twice; a different amount becomes spend', async () => {
    let clock = new Date('2026-03-01T13:00:00.000Z')
    const c = createTestCore(dir(), { now: () => clock })
    try {
      insertAccount(c, DS, 'DeepSeek')
      ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '10')
      ingestBalance(c, DS, '2026-03-01T12:00:00.000Z', '58')
      expect((await callOk(c, 'records:credits', {})).rows.map((row) => [row.amount, row.source])).toEqual([['48', 'derived']])
      clock = new Date('2026-03-01T20:00:00.000Z')
      const entry = await callOk(c, 'credits:record', { accountId: DS, kind: 'topup', amount: '50' })
      expect(entry.occurredAt).toBe('2026-03-01T11:59:59.999Z')
      const credits = await callOk(c, 'records:credits', {})
      expect(credits.rows.map((row) => [row.amount, row.source])).toEqual([['50', 'manual']])
      expect((await callOk(c, 'records:spend', {})).rows.map((row) => row.amount)).toEqual(['2'])
    } finally {
      c.close()
    }
  })
})
