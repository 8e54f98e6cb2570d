import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatPercent, formatDateTime, formatDuration, formatRelativeDate, formatShortDate, localizeDays } from '../../../../src/renderer/src/lib/format'

/** Noon UTC on 3 Dec 2026: every time zone agrees which day it is for ledger (UTC) days. */
const NOW = Date.parse('2026-12-03T12:00:00Z')

describe('one date style (issue 14.5)', () => {
  it('a ledger day is the same calendar day in every locale, with the month in words', () => {
    expect(formatDate('2026-12-09', 'en-GB')).toBe('9 Dec 2026')
    expect(formatDate('2026-12-09', 'en-US')).toBe('Dec 9, 2026')
    expect(formatDate('2026-12-09', 'de-DE')).toBe('09.12.2026')
    // A UTC day is not moved by the local zone (the ledger's days are UTC days).
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026')
  })

  it('short dates drop the year only when it is this year', () => {
    expect(formatShortDate('2026-12-09', NOW, 'en-GB')).toBe('9 Dec')
    expect(formatShortDate('2025-12-09', NOW, 'en-GB')).toBe('9 Dec 2025')
    expect(formatShortDate('2026-11-04', NOW, 'en-US')).toBe('Nov 4')
  })

  it('relative dates say how near, then the date: "in 6 days, 9 Dec"', () => {
    expect(formatRelativeDate('2026-12-09', NOW, 'en-GB')).toBe('in 6 days, 9 Dec')
    expect(formatRelativeDate('2026-12-04', NOW, 'en-GB')).toBe('tomorrow, 4 Dec')
    expect(formatRelativeDate('2026-12-03', NOW, 'en-GB')).toBe('today, 3 Dec')
    expect(formatRelativeDate('2026-11-30', NOW, 'en-GB')).toBe('3 days ago, 30 Nov')
    expect(formatRelativeDate('2027-01-02', NOW, 'en-GB')).toBe('in 30 days, 2 Jan 2027')
    // Far away, the count stops helping: the date alone.
    expect(formatRelativeDate('2027-12-09', NOW, 'en-GB')).toBe('9 Dec 2027')
  })

  it('date and time in the locale, and text that is no date is shown as it is', () => {
    expect(formatDateTime('2026-12-03T14:05:00Z', 'en-GB')).toMatch(/^3 Dec 2026, \d{2}:\d{2}$/)
    expect(formatDate('not a date', 'en-GB')).toBe('not a date')
    expect(formatDateTime('', 'en-GB')).toBe('')
  })
})

describe('core’s sentences read in the same date style', () => {
  it('rewrites whole YYYY-MM-DD days, and nothing else', () => {
    expect(localizeDays('$12.40 of OpenAI credit expires by 2026-12-09. Use it or lose it.', 'en-US')).toBe('$12.40 of OpenAI credit expires by Dec 9, 2026. Use it or lose it.')
    expect(localizeDays('from 2026-11-01 to 2026-11-30', 'en-GB')).toBe('from 1 Nov 2026 to 30 Nov 2026')
    // Timestamps, impossible days and longer numbers stay as they are.
    expect(localizeDays('at 2026-12-09T10:00:00Z', 'en-US')).toBe('at 2026-12-09T10:00:00Z')
    expect(localizeDays('order 12026-12-091', 'en-US')).toBe('order 12026-12-091')
    expect(localizeDays('no date here', 'en-US')).toBe('no date here')
  })
})

describe('numbers and durations in the locale', () => {
  it('percentages in the locale’s style', () => {
    expect(formatPercent(62, 'en-US')).toBe('62%')
    expect(formatPercent(62, 'de-DE')).toBe('62\u00a0%')
    expect(formatPercent(0, 'en-US')).toBe('0%')
    expect(formatPercent(125, 'en-US')).toBe('125%')
  })

  it('groups counts', () => {
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567')
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567')
  })

  it('durations in milliseconds, seconds, then minutes and seconds', () => {
    expect(formatDuration(0, 'en-US')).toBe('0 ms')
    expect(formatDuration(849.6, 'en-US')).toBe('850 ms')
    expect(formatDuration(1234, 'en-US')).toBe('1.2 sec')
    expect(formatDuration(125_000, 'en-US')).toBe('2 min 5 sec')
    expect(formatDuration(120_000, 'en-US')).toBe('2 min')
    expect(formatDuration(-1, 'en-US')).toBe('—')
  })
})
