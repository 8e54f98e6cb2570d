import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse } from './provider-fault'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

const balanceShape = z.object({
  is_available: z.boolean().optional(),
  balance_infos: z.array(
    z.object({
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code'),
      total_balance: numeric,
      granted_balance: numeric.optional(),
      topped_up_balance: numeric.optional()
    })
  )
})

/**
 * DeepSeek `/user/balance` (provider-apis.md §5): one entry per currency (CNY and/or USD), each
 * split into granted (bonus, expiring) and topped-up credit. Amounts arrive as strings or numbers.
 */
export const deepseekAdapter: ProviderAdapter = {
  id: 'deepseek',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({
      url: endpoint(context.baseUrl, '/user/balance'),
      headers: bearer(context.key)
    })
    const body = parseShape(balanceShape, response.json, 'DeepSeek balance')
    if (body.balance_infos.length === 0) throw badResponse('no_balances', 'DeepSeek returned no balance entries')
    const facts = emptyFacts()
    for (const info of body.balance_infos) {
      const unit = info.currency
      facts.balances.push({ unit, kind: 'total', amountMicros: amount(info.total_balance, 'total_balance'), source: 'official' })
      if (info.topped_up_balance !== undefined) {
        facts.balances.push({ unit, kind: 'paid', amountMicros: amount(info.topped_up_balance, 'topped_up_balance'), source: 'official' })
      }
      if (info.granted_balance !== undefined) {
        facts.balances.push({ unit, kind: 'granted', amountMicros: amount(info.granted_balance, 'granted_balance'), source: 'official' })
      }
    }
    return facts
  }
}
