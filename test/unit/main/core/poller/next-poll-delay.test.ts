import { describe, expect, it } from 'vitest'
import { accountStatuses, type AccountStatus } from '../../../../../src/shared/account-status'
import { BACKOFF_BASE_MS, MIN_RETRY_MS, isTransient, nextPollDelay } from '../../../../../src/main/core/poller/next-poll-delay'

const INTERVAL = 15 * 60_000

function delay(status: AccountStatus, consecutiveFailures: number, random: number, retryAfterMs: number | null = null, intervalMs = INTERVAL): number {
  return nextPollDelay({ intervalMs, status, consecutiveFailures, retryAfterMs, random })
}

describe('isTransient', () => {
  it('only rate limits, network failures and provider errors are retried early', () => {
    expect(accountStatuses.filter(isTransient)).toEqual(['rate_limited', 'unreachable', 'provider_error'])
  })
})

describe('nextPollDelay', () => {
  it('after success, or a failure only the user can fix, waits exactly the interval', () => {
    for (const status of ['ok', 'auth_failed', 'bad_response', 'keychain_unavailable', 'never_polled'] as const) {
      expect(delay(status, 0, 0.5)).toBe(INTERVAL)
      expect(delay(status, 3, 0.99, 10 * 60 * 60_000)).toBe(INTERVAL) // Retry-After only matters for retries
    }
  })

  it('full jitter: the first retry lies in [MIN_RETRY_MS, BACKOFF_BASE_MS)', () => {
    expect(delay('unreachable', 1, 0)).toBe(MIN_RETRY_MS)
    expect(delay('unreachable', 1, 0.5)).toBe(BACKOFF_BASE_MS / 2)
    expect(delay('unreachable', 1, 0.999999)).toBe(BACKOFF_BASE_MS - 1)
  })

  it('the ceiling doubles with each consecutive failure', () => {
    const top = 0.999999
    expect(delay('provider_error', 1, top)).toBeLessThan(BACKOFF_BASE_MS)
    expect(delay('provider_error', 2, top)).toBe(Math.floor(top * BACKOFF_BASE_MS * 2))
    expect(delay('provider_error', 3, top)).toBe(Math.floor(top * BACKOFF_BASE_MS * 4))
    expect(delay('provider_error', 4, top)).toBe(Math.floor(top * BACKOFF_BASE_MS * 8))
  })

  it('every draw of the random number stays within [MIN_RETRY_MS, min(interval, base·2^(n−1)))', () => {
    for (let failures = 1; failures <= 40; failures += 1) {
      const ceiling = Math.min(INTERVAL, BACKOFF_BASE_MS * 2 ** (failures - 1))
      for (const random of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999]) {
        const value = delay('rate_limited', failures, random)
        expect(value).toBeGreaterThanOrEqual(MIN_RETRY_MS)
        expect(value).toBeLessThan(ceiling)
        expect(Number.isInteger(value)).toBe(true)
      }
    }
  })

  it('backoff is capped at the interval: many failures never wait longer than a normal poll', () => {
    expect(delay('unreachable', 10, 0.999999)).toBe(Math.floor(0.999999 * INTERVAL))
    expect(delay('unreachable', 1_000, 0.999999)).toBe(Math.floor(0.999999 * INTERVAL))
    expect(delay('unreachable', 3, 0.999999, null, 60_000)).toBe(Math.floor(0.999999 * 60_000))
  })

  it('Retry-After is a floor: never retry before the provider asked', () => {
    expect(delay('rate_limited', 1, 0, 120_000)).toBe(120_000)
    expect(delay('rate_limited', 1, 0.999999, 1_000)).toBe(BACKOFF_BASE_MS - 1)
    // Even beyond the interval: the provider's explicit ask wins (Retry-After is itself clamped to 1 h).
    expect(delay('rate_limited', 1, 0.5, 40 * 60_000)).toBe(40 * 60_000)
    expect(delay('provider_error', 2, 0.1, 0)).toBe(Math.max(MIN_RETRY_MS, Math.floor(0.1 * BACKOFF_BASE_MS * 2)))
  })

  it('zero failures counted (defensive) behaves like the first retry', () => {
    expect(delay('unreachable', 0, 0.5)).toBe(delay('unreachable', 1, 0.5))
  })
})
