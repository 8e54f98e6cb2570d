/** Longest wait Coffer accepts from a Retry-After header (a broken clock must not park an account for days). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000

/**
 * Parses a Retry-After header: delay-seconds (`"120"`) or an HTTP-date (RFC 9110 §10.2.3).
 *
 * @returns milliseconds to wait, clamped to [0, {@link MAX_RETRY_AFTER_MS}], or `null` when the
 * header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (header == null) return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return clamp(Number(value) * 1000)
  if (!/[a-z]/i.test(value)) return null // "-5", "1.5": not a valid delay, not a date
  const date = Date.parse(value)
  if (Number.isNaN(date)) return null
  return clamp(date - nowMs)
}

function clamp(ms: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}
