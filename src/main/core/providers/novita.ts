import { z } from 'zod'
import { emptyFacts, type BalanceFact, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import type { ProviderResponse } from './provider-http'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'
import { ProviderFault } from './provider-fault'

// Every field is optional in the docs ("User Balance Info",
// https://novita.ai/docs/api-reference/basic-get-user-balance): availableBalance "the user's credit
// balance", cashBalance "the remaining balance of your top-up", creditLimit "the maximum amount you
// can owe", outstandingInvoices "the amount you currently owe"; all 1/10000 USD strings.
const balanceShape = z
  .object({
    availableBalance: numeric.optional(),
    cashBalance: numeric.optional(),
    creditLimit: numeric.optional(),
    outstandingInvoices: numeric.optional()
  })
  .refine((body) => body.cashBalance !== undefined || body.availableBalance !== undefined, {
    message: 'has neither cashBalance nor availableBalance',
    path: ['cashBalance']
  })

/** Novita amounts are in 1/10000 USD (`"10000"` = $1.00). */
const NOVITA_SHIFT = -4

/**
 * Novita `/openapi/v1/billing/balance/detail` (provider-apis.md §9). `availableBalance` is cash
 * plus the credit line (the docs' example: 1000000 = 800000 cash + 200000 credit limit), so it
 * counts money the account may *borrow* as if it were owned. Coffer keeps them apart (issue 13.8):
 * the balance is the cash (`cashBalance`), the credit line (`creditLimit`) and what is owed
 * (`outstandingInvoices`) are their own figures. An answer without cashBalance falls back to
 * availableBalance and the poll's warning says which figure that is. Some deployments wrap the
 * fields in `data`; both forms are read. Falls back to the legacy path on a 404.
 */
export const novitaAdapter: ProviderAdapter = {
  id: 'novita',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await fetchBalance(context)
    const raw = response.json as { data?: unknown; availableBalance?: unknown; cashBalance?: unknown } | null
    const unwrapped = raw && typeof raw === 'object' && raw.availableBalance === undefined && raw.cashBalance === undefined && raw.data
    const body = parseShape(balanceShape, unwrapped ? raw.data : raw, 'Novita balance')
    const facts = emptyFacts()
    const push = (kind: BalanceFact['kind'], value: unknown, field: string): void => {
      facts.balances.push({ unit: 'USD', kind, amountMicros: amount(value, field, NOVITA_SHIFT), source: 'official' })
    }
    if (body.cashBalance !== undefined) {
      push('total', body.cashBalance, 'cashBalance')
    } else {
      push('total', body.availableBalance, 'availableBalance')
      facts.warnings = ['Novita sent no cashBalance, so the balance shown is availableBalance, which includes the credit line (money you may owe).']
    }
    if (body.creditLimit !== undefined) push('credit_line', body.creditLimit, 'creditLimit')
    if (body.outstandingInvoices !== undefined) push('owed', body.outstandingInvoices, 'outstandingInvoices')
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
