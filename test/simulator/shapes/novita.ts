import type { SimResponse } from '../provider-simulator'

/**
 * Novita `GET /openapi/v1/billing/balance/detail` (provider-apis.md §9; novita.ai/docs/api-reference/
 * basic-get-user-balance): 1/10000 USD as strings. `availableBalance` = cash + credit limit in the
 * docs' example; `outstandingInvoices` is what the account owes.
 */
export function novitaBalance(input: {
  available: string | number
  cash: string | number
  creditLimit: string | number
  outstanding?: string | number
  pending?: string | number
}): SimResponse {
  return {
    body: {
      availableBalance: input.available,
      cashBalance: input.cash,
      creditLimit: input.creditLimit,
      pendingCharges: input.pending ?? '0',
      outstandingInvoices: input.outstanding ?? '0'
    }
  }
}
