import type { AlertKind, AlertSeverity } from '../../../shared/alerts'
import type { QuietHours } from './alerts-repo'

/** An alert waiting to be announced. */
export interface AnnounceCandidate {
  id: number
  accountId: string | null
  kind: AlertKind
  severity: AlertSeverity
  message: string
}

/** Inputs of {@link planNotifications}. */
export interface NotifyPlanInput {
  now: Date
  /** Minutes east of UTC of the user's clock (`-date.getTimezoneOffset()`). */
  utcOffsetMinutes: number
  quietHours: QuietHours
  candidates: readonly AnnounceCandidate[]
  /** When each `accountId|kind` was last shown to the user (ms since epoch). */
  lastShown: ReadonlyMap<string, number>
}

/** What to do now. */
export interface NotifyPlan {
  /** Alerts to show (one notification each, or folded into `summary`). */
  show: AnnounceCandidate[]
  /** Set when more than {@link MAX_SEPARATE} alerts arrive at once: one notification for all. */
  summary: string | null
  /** Recorded as notified without a notification (the same kind for the same account just showed). */
  silenced: AnnounceCandidate[]
  /** Left for later (quiet hours): still un-notified, picked up at the first evaluation after. */
  held: AnnounceCandidate[]
}

/** More alerts than this at once are folded into one summary notification. */
export const MAX_SEPARATE = 3
/** The same kind of alert for the same account is shown at most once per this many ms. */
export const THROTTLE_MS = 15 * 60_000

/** `HH:MM` → minutes after midnight; `null` when malformed. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** Whether `now` falls in quiet hours (local clock); `start` after `end` spans midnight. */
export function inQuietHours(quiet: QuietHours, now: Date, utcOffsetMinutes: number): boolean {
  if (!quiet.enabled) return false
  const start = parseClock(quiet.start)
  const end = parseClock(quiet.end)
  if (start === null || end === null || start === end) return false
  const minutes = (((now.getUTCHours() * 60 + now.getUTCMinutes() + utcOffsetMinutes) % 1440) + 1440) % 1440
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end
}

/**
 * Decides which alerts become notifications now: nothing during quiet hours (the alerts stay
 * recorded and are announced once quiet hours end); the same account and kind at most once per
 * {@link THROTTLE_MS}; more than {@link MAX_SEPARATE} at once become a single summary.
 */
export function planNotifications(input: NotifyPlanInput): NotifyPlan {
  if (inQuietHours(input.quietHours, input.now, input.utcOffsetMinutes)) {
    return { show: [], summary: null, silenced: [], held: [...input.candidates] }
  }
  const show: AnnounceCandidate[] = []
  const silenced: AnnounceCandidate[] = []
  const seen = new Set<string>()
  for (const candidate of input.candidates) {
    const key = throttleKey(candidate)
    const last = input.lastShown.get(key)
    if (seen.has(key) || (last !== undefined && input.now.getTime() - last < THROTTLE_MS)) silenced.push(candidate)
    else {
      seen.add(key)
      show.push(candidate)
    }
  }
  const summary = show.length > MAX_SEPARATE ? `${show.length} Coffer alerts need your attention: ${summarise(show)}` : null
  return { show, summary, silenced, held: [] }
}

/** Throttle identity of a candidate. */
export function throttleKey(candidate: Pick<AnnounceCandidate, 'accountId' | 'kind'>): string {
  return `${candidate.accountId ?? 'global'}|${candidate.kind}`
}

function summarise(candidates: readonly AnnounceCandidate[]): string {
  const critical = candidates.filter((candidate) => candidate.severity === 'critical').length
  return critical > 0 ? `${critical} critical. Open Coffer to see them.` : 'open Coffer to see them.'
}
