import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, businessError, endpoint, numeric, parseShape } from './parse'

const billingShape = z.object({
  username: z.string().optional(),
  credits: z
    .object({ current_balance: numeric.nullable().optional(), currency: z.string().nullable().optional() })
    .passthrough()
    .nullable()
    .optional(),
  detail: z.unknown().optional(),
  message: z.unknown().optional()
})

/**
 * fal Platform API `GET /v1/account/billing?expand=credits` (fal.ai/docs/platform-apis/v1/account/billing):
 * `Authorization: Key <admin key>` (the key needs `billing:usage:read`); the answer is
 * `{ username, credits: { current_balance, currency } }`, `credits` only when expanded. A 200
 * without a readable `credits.current_balance` is an error, never $0 (CodexBar docs/fal.md saw such
 * answers). Amounts are dollars as JSON numbers (or numeric strings), read exactly.
 *
 * Credit lots: "Purchased credits expire 365 days from the date of purchase" (fal.ai/docs/model-apis/faq).
 * The API has no purchase history, so the descriptor's `creditLifetimeDays` makes each top-up the
 * ledger detects from a rising balance a lot expiring 365 days after it was seen.
 */
export const falAdapter: ProviderAdapter = {
  id: 'fal',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({
      url: `${endpoint(context.baseUrl, '/v1/account/billing')}?expand=credits`,
      headers: { authorization: `Key ${context.key ?? ''}` }
    })
    const body = parseShape(billingShape, response.json, 'fal billing')
    const balance = body.credits?.current_balance
    if (balance === undefined || balance === null) {
      throw businessError('fal', undefined, typeof body.detail === 'string' ? body.detail : 'the answer has no credits.current_balance')
    }
    const currency = body.credits?.currency?.trim().toUpperCase()
    const unit = currency && /^[A-Z]{3}$/.test(currency) ? currency : 'USD'
    const facts = emptyFacts()
    facts.balances.push({ unit, kind: 'total', amountMicros: amount(balance, 'credits.current_balance'), source: 'official' })
    return facts
  }
}
