import type { AccountStatus } from '../../../shared/account-status'

/** Every status a poll can end in except success. */
export type FaultStatus = Exclude<AccountStatus, 'ok' | 'never_polled'>

/**
 * A poll that failed for a reason the user should see: a rejected key, a rate limit, a network
 * failure, a provider error or an answer Coffer cannot read. Its message is written for people and
 * never contains the key.
 */
export class ProviderFault extends Error {
  constructor(
    readonly status: FaultStatus,
    /** Machine-readable detail, e.g. `http_401`, `timeout`, `business_error`, `missing_field`. */
    readonly code: string,
    message: string,
    readonly httpStatus: number | null = null,
    /** How long the provider asked us to wait (Retry-After), in ms. */
    readonly retryAfterMs: number | null = null
  ) {
    super(message)
    this.name = 'ProviderFault'
  }
}

/** Shorthand for "the provider answered, but not with what its documentation promises". */
export function badResponse(code: string, detail: string, httpStatus: number | null = 200): ProviderFault {
  return new ProviderFault('bad_response', code, `Unexpected answer from the provider: ${detail}`, httpStatus)
}
