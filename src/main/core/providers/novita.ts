import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import type { ProviderResponse } from './provider-http'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'
import { ProviderFault } from './provider-fault'

const balanceShape = z.object({
  availableBalance: numeric,
  cashBalance: numeric.optional(),
  creditLimit: numeric.optional()
})

/** Novita amounts are in 1/10000 USD (`"10000"` = $1.00). */
const NOVITA_SHIFT = -4

/**
 * Novita `/openapi/v1/billing/balance/detail` (provider-apis.md §9): availableBalance (what can be
 * spent) → total, cashBalance (remaining top-ups) → paid, creditLimit → limit. Some deployments
 * wrap the fields in `data`; both forms are read. Falls back to the legacy path on a 404.
 */
export const novitaAdapter: ProviderAdapter = {
  id: 'novita',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await fetchBalance(context)
    const raw = response.json as { data?: unknown; availableBalance?: unknown } | null
    const candidate = raw && typeof raw === 'object' && raw.availableBalance === undefined && raw.data ? raw.data : raw
    const body = parseShape(balanceShape, candidate, 'Novita balance')
    const facts = emptyFacts()
    const push = (kind: 'total' | 'paid' | 'limit', value: unknown, field: string): void => {
      facts.balances.push({ unit: 'USD', kind, amountMicros: amount(value, field, NOVITA_SHIFT), source: 'official' })
    }
    push('total', body.availableBalance, 'availableBalance')
    if (body.cashBalance !== undefined) push('paid', body.cashBalance, 'cashBalance')
    if (body.creditLimit !== undefined) push('limit', body.creditLimit, 'creditLimit')
    return facts
  }
}

/** The current endpoint, or the legacy `/v3/user/balance` (same fields) where the current one is missing (404). */
async function fetchBalance(context: PollContext): Promise<ProviderResponse> {
  const headers = bearer(context.key)
  try {
    return await context.http.json({ url: endpoint(context.baseUrl, '/openapi/v1/billing/balance/detail'), headers })
  } catch (error) {
    if (!(error instanceof ProviderFault && error.httpStatus === 404)) throw error
    return context.http.json({ url: endpoint(context.baseUrl, '/v3/user/balance'), headers })
  }
}
