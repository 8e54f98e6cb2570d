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

const costsPage = pageShape(
  z.object({
    amount: z.object({ value: numeric, currency: z.string().min(1) }),
    line_item: z.string().nullable().optional()
  })
)

const usagePage = pageShape(
  z.object({
    input_tokens: numeric.nullable().optional(),
    output_tokens: numeric.nullable().optional(),
    input_cached_tokens: numeric.nullable().optional(),
    num_model_requests: numeric.nullable().optional(),
    model: z.string().nullable().optional()
  })
)

/**
 * OpenAI organization Costs and Usage APIs (provider-apis.md §2), admin key. Daily cost by line
 * item → spend lines (dollars); daily completions usage by model → usage lines, where
 * `input_tokens` includes cached tokens, so uncached = input − cached. Every page is followed; the
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
        spend.add(day, result.line_item ?? 'Unattributed', result.amount.currency.toUpperCase(), amount(result.amount.value, 'amount.value'))
      }
    }
    const usage = new UsageLines()
    for (const bucket of usageBuckets) {
      const day = bucketDay(bucket.start_time)
      for (const result of bucket.results) {
        const input = count(result.input_tokens, 'input_tokens')
        const cached = count(result.input_cached_tokens, 'input_cached_tokens')
        usage.add(day, result.model ?? 'all models', {
          inputTokens: Math.max(0, input - cached),
          cachedInputTokens: cached,
          outputTokens: count(result.output_tokens, 'output_tokens'),
          cacheWriteTokens: 0,
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
