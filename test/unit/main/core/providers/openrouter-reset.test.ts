import { describe, expect, it } from 'vitest'
import { nextReset } from '../../../../../src/main/core/providers/openrouter'

// OpenRouter resets key limits at midnight UTC; weeks run Monday through Sunday (@openrouter/sdk `limitReset`).
describe('nextReset: when an OpenRouter key limit period ends', () => {
  it('daily: the next midnight UTC', () => {
    expect(nextReset('daily', new Date('2026-12-05T17:42:00Z'))).toBe('2026-12-06T00:00:00.000Z')
    expect(nextReset('daily', new Date('2026-12-31T23:59:59Z'))).toBe('2027-01-01T00:00:00.000Z')
  })
  it('weekly: the next Monday, a full week away when today is Monday', () => {
    // 5 Dec 2026 is a Saturday; 7 Dec a Monday.
    expect(nextReset('weekly', new Date('2026-12-05T10:00:00Z'))).toBe('2026-12-07T00:00:00.000Z')
    expect(nextReset('weekly', new Date('2026-12-06T23:00:00Z'))).toBe('2026-12-07T00:00:00.000Z')
    expect(nextReset('weekly', new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-14T00:00:00.000Z')
  })
  it('monthly: the first of next month, across the year', () => {
    expect(nextReset('monthly', new Date('2026-12-05T10:00:00Z'))).toBe('2027-01-01T00:00:00.000Z')
    expect(nextReset('monthly', new Date('2026-02-28T23:00:00Z'))).toBe('2026-03-01T00:00:00.000Z')
  })
})
