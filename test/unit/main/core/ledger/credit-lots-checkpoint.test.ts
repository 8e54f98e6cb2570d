import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkpointLots, resumeLots, simulateLots, type LotEvent } from '../../../../../src/main/core/ledger/credit-lots'

const DAY = 86_400_000
const START = Date.UTC(2026, 0, 1)
const iso = (time: number): string => new Date(time).toISOString()

/** Every kind of input the replay knows, at any millisecond of 60 days, anchors included. */
const event = fc.record({
  kind: fc.constantFrom<LotEvent['kind']>('topup', 'grant', 'renewal', 'refund', 'adjustment', 'expiration', 'balance', 'purchase'),
  at: fc.integer({ min: 0, max: 60 * DAY - 1 }),
  micros: fc.integer({ min: -20_000_000, max: 80_000_000 }),
  expiresAfter: fc.option(fc.integer({ min: 1, max: 40 * DAY }), { nil: null }),
  baselineMicros: fc.integer({ min: 0, max: 5_000_000 }),
  source: fc.constantFrom<LotEvent['source']>('official', 'derived', 'manual')
})
const ledger = fc.record({
  events: fc.array(event, { maxLength: 25 }),
  spend: fc.array(fc.record({ day: fc.integer({ min: 0, max: 59 }), micros: fc.integer({ min: -2_000_000, max: 9_000_000 }) }), { maxLength: 60 }),
  throughDay: fc.integer({ min: 0, max: 60 }),
  nowAfter: fc.integer({ min: 0, max: 10 * DAY })
})

describe('credit lots from a checkpoint', () => {
  it('resuming a checkpoint with only the recent inputs gives exactly the full replay', () => {
    fc.assert(
      fc.property(ledger, ({ events: drawn, spend: drawnSpend, throughDay, nowAfter }) => {
        const through = START + throughDay * DAY
        const now = new Date(through + nowAfter)
        const events: LotEvent[] = drawn
          .filter((e) => START + e.at <= now.getTime())
          .map((e) => ({
            kind: e.kind,
            micros: e.kind === 'adjustment' || e.kind === 'balance' ? e.micros : Math.abs(e.micros),
            at: iso(START + e.at),
            expiresAt: e.expiresAfter === null ? null : iso(START + e.at + e.expiresAfter),
            baselineMicros: e.kind === 'balance' ? e.baselineMicros : 0,
            source: e.source
          }))
          .sort((a, b) => a.at.localeCompare(b.at))
        const byDay = new Map<string, number>()
        for (const { day, micros } of drawnSpend) {
          if (START + day * DAY > now.getTime()) continue
          const key = iso(START + day * DAY).slice(0, 10)
          byDay.set(key, (byDay.get(key) ?? 0) + micros)
        }
        const spend = [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, micros]) => ({ day, micros }))

        const full = simulateLots(events, spend, now)
        const checkpoint = checkpointLots(events, spend, new Date(through))
        // What loadLotState reads after a checkpoint: from the day before it on.
        const recentFrom = iso(through - DAY).slice(0, 10)
        const resumed = resumeLots(
          JSON.parse(JSON.stringify(checkpoint)) as typeof checkpoint,
          events.filter((e) => e.at >= recentFrom),
          spend.filter((s) => s.day >= recentFrom),
          now
        )
        expect(resumed).toEqual(full)
      }),
      { numRuns: 1000 }
    )
  })

  it('a checkpoint holds only what happened before its instant', () => {
    const topup = (at: string, micros: number): LotEvent => ({ kind: 'topup', micros, at, expiresAt: null, baselineMicros: 0, source: 'manual' })
    const checkpoint = checkpointLots(
      [topup('2026-01-01T10:00:00.000Z', 10_000_000), topup('2026-01-03T00:00:00.000Z', 5_000_000)],
      [{ day: '2026-01-02', micros: 1_000_000 }, { day: '2026-01-03', micros: 2_000_000 }],
      new Date('2026-01-03T00:00:00.000Z')
    )
    // The 1st's top-up less the 2nd's spend (counted at the end of the 2nd); nothing of the 3rd.
    expect(checkpoint.lots.map((lot) => lot.remaining)).toEqual([9_000_000])
    expect(checkpoint.debt).toBe(0)
  })
})
