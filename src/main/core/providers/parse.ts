import { z } from 'zod'
import { toMicros, type Micros } from '../../../shared/money'
import { badResponse } from './provider-fault'

/** A JSON number or a numeric string, as providers send amounts (DeepSeek switched between both). */
export const numeric = z.union([z.number(), z.string()])

/**
 * Validates a provider body against the shape its documentation promises. A mismatch is a
 * `bad_response`, never a silent zero.
 */
export function parseShape<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'body'
    throw badResponse('unexpected_shape', `${what}: ${where} ${issue?.message ?? 'is invalid'}`)
  }
  return result.data
}

/** {@link toMicros} that reports an unreadable amount as a `bad_response`. */
export function amount(value: unknown, field: string, shiftDecimal = 0): Micros {
  try {
    return toMicros(value, shiftDecimal)
  } catch {
    throw badResponse('bad_amount', `${field} is not a number (${JSON.stringify(value)?.slice(0, 30)})`)
  }
}

/** Joins a base URL (no trailing slash) and a documented path. */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`
}
