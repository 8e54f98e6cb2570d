/**
 * What the last poll of an account concluded. A failed poll never erases data: the last good
 * values stay, marked stale, and the status says why they are old.
 */
export const accountStatuses = [
  'ok',
  'never_polled',
  'auth_failed',
  'rate_limited',
  'unreachable',
  'provider_error',
  'bad_response',
  'keychain_unavailable'
] as const

export type AccountStatus = (typeof accountStatuses)[number]

/** One sentence per status, written for the person looking at the card. */
export const accountStatusText: Record<AccountStatus, string> = {
  ok: 'Up to date',
  never_polled: 'Not checked yet',
  auth_failed: 'Key rejected',
  rate_limited: 'Rate limited by the provider',
  unreachable: 'Provider unreachable',
  provider_error: 'Provider reported an error',
  bad_response: 'Unexpected answer from the provider',
  keychain_unavailable: 'Keychain unavailable'
}

/** Statuses that mean "the user must act" rather than "wait and retry". */
export function needsUserAction(status: AccountStatus): boolean {
  return status === 'auth_failed' || status === 'keychain_unavailable'
}
