import type { ErrorCode } from '../../../shared/errors'

/**
 * Codes a bridge call can fail with: the contract's {@link ErrorCode}s, plus two that only the
 * HTTP transport produces (`unauthorized`: the session token was refused; `network`: the server
 * could not be reached).
 */
export type BridgeErrorCode = ErrorCode | 'unauthorized' | 'network'

/** A failed bridge call. `message` is written for the user and says what to do. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'BridgeError'
  }
}

/** The user-facing message of anything thrown by a bridge call. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong. Try again, and restart Coffer if it keeps happening.'
}

/** The `code` of a thrown bridge error (Electron's preload also rethrows errors with a `code`). */
export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code
  }
  return null
}
