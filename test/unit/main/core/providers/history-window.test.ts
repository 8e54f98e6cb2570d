import { describe, expect, it } from 'vitest'
import { BACKFILL_DAYS, historyWindow, REFETCH_DAYS, rfc3339 } from '../../../../../src/main/core/providers/history-window'

const now = new Date('2026-11-21T12:34:56.789Z')
const iso = (w: { start: Date; end: Date }): [string, string] => [rfc3339(w.start), rfc3339(w.end)]

describe('historyWindow', () => {
  it('first poll: the last 90 whole UTC days including today', () => {
    expect(BACKFILL_DAYS).toBe(90)
    expect(iso(historyWindow(now, null))).toEqual(['2026-08-24T00:00:00Z', '2026-11-22T00:00:00Z'])
  })
  it('later polls: the last 3 days', () => {
    expect(REFETCH_DAYS).toBe(3)
    expect(iso(historyWindow(now, '2026-11-21T12:00:00Z'))).toEqual(['2026-11-19T00:00:00Z', '2026-11-22T00:00:00Z'])
  })
  it('after a gap: from the day before the last success, capped at the backfill horizon', () => {
    expect(iso(historyWindow(now, '2026-11-10T08:00:00Z'))).toEqual(['2026-11-09T00:00:00Z', '2026-11-22T00:00:00Z'])
    expect(iso(historyWindow(now, '2025-01-01T00:00:00Z'))).toEqual(['2026-08-24T00:00:00Z', '2026-11-22T00:00:00Z'])
  })
  it('an unreadable last success counts as none', () => {
    expect(iso(historyWindow(now, 'garbage'))[0]).toBe('2026-08-24T00:00:00Z')
  })
})
