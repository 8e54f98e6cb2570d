import { z } from 'zod'
import type { SpendFact, UsageFact } from '../ledger/facts'
import { SpendLines, UsageLines } from './fact-lines'
import type { PollContext } from './provider-adapter'
import { badResponse, quote } from './provider-fault'
import { amount, bearer, count, endpoint, numeric, parseShape } from './parse'

const activityShape = z.object({
  data: z.array(
    z
      .object({
        date: z.string(),
        model: z.string().nullable().optional(),
        usage: numeric.nullable().optional(),
        requests: numeric.nullable().optional(),
        prompt_tokens: numeric.nullable().optional(),
        completion_tokens: numeric.nullable().optional(),
        reasoning_tokens: numeric.nullable().optional()
      })
      .passthrough()
  )
})

/**
 * OpenRouter `GET /api/v1/activity` (provider-apis.md §4.3, management key): the last 30 completed
 * UTC days, one item per (date, model, endpoint). Summed per (day, model) into spend lines (USD)
 * and usage lines; a re-poll replaces the days it returns as a whole.
 */
export async function fetchOpenrouterActivity(
  context: PollContext,
  managementKey: string
): Promise<{ spend: SpendFact[]; usage: UsageFact[]; days: string[] }> {
  const response = await context.http.json({ url: endpoint(context.baseUrl, '/api/v1/activity'), headers: bearer(managementKey) })
  const { data } = parseShape(activityShape, response.json, 'OpenRouter activity')
  const spend = new SpendLines()
  const usage = new UsageLines()
  for (const item of data) {
    const day = /^\d{4}-\d{2}-\d{2}/.exec(item.date)?.[0]
    if (!day) throw badResponse('bad_date', `OpenRouter activity date is not a day (${quote(item.date, 30)})`)
    const model = item.model ?? 'unknown model'
    spend.add(day, model, 'USD', amount(item.usage ?? 0, 'usage'))
    usage.add(day, model, {
      inputTokens: count(item.prompt_tokens, 'prompt_tokens'),
      // Reasoning tokens are billed as output.
      outputTokens: count(item.completion_tokens, 'completion_tokens'),
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      requests: count(item.requests, 'requests')
    })
  }
  return { spend: spend.list(), usage: usage.list(), days: [...new Set(spend.list().map((line) => line.day))] }
}
