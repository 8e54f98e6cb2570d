/** Error codes every transport (IPC, HTTP, CLI) understands. */
export const errorCodes = [
  'bad_request',
  'not_found',
  'conflict',
  'forbidden',
  'keychain_unavailable',
  'unknown_call',
  'internal'
] as const

export type ErrorCode = (typeof errorCodes)[number]

/**
 * An error meant for the user: its message says what happened and what to do. Handlers throw it;
 * the IPC router and the HTTP server turn it into `{ ok: false, code, message }`; the CLI prints
 * the message and exits 2 (bad usage) or 1.
 */
export class CofferError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'CofferError'
  }
}

/** The result envelope of every bridge call, whatever the transport. */
export type Wire<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string }
