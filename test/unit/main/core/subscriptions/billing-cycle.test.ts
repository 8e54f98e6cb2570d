import { describe, expect, it } from 'vitest'
import { cycleContaining, parseRenewsOn, recentCycles } from '../../../../../src/main/core/subscriptions/billing-cycle'

describe('billing cycles from the renewal day', () => {
  it('runs from the renewal day to the next one, before or after this month’s renewal', () => {
    expect(cycleContaining('2026-11-20', '14', 'month')).toEqual({ start: '2026-11-14', end: '2026-12-14' })
    expect(cycleContaining('2026-11-14', '14', 'month')).toEqual({ start: '2026-11-14', end: '2026-12-14' })
    expect(cycleContaining('2026-11-13', '2026-08-14', 'month')).toEqual({ start: '2026-10-14', end: '2026-11-14' })
    expect(cycleContaining('2026-01-05', '14', 'month')).toEqual({ start: '2025-12-14', end: '2026-01-14' })
  })

  it('renews a 31st on the last day of shorter months, and defaults to calendar months', () => {
    expect(cycleContaining('2026-03-30', '31', 'month')).toEqual({ start: '2026-02-28', end: '2026-03-31' })
    expect(cycleContaining('2026-02-28', '31', 'month')).toEqual({ start: '2026-02-28', end: '2026-03-31' })
    expect(cycleContaining('2026-11-20', undefined, 'month')).toEqual({ start: '2026-11-01', end: '2026-12-01' })
    expect(parseRenewsOn('nonsense')).toEqual({ day: 1, month: 1 })
  })

  it('yearly plans renew on the date’s month and day', () => {
    expect(cycleContaining('2026-11-20', '2025-03-10', 'year')).toEqual({ start: '2026-03-10', end: '2027-03-10' })
    expect(cycleContaining('2026-02-01', '2025-03-10', 'year')).toEqual({ start: '2025-03-10', end: '2026-03-10' })
  })

  it('lists the last cycles oldest first, each ending where the next starts', () => {
    expect(recentCycles('2026-11-20', '14', 'month', 3)).toEqual([
      { start: '2026-09-14', end: '2026-10-14' },
      { start: '2026-10-14', end: '2026-11-14' },
      { start: '2026-11-14', end: '2026-12-14' }
    ])
  })
})
