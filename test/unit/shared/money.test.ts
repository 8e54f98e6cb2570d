import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatMoney,
  InvalidAmountError,
  isCurrency,
  microsToDecimal,
  moneyToMicros,
  toMicros,
  toMoney,
  tryToMicros
} from '../../../src/shared/money'

describe('toMicros', () => {
  it.each([
    [0, 0],
    [1, 1_000_000],
    [12.5, 12_500_000],
    [0.1, 100_000],
    [0.000001, 1],
    [100.5 - 25.75, 74_750_000],
    [1.5e-5, 15],
    [1.5e-5, 15]
  ])('parses the number %s', (input, micros) => {
    expect(toMicros(input)).toBe(micros)
  })

  it.each([
    ['110.00', 110_000_000],
    ['0', 0],
    ['12.', 12_000_000],
    ['.5', 500_000],
    ['+3', 3_000_000],
    ['  7.25  ', 7_250_000],
    ['1.5e-5', 15],
    ['1.5E-5', 15],
    ['2e3', 2_000_000_000],
    ['0.000001', 1],
    ['9007199254.740991', Number.MAX_SAFE_INTEGER]
  ])('parses the string %j', (input, micros) => {
    expect(toMicros(input)).toBe(micros)
  })

  it('keeps numbers that are not exact binary fractions exact (0.1 + 0.2 sums in micros)', () => {
    expect(toMicros(0.1) + toMicros(0.2)).toBe(toMicros(0.3))
  })

  it('shifts cents (-2) and 1/10000 units (-4) before converting', () => {
    expect(toMicros(1250, -2)).toBe(12_500_000)
    expect(toMicros('1999', -2)).toBe(19_990_000)
    expect(toMicros(12345, -4)).toBe(1_234_500)
    expect(toMicros('1', -4)).toBe(100)
    expect(toMicros(5, 3)).toBe(5_000_000_000)
  })

  it('rounds half to even at the 7th decimal', () => {
    expect(toMicros('0.0000005')).toBe(0)
    expect(toMicros('0.0000015')).toBe(2)
    expect(toMicros('0.0000025')).toBe(2)
    expect(toMicros('0.0000035')).toBe(4)
    expect(toMicros('0.00000051')).toBe(1)
    expect(toMicros('0.00000049')).toBe(0)
    expect(toMicros('1.2345675')).toBe(1_234_568)
    expect(toMicros('1.2345665')).toBe(1_234_566)
    // 1/10000 shift puts the half at the 7th decimal too: 0.05 of a 1/10000 unit = 5 micros.
    expect(toMicros('0.005', -4)).toBe(0)
    expect(toMicros('0.015', -4)).toBe(2)
  })

  it('handles negatives, including rounding and never returning -0', () => {
    expect(toMicros(-3.5)).toBe(-3_500_000)
    expect(toMicros('-0.000001')).toBe(-1)
    expect(toMicros('-0.0000015')).toBe(-2)
    expect(toMicros('-0.0000025')).toBe(-2)
    expect(Object.is(toMicros('-0.0000005'), 0)).toBe(true)
    expect(Object.is(toMicros(-0), 0)).toBe(true)
    expect(toMicros('-1250', -2)).toBe(-12_500_000)
  })

  it.each([
    [''],
    ['   '],
    ['12,50'],
    ['1,000.00'],
    ['12.50 USD'],
    ['$12'],
    ['abc'],
    ['0x10'],
    ['1e'],
    ['.'],
    ['-'],
    ['NaN'],
    ['Infinity'],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
    [null],
    [undefined],
    [true],
    [{}],
    [{ amount: '1' }],
    [[1]],
    [10n],
    [Symbol('x')]
  ])('rejects %s', (input) => {
    expect(() => toMicros(input)).toThrow(InvalidAmountError)
    expect(tryToMicros(input)).toBeNull()
  })

  it.each([
    ['9007199254.740992'],
    ['1e30'],
    [1e300],
    [-1e300],
    ['-1e30'],
    [9.1e9]
  ])('rejects %s, too large to hold exactly in micros', (input) => {
    expect(() => toMicros(input)).toThrow(InvalidAmountError)
  })

  it('rejects absurd exponents quickly instead of expanding them into giant strings', () => {
    const started = performance.now()
    expect(() => toMicros('1e999999999')).toThrow(InvalidAmountError)
    expect(() => toMicros('-9.9e999999999')).toThrow(InvalidAmountError)
    expect(toMicros('1e-999999999')).toBe(0)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('names the bad input in the error message, cut short', () => {
    expect(() => toMicros('12,50')).toThrow('Not a decimal amount: "12,50"')
    const long = 'x'.repeat(500)
    const error = (() => {
      try {
        toMicros(long)
      } catch (caught) {
        return caught as Error
      }
      return null
    })()
    expect(error?.message.length).toBeLessThan(80)
  })
})

describe('microsToDecimal', () => {
  it.each([
    [0, '0'],
    [1, '0.000001'],
    [-1, '-0.000001'],
    [1_234_500, '1.2345'],
    [12_500_000, '12.5'],
    [110_000_000, '110'],
    [-3_500_000, '-3.5'],
    [Number.MAX_SAFE_INTEGER, '9007199254.740991']
  ])('%d → %j', (micros, decimal) => {
    expect(microsToDecimal(micros)).toBe(decimal)
  })

  it('rejects non-integers and unsafe integers', () => {
    expect(() => microsToDecimal(1.5)).toThrow(InvalidAmountError)
    expect(() => microsToDecimal(Number.NaN)).toThrow(InvalidAmountError)
    expect(() => microsToDecimal(2 ** 53)).toThrow(InvalidAmountError)
  })

  it('round-trips every safe integer through toMicros (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (micros) => {
        expect(toMicros(microsToDecimal(micros))).toBe(micros === 0 ? 0 : micros)
      }),
      { numRuns: 2000 }
    )
  })

  it('round-trips small amounts, where rounding mistakes would show (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (micros) => {
        const decimal = microsToDecimal(micros)
        expect(decimal).toMatch(/^-?\d+(\.\d{1,6})?$/)
        expect(decimal).not.toMatch(/\.\d*0$/)
        expect(toMicros(decimal)).toBe(micros)
        expect(moneyToMicros(toMoney(micros, 'USD'))).toBe(micros)
      })
    )
  })
})

