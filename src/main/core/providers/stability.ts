import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

const balanceShape = z.object({ credits: numeric })

/** Stability `/v1/user/balance` (provider-apis.md §10): `{ credits }`, a float of Stability credits, not money. */
export const stabilityAdapter: ProviderAdapter = {
  id: 'stability',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({ url: endpoint(context.baseUrl, '/v1/user/balance'), headers: bearer(context.key) })
    const body = parseShape(balanceShape, response.json, 'Stability balance')
    const facts = emptyFacts()
    facts.balances.push({ unit: 'credits', kind: 'total', amountMicros: amount(body.credits, 'credits'), source: 'official' })
    return facts
  }
}
