import type { z } from 'zod'

/** One request/response call of the bridge. */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req
  response: Res
  /** TSDoc for people; also printed by `coffer serve` at `/api`. */
  summary: string
}

/** Helper that keeps literal types while checking the shape of a call table. */
export function defineCalls<T extends Record<string, CallSpec>>(calls: T): T {
  return calls
}

/** Helper for push-event tables (main → renderer). */
export function defineEvents<T extends Record<string, z.ZodType>>(events: T): T {
  return events
}
