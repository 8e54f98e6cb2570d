import type { SimResponse } from '../provider-simulator'

/** Novita `GET /openapi/v1/billing/balance/detail` (provider-apis.md §9): 1/10000 USD as strings. */
export function novitaBalance(input: { available: string | number; cash: string | number; creditLimit: string | number }): SimResponse {
  return {
    body: {
      availableBalance: input.available,
      cashBalance: input.cash,
      creditLimit: input.creditLimit,
      pendingCharges: '0',
      outstandingInvoices: '0'
    }
  }
}
