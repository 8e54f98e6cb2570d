/** How far back the first poll of a spend/usage provider reaches (OpenAI, Anthropic, xAI). */
export const BACKFILL_DAYS = 90
/**
 * How many recent days every later poll re-fetches: a provider may still revise yesterday's
 * figure, and the ledger replaces a day's line instead of adding to it.
 */
export const REFETCH_DAYS = 3

const DAY_MS = 86_400_000

/** A half-open range of whole UTC days: `[start, end)`, `end` = the start of tomorrow. */
export interface DayWindow {
  start: Date
  end: Date
}

/** Midnight UTC of `date`'s day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

/** `date` moved by whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}

/**
 * The days to fetch: the last {@link BACKFILL_DAYS} on the first poll; afterwards the last
 * {@link REFETCH_DAYS}, reaching further back when the last success is older (a laptop that slept
 * for a week), never beyond the backfill horizon.
 */
export function historyWindow(now: Date, lastSuccessAt: string | null, maxDays = BACKFILL_DAYS): DayWindow {
  const today = startOfUtcDay(now)
  const end = addDays(today, 1)
  const earliest = addDays(today, -(maxDays - 1))
  if (lastSuccessAt === null || Number.isNaN(Date.parse(lastSuccessAt))) return { start: earliest, end }
  const recent = addDays(today, -(REFETCH_DAYS - 1))
  const sinceLast = addDays(startOfUtcDay(new Date(lastSuccessAt)), -1)
  const start = new Date(Math.max(earliest.getTime(), Math.min(recent.getTime(), sinceLast.getTime())))
  return { start, end }
}

/** Unix seconds of `date`. */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}

/** RFC 3339 without milliseconds: `2026-11-21T00:00:00Z`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
