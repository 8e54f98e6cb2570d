/**
 * One date and number style for the whole renderer (issue 14.5): `Intl` in the user's locale for
 * tables, cards, charts and dialogs, so a date never shows as 11/04/2026 in one place, 2026-12-03
 * in another and "Dec 3, 2026" in a third. `locale` is left undefined in the app (the browser's
 * language); tests pass one.
 *
 * Ledger days (`YYYY-MM-DD`) are UTC days: they are formatted in UTC so a day never shifts by one
 * west of Greenwich. Timestamps are shown in local time.
 */

const DAY_MS = 86_400_000
const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/

/** A `YYYY-MM-DD` ledger day or an ISO timestamp as a Date; `null` when it is neither. */
function toDate(value: string): Date | null {
  const date = new Date(DAY_TEXT.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Ledger days are UTC; timestamps are local. */
function zoneOf(value: string): string | undefined {
  return DAY_TEXT.test(value) ? 'UTC' : undefined
}

/** A date with the month in words: "9 Dec 2026" (en-GB), "Dec 9, 2026" (en-US). */
export function formatDate(value: string, locale?: string): string {
  const date = toDate(value)
  if (!date) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zoneOf(value) }).format(date)
}

/**
 * A date without its year, for chart ticks and recent rows: "9 Dec" / "Dec 9". The year is added
 * when it is not the year of `now`, so last December never reads as this one.
 */
export function formatShortDate(value: string, now = Date.now(), locale?: string): string {
  const date = toDate(value)
  if (!date) return value
  const timeZone = zoneOf(value)
  const sameYear = yearOf(date, timeZone) === yearOf(new Date(now), timeZone)
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone }).format(date)
}

function yearOf(date: Date, timeZone: string | undefined): number {
  return timeZone === 'UTC' ? date.getUTCFullYear() : date.getFullYear()
}

/** Date and time: "9 Dec 2026, 14:05" in the user's locale (tooltips, the Polls tab). */
export function formatDateTime(iso: string, locale?: string): string {
  const date = toDate(iso)
  if (!date) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/**
 * A date that is near, with how near: "in 6 days, 9 Dec", "tomorrow, 10 Dec", "today, 4 Dec",
 * "3 days ago, 1 Dec". Days are counted between calendar days (UTC for ledger days, local for
 * timestamps), so "tomorrow" means the next date, not the next 24 hours. Beyond two months the
 * relative part stops helping and the date stands alone.
 */
export function formatRelativeDate(value: string, now = Date.now(), locale?: string): string {
  const date = toDate(value)
  if (!date) return value
  const timeZone = zoneOf(value)
  const days = Math.round((startOfDay(date, timeZone) - startOfDay(new Date(now), timeZone)) / DAY_MS)
  const short = formatShortDate(value, now, locale)
  if (Math.abs(days) > 60) return formatDate(value, locale)
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day')
  return `${relative}, ${short}`
}

function startOfDay(date: Date, timeZone: string | undefined): number {
  return timeZone === 'UTC' ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) : new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}

/** A count with the locale's grouping: "12,345". */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value)
}

/**
 * How long something took: "850 ms", "1.2 s", "2 min 5 s"… in the locale's units. Rounded to what
 * a person reads: milliseconds below a second, tenths of a second below a minute.
 */
export function formatDuration(ms: number, locale?: string): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(Math.round(ms))
  if (ms < 60_000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000)
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  const minuteText = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes)
  return seconds === 0 ? minuteText : `${minuteText} ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(seconds)}`
}

/**
 * Core's sentences (alert messages, shared with the CLI and notifications) write days as
 * `2026-12-03`; on the page they read in the same style as every other date ("Dec 3, 2026").
 * Only whole `YYYY-MM-DD` words that are real dates are replaced.
 */
export function localizeDays(text: string, locale?: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b(?![T:\d])/g, (day) => {
    const formatted = formatDate(day, locale)
    return formatted === day ? day : formatted
  })
}

/** A whole percentage in the locale's style: "62%" (en), "62 %" (fr, de). `value` is 0–100+. */
export function formatPercent(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100)
}
