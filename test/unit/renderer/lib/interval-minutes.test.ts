import { describe, expect, it } from 'vitest'
import { describeInterval, INTERVAL_ERROR, parseIntervalMinutes } from '../../../../src/renderer/src/lib/interval-minutes'

describe('parseIntervalMinutes', () => {
  it('accepts whole minutes from 1 to 1440, ignoring surrounding spaces', () => {
    expect(parseIntervalMinutes('1')).toEqual({ ok: true, minutes: 1 })
    expect(parseIntervalMinutes(' 45 ')).toEqual({ ok: true, minutes: 45 })
    expect(parseIntervalMinutes('1440')).toEqual({ ok: true, minutes: 1440 })
  })

  it('refuses what the contract refuses, and text Number() would quietly turn into a number', () => {
    for (const text of ['0', '1441', '', '   ', '2.5', '-5', '1e2', '0x10', 'fifteen', '15 min']) {
      expect(parseIntervalMinutes(text), text).toEqual({ ok: false, error: INTERVAL_ERROR })
    }
  })
})

describe('describeInterval', () => {
  it('says the interval in words', () => {
    expect(describeInterval(1)).toBe('every minute')
    expect(describeInterval(15)).toBe('every 15 minutes')
    expect(describeInterval(60)).toBe('every hour')
    expect(describeInterval(360)).toBe('every 6 hours')
    expect(describeInterval(90)).toBe('every 90 minutes')
    expect(describeInterval(1440)).toBe('once a day')
  })
})
