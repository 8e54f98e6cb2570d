import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { microsToDecimal, toMicros } from '../../../../../src/shared/money'
import { useTempDir } from '../../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { ingestBalance, ingestSpend, insertAccount } from '../../../../helpers/ledger-script'
import { parseCsv } from '../../../../helpers/csv'

const A = 'acc_recordsaa1'
const B = 'acc_recordsbb1'

describe('records queries and exports', () => {
  const dir = useTempDir()
  let core: Core | null = null
  afterEach(() => {
    core?.close()
    core = null
  })
  const seeded = async (): Promise<Core> => {
    const c = createTestCore(dir(), { now: () => new Date('2026-03-10T12:00:00.000Z') })
    core = c
    insertAccount(c, A, 'Team "A", EU', 'openai')
    insertAccount(c, B, 'B', 'anthropic')
    ingestSpend(c, A, '2026-03-09T23:00:00.000Z', [
      ['2026-03-01', 'gpt-5, input', '1.25'],
      ['2026-03-01', 'gpt-5, output', '2.000001'],
      ['2026-03-05', 'gpt-5, input', '0.5'],
      ['2026-03-09', 'embeddings', '0.1']
    ])
    ingestSpend(c, B, '2026-03-09T23:00:00.000Z', [
      ['2026-03-02', 'Claude Sonnet 4.5 Usage - Input Tokens', '3'],
      ['2026-03-09', 'Web Search', '0.07']
    ])
    await callOk(c, 'credits:record', { accountId: A, kind: 'topup', amount: '50', unit: 'USD', at: '2026-03-01T00:00:00Z', expiresAt: '2027-03-01', note: 'invoice #12, "paid"' })
    await callOk(c, 'credits:record', { accountId: B, kind: 'grant', amount: '5', unit: 'USD', at: '2026-03-03T00:00:00Z' })
    await callOk(c, 'credits:record', { accountId: B, kind: 'expiration', amount: '2', unit: 'USD', at: '2026-03-08T00:00:00Z' })
    return c
  }

  it('filters by dates, account and type, sorts by amount, and totals every matching row', async () => {
    const c = await seeded()
    const all = await callOk(c, 'records:spend', {})
    expect(all.summary).toEqual({ count: 6, totals: [{ unit: 'USD', amount: '6.920001' }], home: null })
    const range = await callOk(c, 'records:spend', { from: '2026-03-02', to: '2026-03-05', sort: 'amount', dir: 'desc' })
    expect(range.rows.map((row) => [row.day, row.amount])).toEqual([
      ['2026-03-02', '3'],
      ['2026-03-05', '0.5']
    ])
    const filtered = await callOk(c, 'records:spend', { accountIds: [A], types: ['gpt-5, input'] })
    expect(filtered.summary.totals).toEqual([{ unit: 'USD', amount: '1.75' }])
    expect(filtered.types).toEqual(['embeddings', 'gpt-5, input', 'gpt-5, output'])
    const limited = await callOk(c, 'records:spend', { limit: 2 })
    expect(limited).toMatchObject({ total: 6, truncated: true })
    expect(limited.rows).toHaveLength(2)
    expect(limited.summary.totals).toEqual(all.summary.totals)

    const credits = await callOk(c, 'records:credits', { accountIds: [B] })
    expect(credits.rows.map((row) => [row.kind, row.amount])).toEqual([
      ['expiration', '-2'],
      ['grant', '5']
    ])
    expect(credits.summary.totals).toEqual([{ unit: 'USD', amount: '3' }])
    // Two units: the summary adds an approximate home-currency total once a rate is set.
    ingestSpend(c, B, '2026-03-09T23:30:00.000Z', [['2026-03-09', 'deepseek-chat', '10']], 'CNY')
    // Without a rate the CNY line is named as left out, with what fixes it; nothing converted yet.
    expect((await callOk(c, 'records:spend', {})).summary.home).toMatchObject({
      amount: '6.920001',
      unit: 'USD',
      approximate: false,
      missingRates: ['CNY'],
      excluded: [{ accountId: B, unit: 'CNY', amount: '10', reason: 'no_rate' }]
    })
    await callOk(c, 'fx:set', { home: 'USD', rates: [{ unit: 'CNY', rate: '0.14' }] })
    expect((await callOk(c, 'records:spend', {})).summary.home).toMatchObject({
      amount: '8.320001',
      unit: 'USD',
      approximate: true,
      missingRates: [],
      excluded: [],
      rates: [{ unit: 'CNY', rate: '0.14', in: 'USD', basis: 'exchange_rate' }]
    })
    const polls = await callOk(c, 'records:polls', { types: ['ok'] })
    expect(polls.summary).toMatchObject({ count: 3, ok: 3, failed: 0 })
  })

  it('CSV and JSON exports parse back to exactly the figures the page shows', async () => {
    const c = await seeded()
    for (const what of ['spend', 'credits', 'balances', 'usage', 'polls'] as const) {
      const filter = { from: '2026-03-01', to: '2026-03-09' }
      const csv = await callOk(c, 'records:export', { what, format: 'csv', filter })
      const json = await callOk(c, 'records:export', { what, format: 'json', filter })
      const csvRows = parseCsv(csv.text)
      const jsonRows = (JSON.parse(json.text) as { rows: Record<string, unknown>[] }).rows
      expect(csvRows).toHaveLength(csv.rows)
      expect(jsonRows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)])))).toEqual(csvRows)
    }
    const spend = parseCsv((await callOk(c, 'records:export', { what: 'spend', format: 'csv', filter: {} })).text)
    const page = await callOk(c, 'records:spend', {})
    expect(microsToDecimal(spend.reduce((sum, row) => sum + toMicros(row.amount), 0))).toBe(page.summary.totals[0]?.amount)
    expect(spend.find((row) => row.item === 'gpt-5, output')).toMatchObject({ account: 'Team "A", EU', amount: '2.000001' })
    const credits = parseCsv((await callOk(c, 'records:export', { what: 'credits', format: 'csv', filter: {} })).text)
    expect(credits.find((row) => row.kind === 'topup')).toMatchObject({ note: 'invoice #12, "paid"', amount: '50', expires_at: '2027-03-01T00:00:00.000Z' })
    const json = await callOk(c, 'records:export', { what: 'spend', format: 'json', filter: { accountIds: [B] } })
    expect(json.filename).toBe('coffer-spend-start-to-2026-03-10.json')
    expect(json.text).not.toMatch(/sk-|key/i)
  })

  it('property: any balance sequence, ingested once or with repeats, gives the same spend and top-ups, and they reconcile', async () => {
    const c = createTestCore(dir())
    core = c
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: 2, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (balances, repeats) => {
          run += 1
          const once = `acc_prop${String(run).padStart(5, '0')}a`
          const twice = `acc_prop${String(run).padStart(5, '0')}b`
          insertAccount(c, once, `once ${run}`)
          insertAccount(c, twice, `twice ${run}`)
          const at = (index: number): string => new Date(Date.UTC(2026, 0, 1) + index * 7 * 3_600_000).toISOString()
          balances.forEach((micros, index) => ingestBalance(c, once, at(index), microsToDecimal(micros)))
          balances.forEach((micros, index) => {
            ingestBalance(c, twice, at(index), microsToDecimal(micros))
            if (repeats.includes(index)) ingestBalance(c, twice, at(index), microsToDecimal(micros))
          })
          const figures = async (id: string) => {
            const spend = await callOk(c, 'records:spend', { accountIds: [id], sort: 'date', dir: 'asc' })
            const credits = await callOk(c, 'records:credits', { accountIds: [id], sort: 'date', dir: 'asc' })
            return { spend: spend.rows.map((row) => [row.day, row.amount]), topups: credits.rows.map((row) => row.amount) }
          }
          const a = await figures(once)
          expect(await figures(twice)).toEqual(a)
          const spent = a.spend.reduce((sum, [, amount]) => sum + toMicros(amount), 0)
          const added = a.topups.reduce((sum, amount) => sum + toMicros(amount), 0)
          expect((balances[0] as number) + added - spent).toBe(balances.at(-1))
        }
      ),
      { numRuns: 40 }
    )
  })
})
