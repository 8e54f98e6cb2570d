import { describe, expect, it } from 'vitest'
import { simulateLots, type LotEvent } from '../../../../../src/main/core/ledger/credit-lots'
import { computePace } from '../../../../../src/main/core/ledger/pace'
import { toMicros } from '../../../../../src/shared/money'

const m = (amount: string): number => toMicros(amount)
const event = (kind: LotEvent['kind'], amount: string, at: string, extra: Partial<LotEvent> = {}): LotEvent => ({
  kind,
  micros: m(amount),
  at,
  expiresAt: null,
  baselineMicros: 0,
  source: 'manual',
  ...extra
})

describe('simulateLots (FIFO credit lots)', () => {
  it('consumes the oldest lot first and says which credit expires next', () => {
    const state = simulateLots(
      [
        event('grant', '10', '2026-01-01T00:00:00Z', { expiresAt: '2026-03-01T00:00:00Z' }),
        event('topup', '20', '2026-01-05T00:00:00Z', { expiresAt: '2027-01-05T00:00:00Z' })
      ],
      [
        { day: '2026-01-10', micros: m('3.6') },
        { day: '2026-01-11', micros: m('4') }
      ],
      new Date('2026-02-01T00:00:00Z')
    )
    expect(state.balanceMicros).toBe(m('22.4'))
    expect(state.lots.map((lot) => lot.remaining)).toEqual([m('2.4'), m('20')])
    expect(state.expiring).toEqual({ micros: m('2.4'), expiresAt: '2026-03-01T00:00:00Z' })
    expect(state.source).toBe('derived')
  })

  it('drops what is left on a lot when it expires', () => {
    const state = simulateLots(
      [event('grant', '12.40', '2026-01-01T00:00:00Z', { expiresAt: '2026-03-01T00:00:00Z' }), event('topup', '5', '2026-02-01T00:00:00Z')],
      [{ day: '2026-03-05', micros: m('1') }],
      new Date('2026-03-10T00:00:00Z')
    )
    expect(state.lots[0]).toMatchObject({ remaining: 0, expired: m('12.4') })
    expect(state.balanceMicros).toBe(m('4'))
    expect(state.expiring).toBeNull()
  })

  it('a balance anchor reconciles: surplus consumed oldest first, shortfall becomes an opening lot', () => {
    const surplus = simulateLots(
      [event('topup', '50', '2026-01-01T00:00:00Z', { expiresAt: '2027-01-01T00:00:00Z' }), event('balance', '42.5', '2026-01-10T12:00:00Z')],
      [],
      new Date('2026-01-11T00:00:00Z')
    )
    expect(surplus.balanceMicros).toBe(m('42.5'))
    expect(surplus.expiring?.micros).toBe(m('42.5'))
    expect(surplus.source).toBe('manual')

    const shortfall = simulateLots([event('balance', '30', '2026-01-10T12:00:00Z'), event('grant', '5', '2026-01-11T00:00:00Z', { expiresAt: '2026-02-01T00:00:00Z' })], [], new Date('2026-01-12T00:00:00Z'))
    expect(shortfall.lots.map((lot) => [lot.kind, lot.remaining])).toEqual([
      ['opening', m('30')],
      ['grant', m('5')]
    ])
  })

  it('counts only the spend after an anchor entered mid-day (its baseline)', () => {
    const state = simulateLots(
      [event('balance', '40', '2026-03-03T10:00:00Z', { baselineMicros: m('1') })],
      [{ day: '2026-03-03', micros: m('2.5') }],
      new Date('2026-03-03T12:00:00Z')
    )
    expect(state.balanceMicros).toBe(m('38.5'))
  })

  it('an expiration takes from expiring lots first; an overdraft is repaid by the next top-up', () => {
    const state = simulateLots(
      [
        event('topup', '10', '2026-01-01T00:00:00Z'),
        event('grant', '5', '2026-01-02T00:00:00Z', { expiresAt: '2026-06-01T00:00:00Z' }),
        event('expiration', '5', '2026-01-03T00:00:00Z'),
        event('topup', '8', '2026-01-20T00:00:00Z')
      ],
      [{ day: '2026-01-10', micros: m('12') }],
      new Date('2026-01-21T00:00:00Z')
    )
    expect(state.lots.map((lot) => lot.remaining)).toEqual([0, 0, m('6')])
    expect(state.balanceMicros).toBe(m('6'))
  })
})

describe('computePace (burn rate, runway, projection)', () => {
  const days = (from: string, count: number, amount: string) =>
    Array.from({ length: count }, (_, index) => ({ day: new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10), micros: m(amount) }))

  it('says why when there are fewer than 3 full days', () => {
    const pace = computePace(days('2026-03-08', 2, '1'), '2026-03-08', '2026-03-10', m('100'))
    expect(pace).toMatchObject({ burnPerDayMicros: null, runwayDays: null, projectionMicros: null })
    expect(pace.reason).toBe('Coffer needs 3 full days of history to estimate a pace; it has 2 days so far.')
  })

  it('averages the complete days of the last week (not today), and projects the month', () => {
    const spend = [...days('2026-03-01', 9, '3'), { day: '2026-03-10', micros: m('50') }]
    const pace = computePace(spend, '2026-03-01', '2026-03-10', m('30'))
    expect(pace).toMatchObject({ burnPerDayMicros: m('3'), windowDays: 7, runwayDays: 10, runwayDate: '2026-03-20', monthToDateMicros: m('77'), todayMicros: m('50') })
    expect(pace.projectionMicros).toBe(m('77') + 21 * m('3'))
  })

  it('widens the window after a quiet week, and reports no runway when nothing is spent', () => {
    const quiet = computePace(days('2026-02-14', 3, '7'), '2026-02-01', '2026-03-01', m('70'))
    expect(quiet).toMatchObject({ windowDays: 14, burnPerDayMicros: m('1'), runwayDays: 70 })
    const idle = computePace([], '2026-01-01', '2026-03-01', m('70'))
    expect(idle).toMatchObject({ burnPerDayMicros: 0, runwayDays: null })
    expect(idle.reason).toMatch(/No spend in the last 30 days/)
  })
})
