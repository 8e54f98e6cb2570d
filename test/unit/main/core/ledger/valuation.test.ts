import Big from 'big.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RateBook } from '../../../../../src/main/core/ledger/fx'
import { Valuer, type ValuedAccount } from '../../../../../src/main/core/ledger/valuation'
import { microsToDecimal, toMicros } from '../../../../../src/shared/money'

const rate = (unit: string, value: string, from: string) => ({ unit, rate: new Big(value), from })

const accounts: ValuedAccount[] = [
  { id: 'acc_gptbots', label: 'GPTBots', provider: 'manual', options: { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' } },
  { id: 'acc_stability', label: 'Stability', provider: 'stability', options: {} },
  { id: 'acc_other', label: 'Other credits', provider: 'manual', options: { unit: 'credits' } },
  { id: 'acc_eleven', label: 'ElevenLabs', provider: 'elevenlabs', options: {} },
  { id: 'acc_ds', label: 'DeepSeek', provider: 'deepseek', options: {} },
  { id: 'acc_euro', label: 'Euro credits', provider: 'manual', options: { unit: 'points', creditValue: '2' } }
]

const book = new RateBook('USD', [rate('CNY', '0.14', '1970-01-01'), rate('CNY', '0.15', '2026-03-10'), rate('EUR', '1.1', '2026-01-01')])
const valuer = new Valuer(book, accounts)

describe('RateBook', () => {
  it('uses the rate in force on the day, the first rate before it, and the newest for balances', () => {
    expect(book.rateOn('CNY', '2026-03-09')?.rate.toString()).toBe('0.14')
    expect(book.rateOn('CNY', '2026-03-10')?.rate.toString()).toBe('0.15')
    expect(book.rateOn('CNY', null)?.rate.toString()).toBe('0.15')
    expect(book.rateOn('EUR', '2025-06-01')).toMatchObject({ from: '2026-01-01' })
    expect(book.rateOn('USD', '2020-01-01')?.rate.toString()).toBe('1')
    expect(book.rateOn('GBP', null)).toBeNull()
  })
})

describe('Valuer', () => {
  it('converts each account’s credits at that account’s value, never one pooled “credits” rate', () => {
    // 6,932 GPTBots credits at $0.01 = $69.32 (the bug counted $6.93 at a global 0.001).
    expect(valuer.convert(toMicros('6932'), 'credits', 'acc_gptbots', null)).toMatchObject({ ok: true, micros: toMicros('69.32') })
    // Stability publishes 1 credit = $0.01.
    expect(valuer.convert(toMicros('250.5'), 'credits', 'acc_stability', null)).toMatchObject({ ok: true, micros: toMicros('2.505') })
    // The same unit name on an account that says nothing of its value is not convertible.
    expect(valuer.convert(toMicros('10'), 'credits', 'acc_other', null)).toMatchObject({ ok: false, reason: 'no_credit_value' })
  })

  it('says which value and which rates it used', () => {
    const result = valuer.convert(toMicros('100'), 'credits', 'acc_gptbots', '2026-03-01', 'CNY')
    // 100 credits × 0.01 USD = 1 USD; 1 USD ÷ 0.14 USD/CNY = 7.142857… CNY, rounded half-even once.
    expect(result).toEqual({
      ok: true,
      micros: 7_142_857,
      uses: [
        { unit: 'credits', rate: '0.01', in: 'USD', basis: 'account_credit_value', from: null, accountId: 'acc_gptbots' },
        { unit: 'CNY', rate: '0.14', in: 'USD', basis: 'exchange_rate', from: '1970-01-01', accountId: null }
      ]
    })
  })

  it('a day’s spend converts at that day’s rate', () => {
    expect(valuer.convert(toMicros('100'), 'CNY', 'acc_ds', '2026-03-09')).toMatchObject({ ok: true, micros: toMicros('14') })
    expect(valuer.convert(toMicros('100'), 'CNY', 'acc_ds', '2026-03-10')).toMatchObject({ ok: true, micros: toMicros('15') })
  })

  it('characters are not money, and a currency without a rate says how to fix it', () => {
    expect(valuer.convert(toMicros('1000'), 'characters', 'acc_eleven', null)).toEqual({ ok: false, reason: 'not_money', fix: null })
    const gbp = valuer.convert(toMicros('5'), 'GBP', 'acc_ds', null)
    expect(gbp).toMatchObject({ ok: false, reason: 'no_rate' })
    expect(gbp.ok ? '' : gbp.fix).toContain('coffer rates set GBP')
  })

  it('a credit value without a currency is in the home currency', () => {
    expect(valuer.convert(toMicros('3'), 'points', 'acc_euro', null)).toMatchObject({ ok: true, micros: toMicros('6') })
  })

  it('a total names what it left out and is exact only without conversions', () => {
    const total = valuer.total()
    total.add(toMicros('10'), 'USD', 'acc_ds', null)
    expect(total.view()).toMatchObject({ amount: '10', approximate: false, excluded: [], rates: [] })
    total.add(toMicros('100'), 'CNY', 'acc_ds', '2026-03-01')
    total.add(toMicros('1000'), 'characters', 'acc_eleven', null)
    total.add(toMicros('7'), 'credits', 'acc_other', null)
    const view = total.view()
    expect(view.amount).toBe('24')
    expect(view.approximate).toBe(true)
    expect(view.missingRates).toEqual(['credits'])
    expect(view.excluded.map((entry) => [entry.account, entry.unit, entry.amount, entry.reason])).toEqual([
      ['ElevenLabs', 'characters', '1000', 'not_money'],
      ['Other credits', 'credits', '7', 'no_credit_value']
    ])
    expect(view.excluded[1]?.fix).toBe('Set what one credits is worth on Other credits (Edit account → Value of one unit).')
  })
})

/** Amounts as the ledger holds them: micro-units of a random unit on a random account and day. */
const part = fc.record({
  micros: fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }),
  unit: fc.constantFrom('USD', 'CNY', 'EUR', 'GBP', 'credits', 'characters', 'points'),
  accountId: fc.constantFrom(...accounts.map((account) => account.id)),
  day: fc.option(fc.constantFrom('2026-01-15', '2026-03-09', '2026-03-10', '2026-04-01'), { nil: null })
})

