/** One daily bucket of `/v1/organizations/cost_report` (provider-apis.md §3.2): amounts are CENTS as decimal strings. */
export interface AnthropicCostInput {
  day: string
  lines: { description: string | null; cents: string | number; model?: string | null }[]
}

/** One daily bucket of `/v1/organizations/usage_report/messages` (§3.1). */
export interface AnthropicUsageInput {
  day: string
  models: { model: string | null; uncached: number; cache5m: number; cache1h: number; cacheRead: number; output: number }[]
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().replace('.000Z', 'Z')

export function anthropicCostBucket(input: AnthropicCostInput): unknown {
  return {
    starting_at: `${input.day}T00:00:00Z`,
    ending_at: nextDay(input.day),
    results: input.lines.map((line) => ({
      currency: 'USD',
      amount: line.cents,
      workspace_id: null,
      description: line.description,
      cost_type: 'tokens',
      context_window: '0-200k',
      model: line.model ?? 'claude-sonnet-4-20250514',
      service_tier: 'standard',
      token_type: 'uncached_input_tokens',
      inference_geo: null
    }))
  }
}

export function anthropicUsageBucket(input: AnthropicUsageInput): unknown {
  return {
    starting_at: `${input.day}T00:00:00Z`,
    ending_at: nextDay(input.day),
    results: input.models.map((row) => ({
      uncached_input_tokens: row.uncached,
      cache_creation: { ephemeral_1h_input_tokens: row.cache1h, ephemeral_5m_input_tokens: row.cache5m },
      cache_read_input_tokens: row.cacheRead,
      output_tokens: row.output,
      server_tool_use: { web_search_requests: 0 },
      api_key_id: null,
      workspace_id: null,
      model: row.model,
      service_tier: null,
      context_window: null
    }))
  }
}

/**
 * One row of the Usage and Cost Analytics API, `GET /v1/organizations/analytics/cost` (beta
 * `analytics-usage-cost-2026-08-24`): a flat row per day and group, `cost.amount` in fractional
 * cents (platform.claude.com/docs/en/api/go/beta/organization/analytics/cost, BetaAnalyticsCostItem).
 */
export function anthropicAnalyticsCostRow(input: { day: string; model: string | null; cents: string | number; listCents?: string | number }): unknown {
  return {
    starting_at: `${input.day}T00:00:00Z`,
    ending_at: nextDay(input.day),
    group: { model: input.model, cost_type: null, token_type: null, workspace_id: null },
    cost: { amount: input.cents, currency: 'USD', list_amount: input.listCents ?? input.cents, request_count: 3 }
  }
}

/**
 * One row of `GET /v1/organizations/analytics/usage`: BetaAnalyticsUsageItem { starting_at,
 * ending_at, group, usage: BetaAnalyticsUsageMetrics } (anthropic-sdk-ruby models).
 */
export function anthropicAnalyticsUsageRow(input: {
  day: string
  model: string | null
  uncached: number
  cache5m: number
  cache1h: number
  cacheRead: number
  output: number
  requests: number
}): unknown {
  return {
    starting_at: `${input.day}T00:00:00Z`,
    ending_at: nextDay(input.day),
    group: { model: input.model, workspace_id: null },
    usage: {
      uncached_input_tokens: input.uncached,
      cache_creation: { ephemeral_1h_input_tokens: input.cache1h, ephemeral_5m_input_tokens: input.cache5m },
      cache_read_input_tokens: input.cacheRead,
      output_tokens: input.output,
      requests: input.requests,
      server_tool_use: { web_search_requests: 0 },
      total_tokens: input.uncached + input.cache1h + input.cache5m + input.cacheRead + input.output
    }
  }
}
