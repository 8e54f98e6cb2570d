import type { SimResponse } from '../provider-simulator'

/**
 * new-api / one-api `GET /v1/dashboard/billing/subscription` (provider-apis.md §2.3). Despite the
 * name, `hard_limit_usd` is in the site's display unit (new-api controller/billing.go: USD, CNY or
 * tokens; one-api: raw quota when currency display is off); 100000000 marks an unlimited token.
 */
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

/** `GET /v1/dashboard/billing/usage`: `total_usage` in hundredths of the same display unit (0.01 USD on a USD site). */
export function relayUsage(totalUsageCents: number): SimResponse {
  return { body: { object: 'list', total_usage: totalUsageCents } }
}
