import { z } from 'zod'
import { emptyFacts, type BalanceFact, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { ProviderFault } from './provider-fault'
import { fetchOpenrouterActivity } from './openrouter-activity'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

const creditsShape = z.object({
  data: z.object({ total_credits: numeric, total_usage: numeric })
})

const keyShape = z.object({
  data: z.object({
    limit: numeric.nullable().optional(),
    limit_remaining: numeric.nullable().optional(),
    usage: numeric.nullable().optional()
  })
})

/**
 * OpenRouter (provider-apis.md §4). `/api/v1/credits` gives the account balance but the current
 * docs require a management key, so a 401/403 there falls back to `/api/v1/key`, which any key can
 * read: the key's own limit, what is left of it, and its usage. Both are USD. With the optional
 * management key (option `managementKey`, kept in the keychain) `/credits` is read with it and
 * `/api/v1/activity` adds daily spend and usage by model.
 */
export const openrouterAdapter: ProviderAdapter = {
  id: 'openrouter',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = bearer(context.key)
    const managementKey = await context.secret('managementKey')
    const facts = emptyFacts()
    try {
      const creditHeaders = managementKey ? bearer(managementKey) : headers
      const credits = await context.http.json({ url: endpoint(context.baseUrl, '/api/v1/credits'), headers: creditHeaders })
      const { data } = parseShape(creditsShape, credits.json, 'OpenRouter credits')
      const total = amount(data.total_credits, 'total_credits') - amount(data.total_usage, 'total_usage')
      facts.balances.push(usd('total', total))
    } catch (error) {
      // Without a management key a rejected /credits only means "this key may not read the account".
      const keyCannotReadCredits = !managementKey && error instanceof ProviderFault && error.status === 'auth_failed'
      if (!keyCannotReadCredits) throw error
    }
    const key = await context.http.json({ url: endpoint(context.baseUrl, '/api/v1/key'), headers })
    const { data } = parseShape(keyShape, key.json, 'OpenRouter key')
    if (data.limit_remaining != null) facts.balances.push(usd('key_limit_remaining', amount(data.limit_remaining, 'limit_remaining')))
    if (data.limit != null) facts.balances.push(usd('key_limit', amount(data.limit, 'limit')))
    if (data.usage != null) facts.balances.push(usd('key_usage', amount(data.usage, 'usage')))
    if (managementKey) {
      const activity = await fetchOpenrouterActivity(context, managementKey)
      facts.spend = activity.spend
      facts.usage = activity.usage
      facts.replaceDays = { spend: activity.days, usage: activity.days }
    }
    return facts
  }
}

function usd(kind: BalanceFact['kind'], amountMicros: number): BalanceFact {
  return { unit: 'USD', kind, amountMicros, source: 'official' }
}
