import { describe, expect, it } from 'vitest'
import { daySchema, fxChangeSchema, momentSchema, recordsFilterSchema, UNDATED_RATE_DAY } from '../../../../src/shared/contract/ledger-schemas'

describe('daySchema', () => {
  it.each(['2026-03-01', '2024-02-29', '2026-12-31'])('accepts the real day %s', (day) => {
    expect(daySchema.safeParse(day).success).toBe(true)
  })

  it.each(['2026-02-31', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-3-1'])('refuses %s instead of rolling it over', (day) => {
    expect(daySchema.safeParse(day).success).toBe(false)
  })
})

describe('momentSchema', () => {
  it('turns a plain day into midnight UTC and keeps times', () => {
    expect(momentSchema.parse('2026-03-01')).toBe('2026-03-01T00:00:00.000Z')
    expect(momentSchema.parse('2026-03-01T09:30:00+02:00')).toBe('2026-03-01T07:30:00.000Z')
  })

  it('refuses an impossible day rather than recording the wrong one (2026-02-31 is not 3 March)', () => {
    const result = momentSchema.safeParse('2026-02-31')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Expected a date or time/)
    expect(momentSchema.safeParse('2026-02-31T10:00:00Z').success).toBe(false)
  })
})

describe('dates between 2000 and 2100', () => {
  it.each(['0001-01-01', '1999-12-31', '2101-01-01', '9999-12-31'])('day %s is refused with the range', (day) => {
    const result = daySchema.safeParse(day)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Dates go from 2000-01-01 to 2100-12-31: check the year.')
  })

  it.each(['0001-01-01', '1970-01-01T00:00:00Z', '2101-01-01', '2100-12-31T23:00:00-05:00'])('moment %s is refused with the range', (moment) => {
    const result = momentSchema.safeParse(moment)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Dates go from 2000-01-01/)
  })

  it('the ends are in range, and a rate meant for every day keeps its 1970 day', () => {
    expect(daySchema.safeParse('2000-01-01').success).toBe(true)
    expect(daySchema.safeParse('2100-12-31').success).toBe(true)
    expect(momentSchema.parse('2100-12-31T23:59:59Z')).toBe('2100-12-31T23:59:59.000Z')
    expect(fxChangeSchema.safeParse({ home: 'USD', rates: [{ unit: 'CNY', rate: '0.14', from: UNDATED_RATE_DAY }] }).success).toBe(true)
  })
})

describe('recordsFilterSchema', () => {
  it('refuses a range whose first day is after its last', () => {
    const result = recordsFilterSchema.safeParse({ from: '2026-03-01', to: '2026-02-01' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/first day comes after the last day: swap them/)
  })

  it('takes one day, open ends and ordered ranges', () => {
    for (const filter of [{ from: '2026-03-01', to: '2026-03-01' }, { from: '2026-03-01' }, { to: '2026-03-01' }, { from: '2026-02-01', to: '2026-03-01' }]) {
      expect(recordsFilterSchema.safeParse(filter).success).toBe(true)
    }
  })
})
