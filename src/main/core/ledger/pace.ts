import { addDays, daysBetween, daysInMonth, monthStart } from './days'

/** The fewest complete days of history Coffer needs before it estimates a pace. */
export const MIN_HISTORY_DAYS = 3
/** Averaging windows, tried in order while the shorter one saw no spend at all. */
export const PACE_WINDOWS = [7, 14, 30] as const

/** Burn rate, runway and month-end projection of one account (or a total) in one unit. */
export interface Pace {
  todayMicros: number
  monthToDateMicros: number
  /** Average daily spend over `windowDays` complete days; `null` when there is too little history. */
  burnPerDayMicros: number | null
  windowDays: number | null
  /** Days until the balance reaches zero at that pace; `null` when unknown or not running down. */
  runwayDays: number | null
  /** The UTC day the balance reaches zero. */
  runwayDate: string | null
  /** Month-to-date spend plus the pace for the month's remaining days. */
  projectionMicros: number | null
  /** Why some figure is missing, in words for people; `null` when everything is known. */
  reason: string | null
}

/**
 * Computes a {@link Pace} from daily spend (any order, missing days = no spend).
 *
 * @param firstDay - the first day Coffer has any data for this account (spend or balance).
 * @param today - the current UTC day; it is incomplete, so averages use the days before it.
 * @param balanceMicros - the current balance in the same unit, or `null` when unknown.
 */
export function computePace(
  spend: readonly { day: string; micros: number }[],
  firstDay: string | null,
  today: string,
  balanceMicros: number | null
): Pace {
  const byDay = new Map<string, number>()
  for (const { day, micros } of spend) byDay.set(day, (byDay.get(day) ?? 0) + micros)
  const monthFrom = monthStart(today)
  let monthToDateMicros = 0
  for (const [day, micros] of byDay) if (day >= monthFrom && day <= today) monthToDateMicros += micros
  const base = { todayMicros: byDay.get(today) ?? 0, monthToDateMicros }
  const unknown = { burnPerDayMicros: null, windowDays: null, runwayDays: null, runwayDate: null, projectionMicros: null }

  const history = firstDay === null ? 0 : Math.max(0, daysBetween(firstDay, today))
  if (history < MIN_HISTORY_DAYS) {
    return {
      ...base,
      ...unknown,
      reason: `Coffer needs ${MIN_HISTORY_DAYS} full days of history to estimate a pace; it has ${history === 1 ? '1 day' : `${history} days`} so far.`
    }
  }
  let windowDays = Math.min(PACE_WINDOWS[0], history)
  let total = sumWindow(byDay, today, windowDays)
  for (const wider of PACE_WINDOWS.slice(1)) {
    if (total > 0 || windowDays >= history) break
    windowDays = Math.min(wider, history)
    total = sumWindow(byDay, today, windowDays)
  }
  const burnPerDayMicros = Math.round(total / windowDays)
  const remainingDays = daysInMonth(today) - Number(today.slice(8, 10))
  const projectionMicros = monthToDateMicros + burnPerDayMicros * remainingDays
  if (burnPerDayMicros <= 0) {
    return {
      ...base,
      burnPerDayMicros: 0,
      windowDays,
      runwayDays: null,
      runwayDate: null,
      projectionMicros,
      reason: `No spend in the last ${windowDays} days, so the balance is not running down.`
    }
  }
  if (balanceMicros === null) {
    return { ...base, burnPerDayMicros, windowDays, runwayDays: null, runwayDate: null, projectionMicros, reason: 'No balance is known for this account, so there is no runway to show.' }
  }
  const runwayDays = Math.max(0, Math.round((balanceMicros / burnPerDayMicros) * 10) / 10)
  return {
    ...base,
    burnPerDayMicros,
    windowDays,
    runwayDays,
    runwayDate: addDays(today, Math.floor(runwayDays)),
    projectionMicros,
    reason: null
  }
}

function sumWindow(byDay: Map<string, number>, today: string, days: number): number {
  let total = 0
  for (let back = 1; back <= days; back += 1) total += byDay.get(addDays(today, -back)) ?? 0
  return total
}
