import { pollIntervalSchema } from '../../../shared/contract'

/** The message for an interval outside the contract's range (1–1440 whole minutes). */
export const INTERVAL_ERROR = 'Enter whole minutes between 1 and 1440.'

/** The outcome of {@link parseIntervalMinutes}. */
export type IntervalCheck = { ok: true; minutes: number } | { ok: false; error: string }

/**
 * Reads a "check every … minutes" field with the contract's own schema (`pollIntervalSchema`), so
 * the page refuses exactly what the server would. Empty, fractional and out-of-range text fail.
 */
export function parseIntervalMinutes(text: string): IntervalCheck {
  const trimmed = text.trim()
  // Number('') is 0 and Number(' 1e2') is 100: only plain digits count as minutes.
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: INTERVAL_ERROR }
  const parsed = pollIntervalSchema.safeParse(Number(trimmed))
  return parsed.success ? { ok: true, minutes: parsed.data } : { ok: false, error: INTERVAL_ERROR }
}

/** "every 15 minutes", "every hour", "every 6 hours", "once a day": how often an account is checked. */
export function describeInterval(minutes: number): string {
  if (minutes === 24 * 60) return 'once a day'
  if (minutes === 1) return 'every minute'
  if (minutes === 60) return 'every hour'
  if (minutes % 60 === 0) return `every ${minutes / 60} hours`
  return `every ${minutes} minutes`
}
