import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { addDays, startOfUtcDay } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse } from './provider-fault'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

const balanceShape = z.object({
  canConsume: z.boolean(),
  consumptionCurrency: z.string().nullable().optional(),
  balances: z.object({ usd: numeric.nullable().optional(), diem: numeric.nullable().optional() }).passthrough(),
  diemEpochAllocation: numeric.nullable().optional()
})

/**
 * Venice `GET /api/v1/billing/balance` (docs.venice.ai/api-reference/endpoint/billing/balance):
 * Bearer ADMIN key; `{ canConsume, consumptionCurrency, balances: { diem, usd }, diemEpochAllocation }`.
 * USD is the prepaid balance; DIEM is what is left of today's staked allocation (1 DIEM = $1 of
 * API credit per day, refreshed at 00:00 UTC: docs.venice.ai/overview/vvv-diem), recorded in its
 * own unit with the allocation as its limit and the next UTC midnight as its reset.
 * `canConsume: false` (no DIEM and no USD left) keeps the figures and says so in a warning.
 */
export const veniceAdapter: ProviderAdapter = {
  id: 'venice',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({ url: endpoint(context.baseUrl, '/api/v1/billing/balance'), headers: bearer(context.key) })
    const body = parseShape(balanceShape, response.json, 'Venice balance')
    const { usd, diem } = body.balances
    if ((usd === undefined || usd === null) && (diem === undefined || diem === null)) {
      throw badResponse('no_balances', 'Venice balance: balances has neither usd nor diem')
    }
    const facts = emptyFacts()
    if (usd !== undefined && usd !== null) facts.balances.push({ unit: 'USD', kind: 'total', amountMicros: amount(usd, 'balances.usd'), source: 'official' })
    if (diem !== undefined && diem !== null) {
      const resetsAt = addDays(startOfUtcDay(context.now), 1).toISOString()
      facts.balances.push({ unit: 'DIEM', kind: 'total', amountMicros: amount(diem, 'balances.diem'), source: 'official', resetsAt })
      const allocation = body.diemEpochAllocation
      if (allocation !== undefined && allocation !== null) {
        facts.balances.push({ unit: 'DIEM', kind: 'limit', amountMicros: amount(allocation, 'diemEpochAllocation'), source: 'official', resetsAt })
      }
    }
    if (!body.canConsume) facts.warnings = ['Venice says this account cannot make API requests now (canConsume is false): no DIEM and no USD left.']
    return facts
  }
}
