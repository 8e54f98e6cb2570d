import { formatMoney, type Money } from '../../shared/money'

/** The locale when the environment names none (or only "C"/"POSIX"): stable output for scripts and tests. */
export const FALLBACK_LOCALE = 'en-US'

/**
 * The user's locale from the environment, as POSIX programs read it: `LC_ALL`, then `LC_TIME`,
 * then `LANG` (`de_DE.UTF-8` → `de-DE`). "C", "POSIX" or anything `Intl` does not know falls back
 * to {@link FALLBACK_LOCALE}.
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = [env.LC_ALL, env.LC_TIME, env.LANG].find((value) => value !== undefined && value !== '')
  if (!raw) return FALLBACK_LOCALE
  const tag = raw.split('.')[0]?.split('@')[0]?.replace(/_/g, '-') ?? ''
  if (tag === '' || tag === 'C' || tag === 'POSIX') return FALLBACK_LOCALE
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? FALLBACK_LOCALE
  } catch {
    return FALLBACK_LOCALE
  }
}

const DAY_MS = 86_400_000
/** How far from today a day is still also said as a distance ("in 6 days"). */
const RELATIVE_DAYS = 31

/** Midnight UTC of a `YYYY-MM-DD` day or an ISO instant's day, in ms. */
function utcDay(value: string): number {
  return Date.parse(`${value.slice(0, 10)}T00:00:00Z`)
}

/**
 * One date and number style for everything the CLI prints (issue 14.5): `Intl` in the user's locale,
 * days as "9 Dec" (the year only when it is not this year), and relative words where they help
 * ("in 6 days, 9 Dec"). Ledger days are UTC days, so they are shown in UTC; instants (a poll, an
 * alert) in the machine's time zone.
 */
export class CliFormat {
  constructor(
    readonly locale: string,
    private readonly now: () => Date = () => new Date(),
    private readonly timeZone?: string
  ) {}

  /** `$12.40`, `1.250 credits` (German grouping), in the user's locale. */
  money(money: Money, options: { compact?: boolean } = {}): string {
    return formatMoney(money, this.locale, options)
  }

  /** A whole or decimal number, grouped as the locale does. */
  number(value: number, maximumFractionDigits = 2): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits }).format(value)
  }

  /** A ledger day (`2026-12-09`, UTC) as "9 Dec" / "Dec 9", with the year when not this year's. */
  day(day: string): string {
    const date = new Date(utcDay(day))
    const sameYear = date.getUTCFullYear() === this.now().getUTCFullYear()
    return new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(date)
  }

  /** "today", "tomorrow", "in 6 days", "3 days ago" for a UTC day, counted from today (UTC). */
  relativeDay(day: string): string {
    const days = Math.round((utcDay(day) - utcDay(this.now().toISOString())) / DAY_MS)
    return new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' }).format(days, 'day')
  }

  /**
   * "in 6 days, 9 Dec": the distance first, then the day it lands on, within a month either way
   * (just "today" for today); further off, only the day ("1 Jan 2099"), where a count of days
   * would not help.
   */
  dayFromNow(day: string): string {
    const days = Math.abs(utcDay(day) - utcDay(this.now().toISOString())) / DAY_MS
    if (days < 1) return this.relativeDay(day)
    return days <= RELATIVE_DAYS ? `${this.relativeDay(day)}, ${this.day(day)}` : this.day(day)
  }

  /** An instant as "9 Dec, 14:05" in this machine's time zone (with the year when not this year's). */
  moment(iso: string): string {
    const date = new Date(iso)
    const sameYear = date.getFullYear() === this.now().getFullYear()
    return new Intl.DateTimeFormat(this.locale, {
      day: 'numeric',
      month: 'short',
      ...(sameYear ? {} : { year: 'numeric' }),
      hour: 'numeric',
      minute: '2-digit',
      ...(this.timeZone ? { timeZone: this.timeZone } : {})
    }).format(date)
  }

  /** How long ago an instant was, in the largest unit that fits: "5 minutes ago", "yesterday". */
  ago(iso: string): string {
    const seconds = Math.round((Date.parse(iso) - this.now().getTime()) / 1000)
    const format = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' })
    const abs = Math.abs(seconds)
    if (abs < 60) return format.format(0, 'second')
    if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute')
    if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour')
    return format.format(Math.round(seconds / 86_400), 'day')
  }
}

/** The CLI's formatter for `env` (see {@link localeFromEnv}). */
export function cliFormat(env: NodeJS.ProcessEnv, now?: () => Date): CliFormat {
  return new CliFormat(localeFromEnv(env), now, env.TZ || undefined)
}
