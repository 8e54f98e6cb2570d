import { describe, expect, it } from 'vitest'
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../../../src/main/core/providers/retry-after'

const NOW = Date.parse('2026-11-21T12:00:00.000Z')

describe('parseRetryAfter', () => {
  const cases: [label: string, header: string | null | undefined, expected: number | null][] = [
    ['absent (null)', null, null],
    ['absent (undefined)', undefined, null],
    ['empty', '', null],
    ['delay-seconds', '120', 120_000],
    ['delay-seconds with spaces', '  7 ', 7_000],
    ['zero seconds', '0', 0],
    ['IMF-fixdate 90 s ahead', new Date(NOW + 90_000).toUTCString(), 90_000],
    ['IMF-fixdate literal', 'Sat, 21 Nov 2026 12:05:00 GMT', 300_000],
    ['obsolete RFC 850 date', 'Saturday, 21-Nov-26 12:01:00 GMT', 60_000],
    ['obsolete asctime date', 'Sat Nov 21 12:00:30 2026', 30_000],
    ['a date in the past → 0 (retry now)', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['garbage word', 'soon', null],
    ['garbage that V8 Date.parse would accept ("a 1" = 2001-01-01)', 'a 1', null],
    ['garbage month-day ("May 5")', 'May 5', null],
    ['negative seconds', '-5', null],
    ['fractional seconds', '1.5', null],
    ['exponent', '1e3', null],
    ['seconds with a unit', '120s', null],
    ['huge seconds → clamped', '99999999999999999999', MAX_RETRY_AFTER_MS],
    ['two hours → clamped to the maximum', '7200', MAX_RETRY_AFTER_MS],
    ['a far-future date → clamped', 'Fri, 31 Dec 9999 23:59:59 GMT', MAX_RETRY_AFTER_MS]
  ]

  for (const [label, header, expected] of cases) {
    it(`${label}: ${JSON.stringify(header)} → ${expected}`, () => {
      expect(parseRetryAfter(header, NOW)).toBe(expected)
    })
  }

  it('the maximum is one hour', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(3_600_000)
  })
})
