import { describe, expect, it } from 'vitest'
import { daySchema, momentSchema } from '../../../../src/shared/contract/ledger-schemas'

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
