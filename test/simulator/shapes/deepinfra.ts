import type { SimResponse } from '../provider-simulator'

/**
 * DeepInfra `GET /payment/checklist?compute_owed=true`: `{ stripe_balance, recent, limit,
 * suspended, suspend_reason }` in USD; a negative `stripe_balance` is prepaid funds.
 */
export function deepinfraChecklist(input: { stripeBalance: number; recent: number; limit?: number | null; suspended?: boolean; reason?: string | null }): SimResponse {
  return {
    body: {
      stripe_balance: input.stripeBalance,
      recent: input.recent,
      limit: input.limit ?? null,
      suspended: input.suspended ?? false,
      suspend_reason: input.reason ?? null
    }
  }
}

/** DeepInfra `GET /payment/usage?from=current`: `{ months: [{ period: "YYYY.MM", total_cost }] }`, cents. */
export function deepinfraUsage(months: readonly { period: string; cents: number }[]): SimResponse {
  return { body: { months: months.map((month) => ({ period: month.period, total_cost: month.cents, items: [] })), initial_month: months[0]?.period ?? null } }
}
