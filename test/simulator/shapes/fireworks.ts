import type { SimResponse } from '../provider-simulator'

/**
 * Fireworks `GET /v1/accounts` (provider-apis.md §12; docs.fireworks.ai/api-reference/list-accounts):
 * one page of accounts, `nextPageToken` for the next one (empty or absent on the last), `totalSize`.
 */
export function fireworksAccounts(ids: string[], page: { nextPageToken?: string; totalSize?: number } = {}): SimResponse {
  return {
    body: {
      accounts: ids.map((id) => ({ name: `accounts/${id}`, displayName: id, state: 'READY' })),
      nextPageToken: page.nextPageToken ?? '',
      totalSize: page.totalSize ?? ids.length
    }
  }
}

/** `GET /v1/accounts/{id}/billing/summary`: line items with google.type.Money totals (units string, nanos int). */
export function fireworksSummary(items: { series: string; units: string | number; nanos: number; currency?: string }[]): SimResponse {
  return {
    body: {
      lineItems: items.map((item) => ({
        series: item.series,
        totalCost: { currencyCode: item.currency ?? 'USD', units: item.units, nanos: item.nanos }
      })),
      usageBuckets: []
    }
  }
}
