import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { simulateLots, type LotEvent } from '../../../../../src/main/core/ledger/credit-lots'

const DAY = 86_400_000
const START = Date.UTC(2026, 0, 1)
const iso = (time: number): string => new Date(time).toISOString()

/** Additions (no anchors, no expirations) and daily spend over 60 days. */
const scenario = fc.record({
  additions: fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 59 }), micros: fc.integer({ min: 1, max: 100_000_000 }), expiresAfter: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }) }),
    { minLength: 1, maxLength: 8 }
  ),
  spend: fc.array(fc.record({ day: fc.integer({ min: 0, max: 59 }), micros: fc.integer({ min: 0, max: 30_000_000 }) }), { maxLength: 30 })
})

describe('simulateLots properties', () => {
  it('conserves credit: balance = added − spent − expired, exactly', () => {
    fc.assert(
      fc.property(scenario, ({ additions, spend }) => {
        const events: LotEvent[] = additions.map((addition) => ({
          kind: 'topup',
          micros: addition.micros,
          at: iso(START + addition.day * DAY),
          expiresAt: addition.expiresAfter === null ? null : iso(START + (addition.day + addition.expiresAfter) * DAY),
          baselineMicros: 0,
          source: 'manual'
        }))
        events.sort((a, b) => a.at.localeCompare(b.at))
        const byDay = new Map<string, number>()
        for (const { day, micros } of spend) {
          const key = iso(START + day * DAY).slice(0, 10)
          byDay.set(key, (byDay.get(key) ?? 0) + micros)
        }
        const days = [...byDay].sort().map(([day, micros]) => ({ day, micros }))
        const state = simulateLots(events, days, new Date(START + 200 * DAY))
        const added = additions.reduce((sum, addition) => sum + addition.micros, 0)
        const spent = days.reduce((sum, day) => sum + day.micros, 0)
        const expired = state.lots.reduce((sum, lot) => sum + lot.expired, 0)
        expect(state.balanceMicros).toBe(added - spent - expired)
        for (const lot of state.lots) expect(lot.remaining).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 }
    )
  })

  it('is first in, first out: without expiries, a later lot is touched only once every earlier lot is empty', () => {
    fc.assert(
      fc.property(scenario, ({ additions, spend }) => {
        const events: LotEvent[] = additions
          .map((addition) => ({ kind: 'topup' as const, micros: addition.micros, at: iso(START + addition.day * DAY), expiresAt: null, baselineMicros: 0, source: 'manual' as const }))
          .sort((a, b) => a.at.localeCompare(b.at))
        const days = spend.map(({ day, micros }) => ({ day: iso(START + day * DAY).slice(0, 10), micros })).sort((a, b) => a.day.localeCompare(b.day))
        const state = simulateLots(events, days, new Date(START + 200 * DAY))
        const firstPartial = state.lots.findIndex((lot) => lot.remaining > 0)
        if (firstPartial === -1) return
        for (const lot of state.lots.slice(firstPartial + 1)) expect(lot.remaining).toBe(lot.micros)
      }),
      { numRuns: 300 }
    )
  })
})
