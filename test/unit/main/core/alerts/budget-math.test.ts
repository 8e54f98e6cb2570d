import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { budgetProgress, budgetWindow, normaliseThresholds } from '../../../../../src/main/core/alerts/budget-math'

describe('budgetWindow (UTC)', () => {
  it('a day is the UTC calendar day, whatever the local clock says', () => {
    expect(budgetWindow('day', new Date('2026-03-10T23:59:59.999Z'))).toEqual({ start: '2026-03-10', end: '2026-03-11' })
    expect(budgetWindow('day', new Date('2026-03-11T00:00:00Z'))).toEqual({ start: '2026-03-11', end: '2026-03-12' })
  })

  it('a week runs Monday to Sunday', () => {
    expect(budgetWindow('week', new Date('2026-03-09T00:00:00Z'))).toEqual({ start: '2026-03-09', end: '2026-03-16' }) // a Monday
    expect(budgetWindow('week', new Date('2026-03-15T23:00:00Z'))).toEqual({ start: '2026-03-09', end: '2026-03-16' }) // Sunday
    expect(budgetWindow('week', new Date('2026-01-01T12:00:00Z'))).toEqual({ start: '2025-12-29', end: '2026-01-05' }) // across years
  })

  it('a month is the calendar month, including February of a leap year and December', () => {
    expect(budgetWindow('month', new Date('2028-02-29T12:00:00Z'))).toEqual({ start: '2028-02-01', end: '2028-03-01' })
    expect(budgetWindow('month', new Date('2026-12-31T23:59:59Z'))).toEqual({ start: '2026-12-01', end: '2027-01-01' })
  })

  it('property: the window always contains the day of `now`, and has the right length', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom('day', 'week', 'month' as const), (now, period) => {
        const window = budgetWindow(period, now)
        const today = now.toISOString().slice(0, 10)
        expect(window.start <= today && today < window.end).toBe(true)
        const days = (Date.parse(window.end) - Date.parse(window.start)) / 86_400_000
        if (period === 'day') expect(days).toBe(1)
        if (period === 'week') expect(days).toBe(7)
        if (period === 'month') expect(days).toBeGreaterThanOrEqual(28)
      })
    )
  })
})

describe('budgetProgress', () => {
  it('reaches a threshold exactly at it (integer arithmetic, no float drift)', () => {
    expect(budgetProgress(40_000_000, 50_000_000, [50, 80, 100])).toEqual({ percent: 80, crossed: 80, next: 100 })
    expect(budgetProgress(39_999_999, 50_000_000, [50, 80, 100])).toEqual({ percent: 79.9, crossed: 50, next: 80 })
    expect(budgetProgress(0, 50_000_000, [50, 80, 100])).toEqual({ percent: 0, crossed: null, next: 50 })
    expect(budgetProgress(55_000_000, 50_000_000, [100, 50, 80])).toEqual({ percent: 110, crossed: 100, next: null })
    // 0.1 + 0.2 style amounts: 0.3 of 0.3 is 100 %.
    expect(budgetProgress(300_000, 300_000, [100]).crossed).toBe(100)
  })

  it('refuses a non-positive limit', () => {
    expect(() => budgetProgress(1, 0, [50])).toThrow(/positive/)
  })

  it('normalises thresholds: unique, ascending, in range, defaults when empty', () => {
    expect(normaliseThresholds([100, 50, 50, 0, 2000, 1.5], [50, 80, 100])).toEqual([50, 100])
    expect(normaliseThresholds(undefined, [50, 80, 100])).toEqual([50, 80, 100])
    expect(normaliseThresholds([], [50, 80, 100])).toEqual([50, 80, 100])
  })
})
