import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, endpoint, numeric, parseShape } from './parse'

const subscriptionShape = z.object({
  character_count: numeric,
  character_limit: numeric,
  next_character_count_reset_unix: numeric.nullable().optional()
})

/**
 * ElevenLabs `/v1/user/subscription` (provider-apis.md §11), key in `xi-api-key`. Quota in
 * characters (credits) for the current period: remaining = character_limit − character_count.
 * The reset time stays in the raw response; the ledger has no field for a quota reset yet.
 */
export const elevenlabsAdapter: ProviderAdapter = {
  id: 'elevenlabs',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({
      url: endpoint(context.baseUrl, '/v1/user/subscription'),
      headers: { 'xi-api-key': context.key ?? '' }
    })
    const body = parseShape(subscriptionShape, response.json, 'ElevenLabs subscription')
    const used = amount(body.character_count, 'character_count')
    const limit = amount(body.character_limit, 'character_limit')
    const facts = emptyFacts()
    const unit = 'characters'
    facts.balances.push({ unit, kind: 'total', amountMicros: limit - used, source: 'official' })
    facts.balances.push({ unit, kind: 'used', amountMicros: used, source: 'official' })
    facts.balances.push({ unit, kind: 'limit', amountMicros: limit, source: 'official' })
    return facts
  }
}
