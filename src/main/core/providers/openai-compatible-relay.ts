import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { dayOf } from '../ledger/days'
import { addDays, startOfUtcDay } from './history-window'
import type { PollContext } from './provider-adapter'
import { amount, endpoint, numeric, parseShape } from './parse'

/** new-api reports an unlimited token as this hard limit. */
const UNLIMITED_USD = 100_000_000
/** Days of `/usage` asked for, as one-api does (relays report the token's whole usage anyway). */
const USAGE_DAYS = 100

const subscriptionShape = z.object({ hard_limit_usd: numeric })
const usageShape = z.object({ total_usage: numeric })

/**
 * OpenAI-compatible relays (new-api, one-api; provider-apis.md §2.3, §21): `GET
 * {base}/v1/dashboard/billing/subscription` for `hard_limit_usd` and `/v1/dashboard/billing/usage`
 * for `total_usage` in 0.01 USD. Balance = hard_limit_usd − total_usage / 100. An unlimited token
 * (hard limit 100000000) has no balance: Coffer records what was used and says so.
 */
export async function pollRelay(context: PollContext, base: string, headers: Record<string, string>): Promise<LedgerFacts> {
  const root = base.replace(/\/+$/, '').replace(/\/v1$/, '')
  const subscription = await context.http.json({ url: endpoint(root, '/v1/dashboard/billing/subscription'), headers })
  const { hard_limit_usd: hardLimit } = parseShape(subscriptionShape, subscription.json, 'relay subscription')
  const today = startOfUtcDay(context.now)
  const query = new URLSearchParams({ start_date: dayOf(addDays(today, -(USAGE_DAYS - 1))), end_date: dayOf(addDays(today, 1)) })
  const usageResponse = await context.http.json({ url: `${endpoint(root, '/v1/dashboard/billing/usage')}?${query}`, headers })
  const { total_usage: totalUsage } = parseShape(usageShape, usageResponse.json, 'relay usage')

  const limit = amount(hardLimit, 'hard_limit_usd')
  const used = amount(totalUsage, 'total_usage', -2)
  const facts = emptyFacts()
  facts.balances.push({ unit: 'USD', kind: 'used', amountMicros: used, source: 'official' })
  // An unlimited token has no balance to show, only what it used (the form's note says so).
  if (limit >= UNLIMITED_USD * 1_000_000) return facts
  facts.balances.unshift({ unit: 'USD', kind: 'total', amountMicros: limit - used, source: 'official' })
  facts.balances.push({ unit: 'USD', kind: 'limit', amountMicros: limit, source: 'official' })
  return facts
}
