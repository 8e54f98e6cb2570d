import { z } from 'zod'
import { dayOf } from '../ledger/days'
import { SpendLines, UsageLines } from './fact-lines'
import { addDays, type DayWindow, rfc3339 } from './history-window'
import { fetchCursorPages } from './paginate'
import { amount, count, numeric } from './parse'
import type { PollContext } from './provider-adapter'
import { ProviderFault } from './provider-fault'

/**
 * The documented successor of `cost_report` and `usage_report/messages`: the Usage and Cost
 * Analytics API, `GET /v1/organizations/analytics/cost` and `…/analytics/usage`
 * (platform.claude.com/docs/en/manage-claude/usage-cost-api: "For new integrations, use the Usage
 * and Cost Analytics API"; …/usage-cost-analytics-api). It is in beta and needs this header on every
 * request, besides `anthropic-version`.
 */
export const ANALYTICS_BETA = 'analytics-usage-cost-2026-08-24'
export const ANALYTICS_COST_PATH = '/v1/organizations/analytics/cost'
export const ANALYTICS_USAGE_PATH = '/v1/organizations/analytics/usage'
/** Without a bucket the report defaults to "starting_at plus 31 days": ask at most that much at a time. */
const MAX_RANGE_DAYS = 31

const page = <T extends z.ZodType>(row: T) =>
  z.object({ data: z.array(row), has_more: z.boolean().optional(), next_page: z.string().nullable().optional() })

const groupShape = z.object({ model: z.string().nullable().optional(), cost_type: z.string().nullable().optional() }).passthrough().nullable().optional()

// BetaAnalyticsCostItem { starting_at, ending_at, group, cost { amount, currency, list_amount,
// request_count } }; amount is "post-discount, pre-credit, in fractional cents (minor units)",
// currency "currently always USD" (platform.claude.com/docs/en/api/go/beta/organization/analytics/cost).
const costRow = z.object({
  starting_at: z.string(),
  group: groupShape,
  cost: z.object({ amount: numeric, currency: z.string().min(1).nullable().optional() }).passthrough()
})

// BetaAnalyticsUsageItem { starting_at, ending_at, group, usage }; BetaAnalyticsUsageMetrics
// { uncached_input_tokens, cache_creation { ephemeral_1h_input_tokens, ephemeral_5m_input_tokens },
// cache_read_input_tokens, output_tokens, requests, server_tool_use, total_tokens } (anthropic-sdk-ruby
// Anthropic::Models::Beta::Organization::Analytics::BetaAnalyticsUsageItem / …UsageMetrics).
const usageRow = z.object({
  starting_at: z.string(),
  group: groupShape,
  usage: z
    .object({
      uncached_input_tokens: numeric.nullable().optional(),
      cache_creation: z
        .object({ ephemeral_1h_input_tokens: numeric.nullable().optional(), ephemeral_5m_input_tokens: numeric.nullable().optional() })
        .nullable()
        .optional(),
      cache_read_input_tokens: numeric.nullable().optional(),
      output_tokens: numeric.nullable().optional(),
      requests: numeric.nullable().optional()
    })
    .passthrough()
})

/** Daily lines from the analytics API and the days they cover completely. */
export interface DailyLines<T> {
  lines: T
  days: string[]
}

/**
 * Daily cost by model over `window`; `null` where the organisation cannot use the analytics API
 * (see {@link fetchRows}), so the caller falls back to the legacy `cost_report`.
 */
export async function fetchAnalyticsCost(context: PollContext, headers: Record<string, string>, window: DayWindow): Promise<DailyLines<SpendLines> | null> {
  const result = await fetchRows(context, headers, window, ANALYTICS_COST_PATH, page(costRow), 'Anthropic cost analytics')
  if (!result) return null
  const lines = new SpendLines()
  for (const row of result.rows) {
    const item = row.group?.model ?? row.group?.cost_type ?? 'Anthropic API'
    lines.add(rowDay(row.starting_at), item, (row.cost.currency ?? 'USD').toUpperCase(), amount(row.cost.amount, 'cost.amount', -2))
  }
  return { lines, days: result.days }
}

/** Daily tokens and requests by model over `window`; `null` where the analytics API is not offered. */
export async function fetchAnalyticsUsage(context: PollContext, headers: Record<string, string>, window: DayWindow): Promise<DailyLines<UsageLines> | null> {
  const result = await fetchRows(context, headers, window, ANALYTICS_USAGE_PATH, page(usageRow), 'Anthropic usage analytics')
  if (!result) return null
  const lines = new UsageLines()
  for (const row of result.rows) {
    const usage = row.usage
    const creation = usage.cache_creation
    lines.add(rowDay(row.starting_at), row.group?.model ?? 'all models', {
      inputTokens: count(usage.uncached_input_tokens, 'uncached_input_tokens'),
      cachedInputTokens: count(usage.cache_read_input_tokens, 'cache_read_input_tokens'),
      cacheWriteTokens: count(creation?.ephemeral_5m_input_tokens, 'ephemeral_5m_input_tokens') + count(creation?.ephemeral_1h_input_tokens, 'ephemeral_1h_input_tokens'),
      outputTokens: count(usage.output_tokens, 'output_tokens'),
      requests: count(usage.requests, 'requests')
    })
  }
  return { lines, days: result.days }
}

/**
 * Every row over `window` by day and model, in ranges of at most 31 days. Returns `null` when the
 * API answers 400 (beta or parameters not accepted), 403 (this key may not read it) or 404 (not
 * offered). A rejected key (401), rate limits and server errors fail the poll as usual.
 */
async function fetchRows<T extends { starting_at: string }>(
  context: PollContext,
  headers: Record<string, string>,
  window: DayWindow,
  path: string,
  shape: z.ZodType<{ data: T[]; has_more?: boolean | undefined; next_page?: string | null | undefined }>,
  what: string
): Promise<{ rows: T[]; days: string[] } | null> {
  const rows: T[] = []
  const days: string[] = []
  const analyticsHeaders = { ...headers, 'anthropic-beta': ANALYTICS_BETA }
  for (let start = window.start; start < window.end; start = addDays(start, MAX_RANGE_DAYS)) {
    const end = new Date(Math.min(addDays(start, MAX_RANGE_DAYS).getTime(), window.end.getTime()))
    const params = { starting_at: rfc3339(start), ending_at: rfc3339(end), bucket_width: '1d', 'group_by[]': 'model' }
    try {
      rows.push(...(await fetchCursorPages(context, { path, params, headers: analyticsHeaders }, shape, what)))
    } catch (error) {
      if (error instanceof ProviderFault && [400, 403, 404].includes(error.httpStatus ?? 0)) return null
      throw error
    }
    // Daily buckets over the whole range: a day without rows had nothing.
    for (let day = start; day < end; day = addDays(day, 1)) days.push(dayOf(day))
  }
  return { rows, days }
}

function rowDay(startingAt: string): string {
  const time = Date.parse(startingAt)
  if (Number.isNaN(time)) throw new ProviderFault('bad_response', 'bad_time', 'Unexpected answer from the provider: starting_at is not a time', 200)
  return dayOf(new Date(time))
}
