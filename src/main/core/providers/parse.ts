import { z } from 'zod'
import { toMicros, type Micros } from '../../../shared/money'
import { badResponse, ProviderFault, quote } from './provider-fault'

/** A JSON number or a numeric string, as providers send amounts (DeepSeek switched between both). */
export const numeric = z.union([z.number(), z.string()])

/**
 * Validates a provider body against the shape its documentation promises. A mismatch is a
 * `bad_response`, never a silent zero.
 */
export function parseShape<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body)
  if (!result.success) {
    // An HTTP-200 error envelope (`{"error": {"code", "message"}}`, as relays and gateways send) is
    // the provider saying no, not an unreadable answer: keep its words and its code.
    const envelope = errorEnvelope(body)
    if (envelope) throw businessError(what, envelope.code, envelope.message)
    const issue = result.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'body'
    throw badResponse('unexpected_shape', `${what}: ${where} ${issue?.message ?? 'is invalid'}`)
  }
  return result.data
}

/** `{ error: { code?, message } }` or `{ error: "message" }`, the common error envelope; else `null`. */
function errorEnvelope(body: unknown): { code: unknown; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null
  const error = (body as { error: unknown }).error
  if (typeof error === 'string' && error.trim()) return { code: undefined, message: error }
  if (typeof error !== 'object' || error === null) return null
  const { code, message } = error as { code?: unknown; message?: unknown }
  return typeof message === 'string' && message.trim() ? { code, message } : null
}

/** {@link toMicros} that reports an unreadable amount as a `bad_response`. */
export function amount(value: unknown, field: string, shiftDecimal = 0): Micros {
  try {
    return toMicros(value, shiftDecimal)
  } catch {
    throw badResponse('bad_amount', `${field} is not a number (${describeAmount(value)})`)
  }
}

/**
 * What was found instead of a number, for the error message. Only short, number-like text is
 * quoted ("12,5", "N/A"): a provider or proxy may echo the key into any field, and a cut-off
 * key quoted in a message would still be most of the key.
 */
function describeAmount(value: unknown): string {
  if (typeof value === 'string') {
    return /^[\d\s.,'+\-–]{0,20}$|^[a-z/ ]{0,5}$/i.test(value) ? JSON.stringify(value) : `text of ${value.length} characters`
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value
}

/** Joins a base URL (no trailing slash) and a documented path. */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`
}

/** A token or request count: a non-negative integer as a JSON number or numeric string; null/absent = 0. */
export function count(value: unknown, field: string): number {
  if (value === null || value === undefined) return 0
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw badResponse('bad_count', `${field} is not a whole number (${quote(JSON.stringify(value) ?? typeof value, 30)})`)
  }
  return number
}

/** `Authorization: Bearer <key>`. */
export function bearer(key: string | null): Record<string, string> {
  return { authorization: `Bearer ${key ?? ''}` }
}

/**
 * An HTTP-200 answer whose body says the request failed (SiliconFlow `code`, Moonshot `status`):
 * a provider error, or a rejected key when the body's code says so. Never a zero balance.
 */
export function businessError(provider: string, code: unknown, message: unknown): ProviderFault {
  const said = typeof message === 'string' && message.trim() ? ` The provider said: “${quote(message.trim(), 200)}”` : ''
  const codeText = code === undefined ? '' : ` (code ${quote(JSON.stringify(code) ?? typeof code, 20)})`
  if (code === 401 || code === 403 || code === '401' || code === '403') {
    return new ProviderFault('auth_failed', 'business_auth', `${provider} rejected the key${codeText}.${said}`, 200)
  }
  return new ProviderFault('provider_error', 'business_error', `${provider} answered with an error${codeText}.${said}`, 200)
}
