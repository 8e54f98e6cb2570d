import type { SimResponse } from '../provider-simulator'

/** ElevenLabs `GET /v1/user/subscription` (provider-apis.md §11.1): characters used and allowed this period. */
export function elevenlabsSubscription(input: { count: number | string; limit: number | string; resetUnix?: number }): SimResponse {
  return {
    body: {
      tier: 'creator',
      character_count: input.count,
      character_limit: input.limit,
      max_character_limit_extension: null,
      can_extend_character_limit: true,
      allowed_to_extend_character_limit: true,
      next_character_count_reset_unix: input.resetUnix ?? 1767225600,
      voice_slots_used: 3,
      professional_voice_slots_used: 0,
      voice_limit: 30,
      currency: 'usd',
      status: 'active',
      billing_period: 'monthly_period',
      character_refresh_period: 'monthly_period',
      next_invoice: null,
      has_open_invoices: false
    }
  }
}

/** 401 for a bad key. */
export function elevenlabsAuthError(): SimResponse {
  return { status: 401, body: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } } }
}
