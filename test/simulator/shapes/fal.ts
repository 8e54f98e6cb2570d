import type { SimResponse } from '../provider-simulator'

/**
 * fal `GET /v1/account/billing?expand=credits` (fal.ai/docs/platform-apis/v1/account/billing):
 * `{ username, credits: { current_balance, currency } }`; `credits` only when expanded.
 */
export function falBilling(balance: number | string, options: { currency?: string; username?: string } = {}): SimResponse {
  return { body: { username: options.username ?? 'my-team', credits: { current_balance: balance, currency: options.currency ?? 'USD' } } }
}

/** The same answer without the `credits` block (what a request without `expand=credits` gets). */
export function falBillingWithoutCredits(): SimResponse {
  return { body: { username: 'my-team' } }
}
