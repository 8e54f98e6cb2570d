import { describe, expect, it } from 'vitest'
import { inQuietHours, planNotifications, THROTTLE_MS, type AnnounceCandidate } from '../../../../../src/main/core/alerts/notify-plan'
import { DEFAULT_QUIET_HOURS } from '../../../../../src/main/core/alerts/alerts-repo'

const candidate = (id: number, overrides: Partial<AnnounceCandidate> = {}): AnnounceCandidate => ({
  id,
  accountId: `acc_${String(id).padStart(10, '0')}`,
  kind: 'low_balance',
  severity: 'warning',
  message: `alert ${id}`,
  ...overrides
})

describe('quiet hours', () => {
  const quiet = { enabled: true, start: '22:00', end: '07:00' }
  it('span midnight in local time', () => {
    expect(inQuietHours(quiet, new Date('2026-03-10T23:30:00Z'), 0)).toBe(true)
    expect(inQuietHours(quiet, new Date('2026-03-10T06:59:00Z'), 0)).toBe(true)
    expect(inQuietHours(quiet, new Date('2026-03-10T07:00:00Z'), 0)).toBe(false)
    expect(inQuietHours(quiet, new Date('2026-03-10T21:59:00Z'), 0)).toBe(false)
    // 21:30 UTC is 22:30 in UTC+1.
    expect(inQuietHours(quiet, new Date('2026-03-10T21:30:00Z'), 60)).toBe(true)
    // 05:30 UTC is 22:30 the day before in UTC-7.
    expect(inQuietHours(quiet, new Date('2026-03-10T05:30:00Z'), -420)).toBe(true)
  })
  it('within one day, and off when disabled or malformed', () => {
    expect(inQuietHours({ enabled: true, start: '12:00', end: '13:00' }, new Date('2026-03-10T12:30:00Z'), 0)).toBe(true)
    expect(inQuietHours({ ...quiet, enabled: false }, new Date('2026-03-10T23:30:00Z'), 0)).toBe(false)
    expect(inQuietHours({ enabled: true, start: '25:00', end: '07:00' }, new Date('2026-03-10T23:30:00Z'), 0)).toBe(false)
    expect(DEFAULT_QUIET_HOURS.enabled).toBe(false)
  })
})

describe('planNotifications', () => {
  const now = new Date('2026-03-10T12:00:00Z')
  const base = { now, utcOffsetMinutes: 0, quietHours: DEFAULT_QUIET_HOURS, lastShown: new Map<string, number>() }

  it('shows new alerts one by one', () => {
    const plan = planNotifications({ ...base, candidates: [candidate(1), candidate(2)] })
    expect(plan.show.map((c) => c.id)).toEqual([1, 2])
    expect(plan).toMatchObject({ summary: null, silenced: [], held: [] })
  })

  it('holds everything in quiet hours', () => {
    const plan = planNotifications({ ...base, quietHours: { enabled: true, start: '11:00', end: '13:00' }, candidates: [candidate(1)] })
    expect(plan.show).toEqual([])
    expect(plan.held.map((c) => c.id)).toEqual([1])
  })

  it('throttles the same kind for the same account (fake clock)', () => {
    const key = `${candidate(1).accountId}|low_balance`
    const recent = planNotifications({ ...base, lastShown: new Map([[key, now.getTime() - THROTTLE_MS + 1]]), candidates: [candidate(1)] })
    expect(recent.show).toEqual([])
    expect(recent.silenced.map((c) => c.id)).toEqual([1])
    const old = planNotifications({ ...base, lastShown: new Map([[key, now.getTime() - THROTTLE_MS]]), candidates: [candidate(1)] })
    expect(old.show.map((c) => c.id)).toEqual([1])
    const twice = planNotifications({ ...base, candidates: [candidate(1), candidate(1, { id: 7 })] })
    expect(twice.show.map((c) => c.id)).toEqual([1])
    expect(twice.silenced.map((c) => c.id)).toEqual([7])
  })

  it('folds a burst into one summary', () => {
    const plan = planNotifications({ ...base, candidates: [1, 2, 3, 4].map((id) => candidate(id, id === 4 ? { severity: 'critical' } : {})) })
    expect(plan.show).toHaveLength(4)
    expect(plan.summary).toBe('4 Coffer alerts need your attention: 1 critical. Open Coffer to see them.')
  })
})
