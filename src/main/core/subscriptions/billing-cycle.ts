import { daysInMonth } from '../ledger/days'

/** A billing cycle as UTC days: `start` inclusive, `end` (the next renewal day) exclusive. */
export interface Cycle {
  start: string
  end: string
}

/** How the user's renewal is written in the `renewsOn` option: a day of the month, maybe with a month. */
interface Anchor {
  day: number
  /** 1–12, for yearly plans; the renewal date's month. */
  month: number
}

/**
 * Reads `renewsOn`: a renewal date (`2026-11-14`: day 14, month 11) or a day of the month (`14`).
 * Missing or unreadable → the 1st (calendar months), January for yearly plans.
 */
export function parseRenewsOn(renewsOn: string | undefined): Anchor {
  const text = renewsOn?.trim() ?? ''
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (date) {
    const month = Number(date[2])
    const day = Number(date[3])
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { day, month }
  }
  if (/^\d{1,2}$/.test(text)) {
    const day = Number(text)
    if (day >= 1 && day <= 31) return { day, month: 1 }
  }
  return { day: 1, month: 1 }
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The renewal day in `year`-`month` (a 31st renews on the month's last day). */
function renewalIn(year: number, month: number, day: number): string {
  const first = `${year}-${pad(month)}-01`
  return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(first)))}`
}

/** Adds `n` months to a year/month pair. */
function shift(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/**
 * The billing cycle containing `today` for a plan billed each `period`, renewing on `renewsOn`.
 * A monthly plan renewing on the 31st renews on the last day of shorter months.
 */
export function cycleContaining(today: string, renewsOn: string | undefined, period: 'month' | 'year'): Cycle {
  const anchor = parseRenewsOn(renewsOn)
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  if (period === 'year') {
    const thisYear = renewalIn(year, anchor.month, anchor.day)
    return today >= thisYear
      ? { start: thisYear, end: renewalIn(year + 1, anchor.month, anchor.day) }
      : { start: renewalIn(year - 1, anchor.month, anchor.day), end: thisYear }
  }
  const thisMonth = renewalIn(year, month, anchor.day)
  if (today >= thisMonth) {
    const next = shift(year, month, 1)
    return { start: thisMonth, end: renewalIn(next.year, next.month, anchor.day) }
  }
  const previous = shift(year, month, -1)
  return { start: renewalIn(previous.year, previous.month, anchor.day), end: thisMonth }
}

/** The `count` cycles up to and including the one containing `today`, oldest first. */
export function recentCycles(today: string, renewsOn: string | undefined, period: 'month' | 'year', count: number): Cycle[] {
  const cycles = [cycleContaining(today, renewsOn, period)]
  while (cycles.length < count) {
    const earliest = cycles[0] as Cycle
    // The day before a cycle's start lies in the previous cycle.
    const dayBefore = new Date(Date.parse(`${earliest.start}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10)
    cycles.unshift(cycleContaining(dayBefore, renewsOn, period))
  }
  return cycles
}
