import type { SimResponse } from '../provider-simulator'

/**
 * xAI `GET /v1/billing/teams/{team}/prepaid/balance` (provider-apis.md §8.1): cents as strings,
 * sign inverted: `total.val` "-250" means $2.50 left.
 */
export function xaiBalance(totalVal: string | number, changes: { status?: string; val: string }[] = []): SimResponse {
  return {
    body: {
      changes: changes.map((change) => ({ topupStatus: change.status ?? 'SUCCEEDED', amount: { val: change.val } })),
      total: { val: totalVal }
    }
  }
}

/** `POST /v1/billing/teams/{team}/usage` (§8.2): one series of daily USD values. */
export function xaiUsage(points: { day: string; usd: number | string }[], limitReached = false): SimResponse {
  return {
    body: {
      timeSeries: [{ dataPoints: points.map((point) => ({ timestamp: `${point.day}T00:00:00Z`, values: [point.usd] })) }],
      limitReached
    }
  }
}
