/** UTC days as `YYYY-MM-DD`, the ledger's unit of time for spend and usage. */

const DAY_MS = 86_400_000

/** The UTC day of an ISO timestamp (any offset). */
export function dayOf(iso: string | Date): string {
  return (typeof iso === 'string' ? new Date(iso) : iso).toISOString().slice(0, 10)
}

/** `day` shifted by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Midnight UTC starting `day`, as an ISO timestamp. */
export function dayStart(day: string): string {
  return `${day}T00:00:00.000Z`
}

/** Whole days from `from` to `to` (`to` − `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(dayStart(to)) - Date.parse(dayStart(from))) / DAY_MS)
}

/** The first day of `day`'s month. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`
}

/** How many days `day`'s month has. */
export function daysInMonth(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
