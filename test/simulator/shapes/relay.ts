import type { SimResponse } from '../provider-simulator'

/** new-api / one-api `GET /v1/dashboard/billing/subscription` (provider-apis.md §2.3). */
export function relaySubscription(hardLimitUsd: number): SimResponse {
  return {
    body: {
      object: 'billing_subscription',
      has_payment_method: true,
      soft_limit_usd: hardLimitUsd,
      hard_limit_usd: hardLimitUsd,
      system_hard_limit_usd: hardLimitUsd,
      access_until: 0
    }
  }
}

/** `GET /v1/dashboard/billing/usage`: `total_usage` in 0.01 USD. */
export function relayUsage(totalUsageCents: number): SimResponse {
  return { body: { object: 'list', total_usage: totalUsageCents } }
}
