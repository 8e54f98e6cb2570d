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
 * `next_character_count_reset_unix` (seconds) becomes the figures' reset time. Beyond the quota
 * the balance is 0 and the excess is an `overage` figure.
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
    const resetsAt = resetTime(body.next_character_count_reset_unix)
    // With usage-based billing a paid plan keeps working past its quota and the extra characters
    // are billed ("usage-based billing", elevenlabs.io/pricing; character_count then exceeds
    // character_limit). That is overage, not a negative balance: nothing is left (0) and the
    // overage is its own figure until the period resets (issue 13.9).
    facts.balances.push({ unit, kind: 'total', amountMicros: Math.max(0, limit - used), source: 'official', resetsAt })
    facts.balances.push({ unit, kind: 'used', amountMicros: used, source: 'official', resetsAt })
    facts.balances.push({ unit, kind: 'limit', amountMicros: limit, source: 'official' })
    if (used > limit) facts.balances.push({ unit, kind: 'overage', amountMicros: used - limit, source: 'official', resetsAt })
    return facts
  }
}

/** Unix seconds → ISO time; null when absent or unreadable (the figures still count). */
function resetTime(value: unknown): string | null {
  const seconds = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
