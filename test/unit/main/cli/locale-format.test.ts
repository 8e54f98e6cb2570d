import { describe, expect, it } from 'vitest'
import { CliFormat, localeFromEnv } from '../../../../src/main/cli/locale-format'

const now = (): Date => new Date('2026-12-03T12:00:00Z')

describe('localeFromEnv', () => {
  it('reads LC_ALL, then LC_TIME, then LANG, as POSIX programs do', () => {
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('de-DE')
    expect(localeFromEnv({ LC_ALL: 'fr_FR.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('fr-FR')
    expect(localeFromEnv({ LC_TIME: 'en_GB', LANG: 'de_DE.UTF-8' })).toBe('en-GB')
    expect(localeFromEnv({ LANG: 'sr_RS@latin' })).toBe('sr-RS')
  })

  it('falls back to en-US for nothing, C, POSIX, or a name Intl does not accept', () => {
    for (const env of [{}, { LANG: '' }, { LANG: 'C.UTF-8' }, { LC_ALL: 'POSIX' }, { LANG: 'not a locale!' }]) expect(localeFromEnv(env)).toBe('en-US')
  })
})

describe('CliFormat: one date and number style (issue 14.5)', () => {
  it('days relative where they help: "in 6 days, 9 Dec", "today", a far day alone, the year only when not this year', () => {
    const gb = new CliFormat('en-GB', now, 'UTC')
    expect(gb.dayFromNow('2026-12-09')).toBe('in 6 days, 9 Dec')
    expect(gb.dayFromNow('2026-12-04')).toBe('tomorrow, 4 Dec')
    expect(gb.dayFromNow('2026-12-03')).toBe('today')
    expect(gb.dayFromNow('2026-11-30')).toBe('3 days ago, 30 Nov')
    expect(gb.dayFromNow('2099-01-01')).toBe('1 Jan 2099')
    expect(new CliFormat('en-US', now, 'UTC').dayFromNow('2026-12-09')).toBe('in 6 days, Dec 9')
    expect(new CliFormat('de-DE', now, 'UTC').dayFromNow('2026-12-09')).toBe('in 6 Tagen, 9. Dez.')
  })

  it('instants in the given time zone, money and numbers grouped as the locale does', () => {
    expect(new CliFormat('en-GB', now, 'Europe/Berlin').moment('2026-12-02T14:05:00Z')).toBe('2 Dec, 15:05')
    expect(new CliFormat('en-GB', now, 'UTC').ago('2026-12-03T09:00:00Z')).toBe('3 hours ago')
    const de = new CliFormat('de-DE', now, 'UTC')
    expect(de.money({ amount: '1250.5', unit: 'credits' })).toBe('1.250,5 credits')
    expect(de.money({ amount: '86.67', unit: 'CNY' })).toBe('86,67\u00a0CN¥')
    expect(de.number(6.1, 1)).toBe('6,1')
  })
})
