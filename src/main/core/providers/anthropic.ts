import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines, UsageLines } from './fact-lines'
import { historyWindow, rfc3339 } from './history-window'
import { fetchCursorPages } from './paginate'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { type DailyLines, fetchAnalyticsCost, fetchAnalyticsUsage } from './anthropic-analytics'
import { amount, count, numeric } from './parse'
import { badResponse, quote } from './provider-fault'

const ANTHROPIC_VERSION = '2023-06-01'
/** cost_report amounts are cents (the lowest currency unit) as decimal strings: "123.45" = $1.2345. */
const CENTS_SHIFT = -2

const pageShape = <T extends z.ZodType>(result: T) =>
  z.object({
    data: z.array(z.object({ starting_at: z.string(), results: z.array(result) })),
    has_more: z.boolean().optional(),
    next_page: z.string().nullable().optional()
  })

const costPage = pageShape(
  z.object({
    currency: z.string().min(1).nullable().optional(),
    amount: numeric,
    description: z.string().nullable().optional(),
    cost_type: z.string().nullable().optional(),
    model: z.string().nullable().optional()
  })
)

const usagePage = pageShape(
  z.object({
    uncached_input_tokens: numeric.nullable().optional(),
    cache_creation: z
      .object({ ephemeral_1h_input_tokens: numeric.nullable().optional(), ephemeral_5m_input_tokens: numeric.nullable().optional() })
      .nullable()
      .optional(),
    cache_read_input_tokens: numeric.nullable().optional(),
    output_tokens: numeric.nullable().optional(),
    model: z.string().nullable().optional()
  })
)

/**
 * Anthropic Admin API (provider-apis.md §3): `x-api-key` + `anthropic-version`. Cost and usage come
 * from the Usage and Cost Analytics API (`/v1/organizations/analytics/cost` and `/usage`, beta, by
 * model; requests counted) where the organisation has it; otherwise from the legacy cost_report
 * grouped by description → spend lines (cents → dollars, exactly) and usage_report/messages grouped
 * by model → usage lines with uncached input, cache reads and cache writes (5 m + 1 h) kept apart.
 * The legacy report leaves out Priority Tier costs ("Priority Tier costs are not available in the
 * cost endpoint": usage-cost-api docs). Every page is followed; 90 days on the first poll, then the
 * last few days again (newer figures replace).
 */
export const anthropicAdapter: ProviderAdapter = {
  id: 'anthropic',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const window = historyWindow(context.now, context.lastSuccessAt)
    const base = { starting_at: rfc3339(window.start), ending_at: rfc3339(window.end), bucket_width: '1d', limit: '31' }
    const headers = { 'x-api-key': context.key ?? '', 'anthropic-version': ANTHROPIC_VERSION }
    // The analytics API where the organisation has it, the legacy reports otherwise (each on its own).
    const cost = (await fetchAnalyticsCost(context, headers, window)) ?? (await fetchCostReport(context, headers, base))
    const usage = (await fetchAnalyticsUsage(context, headers, window)) ?? (await fetchUsageReport(context, headers, base))
    // Each day answered is one complete day: those days are replaced as a whole.
    return { ...emptyFacts(), spend: cost.lines.list(), usage: usage.lines.list(), replaceDays: { spend: cost.days, usage: usage.days } }
  }
}

/** The legacy usage report grouped by model: daily tokens with cache writes and reads apart. */
async function fetchUsageReport(context: PollContext, headers: Record<string, string>, base: Record<string, string>): Promise<DailyLines<UsageLines>> {
  const usageParams = { ...base, 'group_by[]': 'model' }
  const usageBuckets = await fetchCursorPages(context, { path: '/v1/organizations/usage_report/messages', params: usageParams, headers }, usagePage, 'Anthropic usage report')
  const usage = new UsageLines()
  for (const bucket of usageBuckets) {
    const day = bucketDay(bucket.starting_at)
    for (const result of bucket.results) {
      const creation = result.cache_creation
      usage.add(day, result.model ?? 'all models', {
        inputTokens: count(result.uncached_input_tokens, 'uncached_input_tokens'),
        cachedInputTokens: count(result.cache_read_input_tokens, 'cache_read_input_tokens'),
        cacheWriteTokens:
          count(creation?.ephemeral_5m_input_tokens, 'ephemeral_5m_input_tokens') +
          count(creation?.ephemeral_1h_input_tokens, 'ephemeral_1h_input_tokens'),
        outputTokens: count(result.output_tokens, 'output_tokens'),
        requests: 0
      })
    }
  }
  return { lines: usage, days: usageBuckets.map((b) => bucketDay(b.starting_at)) }
}

/** The legacy cost report grouped by description: daily spend lines and the days its buckets cover. */
async function fetchCostReport(context: PollContext, headers: Record<string, string>, base: Record<string, string>): Promise<DailyLines<SpendLines>> {
  const costParams = { ...base, 'group_by[]': 'description' }
  const costBuckets = await fetchCursorPages(context, { path: '/v1/organizations/cost_report', params: costParams, headers }, costPage, 'Anthropic cost report')
  const spend = new SpendLines()
  for (const bucket of costBuckets) {
    const day = bucketDay(bucket.starting_at)
    for (const result of bucket.results) {
      const item = result.description ?? result.model ?? result.cost_type ?? 'Unattributed'
      spend.add(day, item, (result.currency ?? 'USD').toUpperCase(), amount(result.amount, 'amount', CENTS_SHIFT))
    }
  }
  return { lines: spend, days: costBuckets.map((b) => bucketDay(b.starting_at)) }
}

function bucketDay(startingAt: string): string {
  const time = Date.parse(startingAt)
  if (Number.isNaN(time)) throw badResponse('bad_time', `starting_at is not a time (${quote(startingAt, 40)})`)
  return new Date(time).toISOString().slice(0, 10)
}
