import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { runwayText } from '../../../../../src/shared/runway'
import { ingestBalance, ingestSpend, insertAccount, insertGptbotsAccount } from '../../../../helpers/ledger-script'
import { useTempDir } from '../../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../../helpers/test-core'

const OA = 'acc_openai0001'
const DS = 'acc_deepseek01'
const GB = 'acc_gptbots001'
const ST = 'acc_stability1'
const EL = 'acc_eleven0001'
const MU = 'acc_manualusd1'

/**
 * One ledger in every kind of unit our users hold, with figures computed by hand:
 * - OpenAI (USD spend): $10 on 5 March, $20 on 15 March.
 * - DeepSeek (CNY balance): 200 → 150 on 12 March (CN¥50 spent) → 130 on 18 March (CN¥20 spent).
 * - GPTBots (manual, credits worth $0.01 each): 6,932 credits.
 * - Stability (credits, published at $0.01): 250 credits.
 * - ElevenLabs: 10,000 characters (not money).
 * - A manual USD account: a $20 balance entry, then a CN¥1 top-up recorded on it.
 * Rates (home USD): 1 CNY = 0.14 USD for all days, 0.15 from 15 March.
 */
describe('totals across currencies and credit units', () => {
  const dir = useTempDir()
  let core: Core | null = null
  const clock = new Date('2026-03-20T12:00:00.000Z')
  afterEach(() => {
    core?.close()
    core = null
  })

  const seed = async (): Promise<Core> => {
    const c = createTestCore(dir(), { now: () => clock })
    core = c
    insertAccount(c, OA, 'OpenAI', 'openai')
    insertAccount(c, DS, 'DeepSeek', 'deepseek')
    insertGptbotsAccount(c, GB)
    insertAccount(c, ST, 'Stability', 'stability')
    insertAccount(c, EL, 'ElevenLabs', 'elevenlabs')
    insertAccount(c, MU, 'Manual USD', 'manual', '2026-01-01T00:00:00.000Z', { unit: 'USD' })

    ingestSpend(c, OA, '2026-03-16T00:00:00.000Z', [
      ['2026-03-05', 'gpt-5, input', '10'],
      ['2026-03-15', 'gpt-5, input', '20']
    ])
    ingestBalance(c, DS, '2026-03-01T09:00:00.000Z', '200')
    ingestBalance(c, DS, '2026-03-12T09:00:00.000Z', '150')
    ingestBalance(c, DS, '2026-03-18T09:00:00.000Z', '130')
    await callOk(c, 'credits:record', { accountId: GB, kind: 'balance', amount: '6932', at: '2026-03-19T08:00:00.000Z' })
    ingestBalance(c, ST, '2026-03-19T09:00:00.000Z', '250', 'credits')
    ingestBalance(c, EL, '2026-03-19T09:00:00.000Z', '10000', 'characters')
    await callOk(c, 'credits:record', { accountId: MU, kind: 'balance', amount: '20', at: '2026-03-19T10:00:00.000Z' })
    await callOk(c, 'credits:record', { accountId: MU, kind: 'topup', amount: '1', unit: 'CNY', at: '2026-03-19T11:00:00.000Z' })
    await callOk(c, 'fx:set', { home: 'USD', rates: [{ unit: 'CNY', rate: '0.14', from: '2026-01-01' }] })
    await callOk(c, 'fx:set', { home: 'USD', rates: [{ unit: 'CNY', rate: '0.15', from: '2026-03-15' }] })
    return c
  }

  it('the total balance converts every account in its own unit and names what it could not', async () => {
    const overview = await callOk(await seed(), 'ledger:overview', { days: 30 })
    // DeepSeek 130 × 0.15 = 19.5; GPTBots 6,932 × 0.01 = 69.32; Stability 250 × 0.01 = 2.5;
    // manual $20 + CN¥1 × 0.15 = 20.15; ElevenLabs' characters are not money.
    expect(overview.totalBalance.amount).toBe('111.47')
    expect(overview.totalBalance.approximate).toBe(true)
    expect(overview.totalBalance.excluded).toEqual([
      { accountId: EL, account: 'ElevenLabs', unit: 'characters', amount: '10000', reason: 'not_money', fix: null }
    ])
    expect(overview.totalBalance.missingRates).toEqual([])
    expect(overview.totalBalance.rates).toEqual([
      { unit: 'CNY', rate: '0.15', in: 'USD', basis: 'exchange_rate', from: '2026-03-15', accountId: null },
      { unit: 'credits', rate: '0.01', in: 'USD', basis: 'account_credit_value', from: null, accountId: GB },
      { unit: 'credits', rate: '0.01', in: 'USD', basis: 'provider_credit_value', from: null, accountId: ST }
    ])
    // Exact per-unit totals keep the two platforms' credits apart.
    expect(overview.balancesByUnit.filter((entry) => entry.unit === 'credits')).toEqual([
      { unit: 'credits', amount: '6932', accountId: GB, account: 'GPTBots' },
      { unit: 'credits', amount: '250', accountId: ST, account: 'Stability' }
    ])
  })

  it('month-to-date converts each day at the rate in force that day', async () => {
    const overview = await callOk(await seed(), 'ledger:overview', { days: 30 })
    // OpenAI $10 + $20; DeepSeek CN¥50 on 12 March × 0.14 = 7 and CN¥20 on 18 March × 0.15 = 3.
    expect(overview.monthToDate).toMatchObject({ amount: '40', unit: 'USD', approximate: true, excluded: [] })
    expect(overview.monthToDate.rates.map((use) => [use.unit, use.rate, use.from])).toEqual([
      ['CNY', '0.14', '2026-01-01'],
      ['CNY', '0.15', '2026-03-15']
    ])
  })

  it('a global spend limit counts every currency in its own unit, and lists what it cannot convert', async () => {
    const c = await seed()
    const usd = await callOk(c, 'budgets:set', { accountId: null, period: 'month', limit: '50' })
    expect(usd).toMatchObject({ spent: '40', percent: 80, crossed: 80, approximate: true, excluded: [] })
    // The same spend in CNY: 10 / 0.14 = 71.428571 and 20 / 0.15 = 133.333333 (each rounded once) + CN¥70.
    const cny = await callOk(c, 'budgets:set', { accountId: null, period: 'month', limit: '1000', unit: 'CNY' })
    expect(cny.spent).toBe('274.761904')
    // Without a CNY rate the DeepSeek spend is named, never dropped silently.
    await callOk(c, 'fx:set', { home: 'USD', remove: ['CNY'] })
    const { budgets } = await callOk(c, 'budgets:list', {})
    expect(budgets.find((budget) => budget.id === usd.id)).toMatchObject({
      spent: '30',
      approximate: false,
      excluded: [{ accountId: DS, account: 'DeepSeek', unit: 'CNY', amount: '70', reason: 'no_rate' }]
    })
    const alerts = await callOk(c, 'alerts:list', {})
    expect(alerts.alerts.find((alert) => alert.kind === 'budget')?.message ?? '').toContain('Not counted: CN¥70.00 on DeepSeek (no exchange rate).')
  })

  it('the primary balance stays in the account’s own unit after a top-up in another unit', async () => {
    const c = await seed()
    const views = await callOk(c, 'accounts:list', {})
    const manual = views.find((view) => view.id === MU)
    expect(manual?.balances.map((balance) => [balance.unit, balance.amount])).toEqual([
      ['USD', '20'],
      ['CNY', '1']
    ])
    expect(views.find((view) => view.id === GB)?.balances[0]).toMatchObject({ unit: 'credits', amount: '6932' })
  })

  it('runway is one figure: the card, the overview and the alert say the same', async () => {
    const c = await seed()
    await callOk(c, 'rules:set', { accountId: DS, kind: 'runway', days: 60 })
    const card = (await callOk(c, 'accounts:list', {})).find((view) => view.id === DS)
    // CN¥20 over the 7 complete days before 20 March: 2.857143/day; 130 / 2.857143 = 45.5 days.
    expect(card?.runwayDays).toBe(45.5)
    const overview = await callOk(c, 'ledger:overview', { days: 30 })
    expect(overview.firstToRunOut).toEqual({ accountId: DS, label: 'DeepSeek', days: 45.5, date: '2026-05-04' })
    const alert = (await callOk(c, 'alerts:list', {})).alerts.find((candidate) => candidate.kind === 'runway')
    expect(alert?.message).toContain(`runs out in ${runwayText(45.5)} at the recent rate`)
    expect(runwayText(45.5)).toBe('about 45 days')
  })

  it('a home currency of its own: nothing converted means an exact total', async () => {
    const c = createTestCore(dir(), { now: () => clock })
    core = c
    insertAccount(c, OA, 'OpenAI', 'openai')
    ingestSpend(c, OA, '2026-03-16T00:00:00.000Z', [['2026-03-15', 'gpt-5, input', '20']])
    const overview = await callOk(c, 'ledger:overview', { days: 30 })
    expect(overview.monthToDate).toEqual({ amount: '20', unit: 'USD', approximate: false, missingRates: [], excluded: [], rates: [] })
  })
})
