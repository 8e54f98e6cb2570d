import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines, UsageLines } from './fact-lines'
import { dayOf } from '../ledger/days'
import { historyWindow, unixSeconds } from './history-window'
import { fetchCursorPages } from './paginate'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, count, numeric } from './parse'

const pageShape = <T extends z.ZodType>(result: T) =>
  z.object({
    data: z.array(z.object({ start_time: numeric, results: z.array(result) })),
    has_more: z.boolean().optional(),
    next_page: z.string().nullable().optional()
  })

// `amount` is optional in the spec (openai/openai-openapi openapi.yaml, CostsResult, 2026-08-21):
// a result without it says nothing about money and is skipped.
const costsPage = pageShape(
  z.object({
    amount: z.object({ value: numeric, currency: z.string().min(1) }).nullable().optional(),
    line_item: z.string().nullable().optional()
  })
)

const usagePage = pageShape(
  z.object({
    input_tokens: numeric.nullable().optional(),
    output_tokens: numeric.nullable().optional(),
    input_cached_tokens: numeric.nullable().optional(),
    // Added 2026-07-15 (openai-openapi UsageCompletionsResult): input_tokens now includes cached and
    // cache-write tokens; these two split the rest.
    input_cache_write_tokens: numeric.nullable().optional(),
    input_uncached_tokens: numeric.nullable().optional(),
    num_model_requests: numeric.nullable().optional(),
    model: z.string().nullable().optional()
  })
)

/**
 * OpenAI organization Costs and Usage APIs (provider-apis.md §2), admin key. Daily cost by line
 * item → spend lines (dollars); daily completions usage by model → usage lines. `input_tokens`
 * includes cached and (since 2026-07-15) cache-write tokens: `input_uncached_tokens` and
 * `input_cache_write_tokens` are read when present, else uncached = input − cached − cache writes
 * (the old arithmetic, with 0 cache writes, for answers without the new fields). Every page is followed; the
 * first poll backfills 90 days, later polls re-fetch the last few days (newer figures replace).
 */
export const openaiAdapter: ProviderAdapter = {
  id: 'openai',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const window = historyWindow(context.now, context.lastSuccessAt)
    const base = { start_time: String(unixSeconds(window.start)), end_time: String(unixSeconds(window.end)), bucket_width: '1d' }
    const headers = bearer(context.key)
    const costParams = { ...base, group_by: 'line_item', limit: '180' }
    const costBuckets = await fetchCursorPages(context, { path: '/v1/organization/costs', params: costParams, headers }, costsPage, 'OpenAI costs')
    const usageParams = { ...base, group_by: 'model', limit: '31' }
    const usageBuckets = await fetchCursorPages(context, { path: '/v1/organization/usage/completions', params: usageParams, headers }, usagePage, 'OpenAI usage')

    const spend = new SpendLines()
    for (const bucket of costBuckets) {
      const day = bucketDay(bucket.start_time)
      for (const result of bucket.results) {
        if (!result.amount) continue
        spend.add(day, result.line_item ?? 'Unattributed', result.amount.currency.toUpperCase(), amount(result.amount.value, 'amount.value'))
      }
    }
    const usage = new UsageLines()
    for (const bucket of usageBuckets) {
      const day = bucketDay(bucket.start_time)
      for (const result of bucket.results) {
        const input = count(result.input_tokens, 'input_tokens')
        const cached = count(result.input_cached_tokens, 'input_cached_tokens')
        const cacheWrites = count(result.input_cache_write_tokens, 'input_cache_write_tokens')
        const uncached =
          result.input_uncached_tokens == null ? Math.max(0, input - cached - cacheWrites) : count(result.input_uncached_tokens, 'input_uncached_tokens')
        usage.add(day, result.model ?? 'all models', {
          inputTokens: uncached,
          cachedInputTokens: cached,
          outputTokens: count(result.output_tokens, 'output_tokens'),
          cacheWriteTokens: cacheWrites,
          requests: count(result.num_model_requests, 'num_model_requests')
        })
      }
    }
    // Each bucket is one complete day: those days are replaced as a whole.
    const replaceDays = { spend: costBuckets.map((b) => bucketDay(b.start_time)), usage: usageBuckets.map((b) => bucketDay(b.start_time)) }
    return { ...emptyFacts(), spend: spend.list(), usage: usage.list(), replaceDays }
  }
}

function bucketDay(startTime: unknown): string {
  const seconds = count(startTime, 'start_time')
  return dayOf(new Date(seconds * 1000))
}
