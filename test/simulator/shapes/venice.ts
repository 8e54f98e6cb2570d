import type { SimResponse } from '../provider-simulator'

/**
 * Venice `GET /api/v1/billing/balance` (docs.venice.ai/api-reference/endpoint/billing/balance):
 * `{ canConsume, consumptionCurrency, balances: { diem, usd }, diemEpochAllocation }`.
 */
export function veniceBalance(input: { usd: number | null; diem: number | null; allocation?: number; canConsume?: boolean; currency?: string | null }): SimResponse {
  return {
    body: {
      canConsume: input.canConsume ?? true,
      consumptionCurrency: input.currency === undefined ? 'DIEM' : input.currency,
      balances: { diem: input.diem, usd: input.usd },
      diemEpochAllocation: input.allocation ?? 0
    }
  }
}
