import type { BudgetPeriod } from '../../../shared/alerts'
import { dayOf } from '../ledger/days'

/** A budget window in UTC days: `start` inclusive, `end` exclusive, both `YYYY-MM-DD`. */
export interface BudgetWindow {
  start: string
  end: string
}

const DAY_MS = 86_400_000

/**
 * The window of `period` that contains `now`, in UTC (spend lines are UTC days): the day itself,
 * the ISO week starting Monday, or the calendar month.
 */
export function budgetWindow(period: BudgetPeriod, now: Date): BudgetWindow {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  if (period === 'day') return { start: dayOf(new Date(midnight)), end: dayOf(new Date(midnight + DAY_MS)) }
  if (period === 'week') {
    // getUTCDay: Sunday = 0. Monday-based weeks, as ISO 8601 and most billing dashboards use.
    const sinceMonday = (now.getUTCDay() + 6) % 7
    const start = midnight - sinceMonday * DAY_MS
    return { start: dayOf(new Date(start)), end: dayOf(new Date(start + 7 * DAY_MS)) }
  }
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
  return { start: dayOf(new Date(start)), end: dayOf(new Date(end)) }
}

/** How far a budget has been used. */
export interface BudgetProgress {
  /** Spent / limit in percent, rounded down to a tenth (can exceed 100). */
  percent: number
  /** The highest threshold reached, or `null` below the lowest one. */
  crossed: number | null
  /** The next threshold not yet reached, or `null` past the last one. */
  next: number | null
}

/**
 * Progress of `spentMicros` against `limitMicros` with warning `thresholds` (percent). Exact:
 * compares integers (spent × 100 ≥ threshold × limit), so 80 % is reached at exactly 80 %.
 */
export function budgetProgress(spentMicros: number, limitMicros: number, thresholds: readonly number[]): BudgetProgress {
  if (limitMicros <= 0) throw new Error('A budget limit must be positive.')
  const sorted = [...new Set(thresholds)].sort((a, b) => a - b)
  const reached = (threshold: number): boolean => spentMicros * 100 >= threshold * limitMicros
  const crossed = sorted.filter(reached).at(-1) ?? null
  const next = sorted.find((threshold) => !reached(threshold)) ?? null
  return { percent: Math.floor((spentMicros * 1000) / limitMicros) / 10, crossed, next }
}

/** Normalises user thresholds: integers 1–1000, unique, ascending; the defaults when empty. */
export function normaliseThresholds(thresholds: readonly number[] | undefined, defaults: readonly number[]): number[] {
  const cleaned = [...new Set((thresholds ?? []).filter((value) => Number.isInteger(value) && value >= 1 && value <= 1000))]
  return (cleaned.length > 0 ? cleaned : [...defaults]).sort((a, b) => a - b)
}
