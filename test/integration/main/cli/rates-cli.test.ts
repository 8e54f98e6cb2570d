import { describe, expect, it } from 'vitest'
import { ingestSpend, insertAccount, insertGptbotsAccount } from '../../../helpers/ledger-script'
import { runCliInProcess as coffer } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../helpers/test-core'

interface StatusJson {
  totals: {
    balances: { unit: string; amount: string; accountId?: string }[]
    home: { unit: string; balance: string; monthToDate: string; approximate: boolean; missingRates: string[]; excluded: { balance: unknown[]; monthToDate: unknown[] } }
    firstToRunOut: unknown
  }
}

describe('coffer rates, and the totals of status and budget list (in-process)', () => {
  const dir = useTempDir()

  /** A USD account that spent $3 today and a CNY one that spent CN¥50 today (both official lines). */
  const seed = async (home: string): Promise<void> => {
    const today = new Date().toISOString().slice(0, 10)
    const core = createTestCore(home)
    insertAccount(core, 'acc_openaicli1', 'OpenAI', 'openai')
    insertAccount(core, 'acc_moonshotcn', 'Kimi', 'moonshot-cn')
    insertGptbotsAccount(core, 'acc_gptbots001')
    ingestSpend(core, 'acc_openaicli1', new Date().toISOString(), [[today, 'gpt-5, input', '3']])
    ingestSpend(core, 'acc_moonshotcn', new Date().toISOString(), [[today, 'kimi-k2', '50']], 'CNY')
    await callOk(core, 'credits:record', { accountId: 'acc_gptbots001', kind: 'balance', amount: '6932' })
    await callOk(core, 'budgets:set', { accountId: null, period: 'month', limit: '20' })
    core.close()
  }

  it('without a rate the totals name the CNY spend; after `rates set` they include it, approximately', async () => {
    const home = dir()
    await seed(home)
    const before = JSON.parse((await coffer(home, 'status', '--json')).out) as StatusJson
    // 6,932 GPTBots credits at $0.01 count as $69.32: the account says what a credit is worth.
    expect(before.totals.home).toMatchObject({ unit: 'USD', balance: '69.32', monthToDate: '3', approximate: true, missingRates: ['CNY'] })
    expect(before.totals.home.excluded.monthToDate).toEqual([
      expect.objectContaining({ accountId: 'acc_moonshotcn', unit: 'CNY', amount: '50', reason: 'no_rate', fix: expect.stringContaining('coffer rates set CNY') })
    ])
    expect(before.totals.balances).toEqual([{ unit: 'credits', amount: '6932', accountId: 'acc_gptbots001' }])
    const budgetBefore = JSON.parse((await coffer(home, 'budget', 'list', '--json')).out) as { budgets: { spent: string; excluded: { accountId: string; unit: string; amount: string }[] }[] }
    expect(budgetBefore.budgets[0]).toMatchObject({ spent: '3', excluded: [{ accountId: 'acc_moonshotcn', unit: 'CNY', amount: '50' }] })
    const human = await coffer(home, 'status')
    expect(human.out).toContain('Month total — Not counted: CN¥50.00 on Kimi (no exchange rate).')

    const set = await coffer(home, 'rates', 'set', 'cny', '0.14')
    expect(set).toMatchObject({ code: 0, err: '' })
    // Today, as the user's locale writes a day (the in-process runner has no LANG: en-US).
    const today = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date())
    expect(set.out).toBe(`1 CNY = 0.14 USD from ${today}.\n`)
    const after = JSON.parse((await coffer(home, 'status', '--json')).out) as StatusJson
    // $3 + CN¥50 × 0.14 = $10.
    expect(after.totals.home).toMatchObject({ monthToDate: '10', approximate: true, missingRates: [] })
    const budgetAfter = JSON.parse((await coffer(home, 'budget', 'list', '--json')).out) as { budgets: { spent: string; percent: number; excluded: unknown[] }[] }
    expect(budgetAfter.budgets[0]).toMatchObject({ spent: '10', percent: 50, excluded: [] })
  })

  it('keeps a history: a rate from a date, the list shows both, and JSON carries the dates', async () => {
    const home = dir()
    await seed(home)
    expect((await coffer(home, 'rates', 'set', 'CNY', '0.14', '--from', '2026-01-01')).code).toBe(0)
    expect((await coffer(home, 'rates', 'set', 'CNY', '0.15', '--from', '2026-02-01')).code).toBe(0)
    const list = await coffer(home, 'rates', 'list')
    // Days as the locale writes them (en-US here), the year only when it is not this year's.
    const year = new Date().getUTCFullYear() === 2026 ? '' : ', 2026'
    expect(list.out).toBe(`home currency: USD\n1 CNY = 0.15 USD since Feb 1${year} (before: 0.14 from Jan 1${year})\n`)
    const json = JSON.parse((await coffer(home, 'rates', 'list', '--json')).out) as { rates: unknown[]; history: { from: string; rate: string }[] }
    expect(json.rates).toEqual([{ unit: 'CNY', rate: '0.15', from: '2026-02-01' }])
    expect(json.history.map((entry) => [entry.from, entry.rate])).toEqual([
      ['2026-01-01', '0.14'],
      ['2026-02-01', '0.15']
    ])
    const home2 = await coffer(home, 'rates', 'home', 'EUR')
    expect(home2.out).toContain('Home currency: EUR.')
    expect(home2.out).toContain('No rates for EUR yet')
  })

  it('refuses a credit unit, a bad rate and a bad date with exit code 2 and says what to do', async () => {
    const home = dir()
    await seed(home)
    const credits = await coffer(home, 'rates', 'set', 'credits', '0.01')
    expect(credits.code).toBe(2)
    expect(credits.err).toContain('Credits are valued on their account')
    expect((await coffer(home, 'rates', 'set', 'CNY', '-1')).code).toBe(2)
    expect((await coffer(home, 'rates', 'set', 'CNY', '0')).code).toBe(2)
    expect((await coffer(home, 'rates', 'set', 'CNY', '0.1', '--from', 'yesterday')).err).toContain('--from expects a date')
    expect((await coffer(home, 'rates', 'set', 'USD', '1')).err).toContain('USD is the home currency')
    expect((await coffer(home, 'rates', 'home', 'EURO')).code).toBe(2)
  })
})
