import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

const creditsShape = z.object({ balance: numeric, total_used: numeric.nullable().optional() })

/**
 * Vercel AI Gateway `GET /v1/credits` (vercel.com/docs/ai-gateway/observability-and-spend/usage):
 * Bearer AI Gateway key; `{ "balance": "95.50", "total_used": "4.50" }`, the team's remaining
 * credit and lifetime spend as USD decimal strings, read exactly. Zero and negative balances are
 * kept as they are.
 */
export const vercelAiGatewayAdapter: ProviderAdapter = {
  id: 'vercel-ai-gateway',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({ url: endpoint(context.baseUrl, '/v1/credits'), headers: bearer(context.key) })
    const body = parseShape(creditsShape, response.json, 'Vercel AI Gateway credits')
    const facts = emptyFacts()
    facts.balances.push({ unit: 'USD', kind: 'total', amountMicros: amount(body.balance, 'balance'), source: 'official' })
    if (body.total_used !== undefined && body.total_used !== null) {
      facts.balances.push({ unit: 'USD', kind: 'used', amountMicros: amount(body.total_used, 'total_used'), source: 'official' })
    }
    return facts
  }
}
