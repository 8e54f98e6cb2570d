import type { SimResponse } from '../provider-simulator'

/**
 * Response builders for OpenRouter's documented shapes (provider-apis.md §4). Amounts are USD as
 * JSON numbers, as OpenRouter sends them.
 */

/** `GET /credits`: `{ data: { total_credits, total_usage } }`. */
export function openrouterCredits(input: { totalCredits: number; totalUsage: number }): SimResponse {
  return { status: 200, body: { data: { total_credits: input.totalCredits, total_usage: input.totalUsage } } }
}

/** Fields of `GET /key`; `limit`/`limitRemaining` are `null` for a key without a limit. */
export interface OpenrouterKeyInput {
  label?: string
  limit?: number | null
  limitRemaining?: number | null
  limitReset?: string | null
  usage?: number
  usageDaily?: number
  usageWeekly?: number
  usageMonthly?: number
  byokUsage?: number
  isFreeTier?: boolean
  isManagementKey?: boolean
  expiresAt?: string | null
}

/** `GET /key`: the current key's limit and usage windows (values per key, not per account). */
export function openrouterKey(input: OpenrouterKeyInput = {}): SimResponse {
  const usage = input.usage ?? 0
  const byok = input.byokUsage ?? 0
  return {
    status: 200,
    body: {
      data: {
        label: input.label ?? 'sk-or-v1-au7...890',
        limit: input.limit ?? null,
        limit_remaining: input.limitRemaining ?? null,
        limit_reset: input.limitReset ?? null,
        include_byok_in_limit: false,
        usage,
        usage_daily: input.usageDaily ?? usage,
        usage_weekly: input.usageWeekly ?? usage,
        usage_monthly: input.usageMonthly ?? usage,
        byok_usage: byok,
        byok_usage_daily: byok,
        byok_usage_weekly: byok,
        byok_usage_monthly: byok,
        is_free_tier: input.isFreeTier ?? false,
        is_management_key: input.isManagementKey ?? false,
        is_provisioning_key: false,
        creator_user_id: 'user_2dHFtVWx2n56w6HkM0000000000',
        expires_at: input.expiresAt ?? null,
        rate_limit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' }
      }
    }
  }
}

/** One item of `GET /activity` (management key; last 30 completed UTC days). */
export interface OpenrouterActivityInput {
  date: string
  model: string
  usage: number
  requests?: number
  promptTokens?: number
  completionTokens?: number
  reasoningTokens?: number
  providerName?: string
}

/** `GET /activity`: `{ data: [ { date, model, usage, requests, prompt_tokens, … } ] }`. */
export function openrouterActivity(items: readonly OpenrouterActivityInput[]): SimResponse {
  return {
    status: 200,
    body: {
      data: items.map((item) => ({
        date: item.date,
        model: item.model,
        model_permaslug: item.model,
        endpoint_id: `ep-${item.model.replace(/[^a-z0-9]+/gi, '-')}`,
        provider_name: item.providerName ?? 'OpenAI',
        usage: item.usage,
        byok_usage_inference: 0,
        requests: item.requests ?? 1,
        prompt_tokens: item.promptTokens ?? 0,
        completion_tokens: item.completionTokens ?? 0,
        reasoning_tokens: item.reasoningTokens ?? 0
      }))
    }
  }
}

/**
 * An OpenRouter error: `{ error: { code, message, metadata? } }` with the HTTP status equal to
 * `code` (401 bad key, 402 no credits, 429 rate limited; pass `retryAfterSeconds` for 429).
 */
export function openrouterError(
  code: number,
  message: string,
  options: { retryAfterSeconds?: number; metadata?: Record<string, unknown> } = {}
): SimResponse {
  const headers: Record<string, string> = {}
  if (options.retryAfterSeconds !== undefined) headers['retry-after'] = String(options.retryAfterSeconds)
  const error: Record<string, unknown> = { code, message }
  if (options.metadata) error.metadata = options.metadata
  return { status: code, headers, body: { error } }
}
