import type { z } from 'zod'
import { calls, type CallName, type Handlers } from '../../shared/contract'
import { CofferError, type Wire } from '../../shared/errors'

/** True when `name` is a call the contract declares (own keys only: no `__proto__` tricks). */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name)
}

/**
 * Runs one bridge call for any transport: checks the name, validates the request with the
 * contract's schema, runs the handler and wraps the outcome in a {@link Wire} envelope. Never
 * throws; an unexpected error becomes `internal` with its message (handlers never put secrets in
 * messages).
 */
export async function dispatchCall(handlers: Handlers, name: string, rawRequest: unknown): Promise<Wire<unknown>> {
  if (!isCallName(name)) return { ok: false, code: 'unknown_call', message: `Unknown call "${name}".` }
  const parsed = calls[name].request.safeParse(rawRequest ?? {})
  if (!parsed.success) return { ok: false, code: 'bad_request', message: describeIssues(parsed.error) }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof CofferError) return { ok: false, code: error.code, message: error.message }
    console.error(`Coffer: ${name} failed:`, error)
    return { ok: false, code: 'internal', message: `Something went wrong in Coffer (${(error as Error).message}).` }
  }
}

/** Zod issues as one readable sentence: `draft.label: Give the account a label.` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
