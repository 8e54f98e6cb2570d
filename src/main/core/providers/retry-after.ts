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
  // Only the three HTTP-date forms: V8's Date.parse also accepts garbage such as "a 1" (2001-01-01).
  let text: string
  if (IMF_FIXDATE.test(value) || RFC850_DATE.test(value)) text = value
  else if (ASCTIME_DATE.test(value)) text = `${value} GMT` // asctime has no zone; HTTP means GMT
  else return null // "-5", "1.5", "soon": neither a delay nor a date
  const date = Date.parse(text)
  if (Number.isNaN(date)) return null
  return clamp(date - nowMs)
}

/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = /^[a-z]{3}, \d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/i
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete) */
const RFC850_DATE = /^[a-z]{6,9}, \d{1,2}-[a-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/i
/** `Sun Nov  6 08:49:37 1994` (obsolete) */
const ASCTIME_DATE = /^[a-z]{3} [a-z]{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/i

function clamp(ms: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}