describe('ValuedTotal (property)', () => {
  it('a total equals the sum of its converted parts plus nothing: what it could not convert is listed, to the micro-unit', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.constantFrom('USD', 'CNY', 'EUR'), (parts, target) => {
        const total = valuer.total(target)
        let converted = 0
        const left = new Map<string, number>()
        for (const { micros, unit, accountId, day } of parts) {
          const result = valuer.convert(micros, unit, accountId, day, target)
          const added = total.add(micros, unit, accountId, day)
          if (micros === 0) continue
          if (result.ok) {
            expect(added).toBe(result.micros)
            converted += result.micros
          } else {
            expect(added).toBeNull()
            left.set(`${accountId}|${unit}`, (left.get(`${accountId}|${unit}`) ?? 0) + micros)
          }
        }
        const view = total.view()
        expect(view.amount).toBe(microsToDecimal(converted))
        expect(new Map(view.excluded.map((entry) => [`${entry.accountId}|${entry.unit}`, toMicros(entry.amount)]))).toEqual(left)
        // Exact when nothing of another unit was added.
        expect(view.approximate).toBe(parts.some((p) => p.micros !== 0 && p.unit !== target && !left.has(`${p.accountId}|${p.unit}`)))
      })
    )
  })

  it('converting into the home currency and back loses at most one micro-unit per step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000_000 }), (micros) => {
        const there = valuer.convert(micros, 'CNY', 'acc_ds', '2026-03-10', 'USD')
        if (!there.ok) throw new Error('CNY has a rate')
        const back = valuer.convert(there.micros, 'USD', 'acc_ds', '2026-03-10', 'CNY')
        if (!back.ok) throw new Error('CNY has a rate')
        expect(Math.abs(back.micros - micros)).toBeLessThanOrEqual(Math.ceil(1 / 0.15) + 1)
      })
    )
  })
})