describe('toMoney / isCurrency', () => {
  it('builds bridge values with exact decimal strings', () => {
    expect(toMoney(12_400_000, 'USD')).toEqual({ amount: '12.4', unit: 'USD' })
    expect(moneyToMicros({ amount: '-0.000001', unit: 'CNY' })).toBe(-1)
  })

  it('treats three upper-case letters as a currency, anything else as a unit', () => {
    expect(isCurrency('USD')).toBe(true)
    expect(isCurrency('CNY')).toBe(true)
    expect(isCurrency('credits')).toBe(false)
    expect(isCurrency('usd')).toBe(false)
    expect(isCurrency('characters')).toBe(false)
  })
})

describe('formatMoney', () => {
  it('formats USD with two decimals', () => {
    expect(formatMoney({ amount: '12.4', unit: 'USD' }, 'en-US')).toBe('$12.40')
    expect(formatMoney({ amount: '1234.5', unit: 'USD' }, 'en-US')).toBe('$1,234.50')
    expect(formatMoney({ amount: '0', unit: 'USD' }, 'en-US')).toBe('$0.00')
    expect(formatMoney({ amount: '-3.5', unit: 'USD' }, 'en-US')).toBe('-$3.50')
  })

  it('shows sub-cent amounts with up to four decimals instead of $0.00', () => {
    expect(formatMoney({ amount: '0.0042', unit: 'USD' }, 'en-US')).toBe('$0.0042')
    expect(formatMoney({ amount: '-0.005', unit: 'USD' }, 'en-US')).toBe('-$0.005')
  })

  it('formats CNY in the locale given', () => {
    expect(formatMoney({ amount: '110', unit: 'CNY' }, 'zh-CN')).toBe('¥110.00')
    expect(formatMoney({ amount: '110', unit: 'CNY' }, 'en-US')).toBe('CN¥110.00')
  })

  it('formats non-money units as a number and the unit', () => {
    expect(formatMoney({ amount: '1250', unit: 'credits' }, 'en-US')).toBe('1,250 credits')
    expect(formatMoney({ amount: '12.3456', unit: 'credits' }, 'en-US')).toBe('12.35 credits')
    expect(formatMoney({ amount: '1250', unit: 'credits' }, 'de-DE')).toBe('1.250 credits')
  })

  it('says "1 credit", not "1 credits" (issue 14.7), judging the number as shown', () => {
    expect(formatMoney({ amount: '1', unit: 'credits' }, 'en-US')).toBe('1 credit')
    expect(formatMoney({ amount: '-1', unit: 'credits' }, 'en-US')).toBe('-1 credit')
    expect(formatMoney({ amount: '1.001', unit: 'credits' }, 'en-US')).toBe('1 credit')
    expect(formatMoney({ amount: '1.5', unit: 'credits' }, 'en-US')).toBe('1.5 credits')
    expect(formatMoney({ amount: '0', unit: 'credits' }, 'en-US')).toBe('0 credits')
    expect(formatMoney({ amount: '1', unit: 'characters' }, 'en-US')).toBe('1 character')
    // A provider's own code is not an English plural: left as it is.
    expect(formatMoney({ amount: '1', unit: 'MB' }, 'en-US')).toBe('1 MB')
  })

  it('drops needless decimals in compact mode', () => {
    expect(formatMoney({ amount: '12', unit: 'USD' }, 'en-US', { compact: true })).toBe('$12')
    expect(formatMoney({ amount: '12.4', unit: 'USD' }, 'en-US', { compact: true })).toBe('$12.4')
  })
})
