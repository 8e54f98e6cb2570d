/**
 * One request's token counts as a coding agent logged it: the only things Coffer takes from the
 * agents' logs (never prompt or response text).
 */
export interface UsageEvent {
  /**
   * What makes this request the same request wherever it is written again (a second content
   * block, a resumed or side conversation, a forked session, a re-read file): counted once.
   */
  key: string
  /** Claude Code message id, for side-conversation replays that carry a new request id. */
  messageId: string | null
  /** A side-conversation (`isSidechain`) copy: dropped when its message was already counted. */
  sidechain: boolean
  /** UTC day of the request, `YYYY-MM-DD`. */
  day: string
  model: string
  /** Input tokens neither read from nor written to the cache. */
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
  /** Part of `output` the model spent reasoning (Codex); informational, never priced twice. */
  reasoning: number
}

/** What one line of a log gave. */
export type LineResult = { kind: 'event'; event: UsageEvent } | { kind: 'skip' } | { kind: 'garbage' }

export const SKIP: LineResult = { kind: 'skip' }
export const GARBAGE: LineResult = { kind: 'garbage' }

/** A non-negative whole token count, or `null` for anything else (a string, -1, 1.5, NaN). */
export function tokenCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
}

/** The UTC day of an ISO timestamp (or epoch seconds / milliseconds), or `null` when it is not a time. */
export function utcDay(value: unknown): string | null {
  let ms: number
  if (typeof value === 'string') ms = Date.parse(value)
  else if (typeof value === 'number' && Number.isFinite(value)) ms = value < 1e11 ? value * 1000 : value
  else return null
  if (!Number.isFinite(ms)) return null
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

/** `value` as an object, or `null`. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/** A non-empty string, or `null`. */
export function asText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null
}
