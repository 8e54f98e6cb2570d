import type { AccountStatus } from '../../../shared/account-status'

/** First retry delay after a transient failure; doubles per consecutive failure (before jitter). */
export const BACKOFF_BASE_MS = 30_000
/** Never retry sooner than this, however the jitter falls. */
export const MIN_RETRY_MS = 5_000

/** What decides when an account is polled next. */
export interface DelayInput {
  intervalMs: number
  status: AccountStatus
  /** Transient failures in a row, this one included (0 after a success). */
  consecutiveFailures: number
  retryAfterMs: number | null
  /** A number in [0, 1), injected so tests are deterministic. */
  random: number
}

/** Failures worth retrying soon: the provider or the network may recover on its own. */
export function isTransient(status: AccountStatus): boolean {
  return status === 'rate_limited' || status === 'unreachable' || status === 'provider_error'
}

/**
 * When to poll an account next. After success, or a failure only the user can fix (bad key, no
 * keychain, unreadable answer), wait the account's interval. After a transient failure, back off
 * exponentially with full jitter (sleep = random(0, min(interval, base·2^(n−1))), so many accounts
 * do not retry in lockstep), never sooner than Retry-After.
 */
export function nextPollDelay(input: DelayInput): number {
  if (!isTransient(input.status)) return input.intervalMs
  const exponent = Math.max(0, input.consecutiveFailures - 1)
  const ceiling = Math.min(input.intervalMs, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 20))
  const jittered = Math.max(MIN_RETRY_MS, Math.floor(input.random * ceiling))
  return Math.max(jittered, input.retryAfterMs ?? 0)
}
