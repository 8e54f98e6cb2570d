import type { SimHandler, SimRequest } from '../provider-simulator'

/** One daily bucket of `/v1/organization/costs` (provider-apis.md §2.2): dollars, lowercase currency. */
export interface OpenaiCostInput {
  day: string
  /** `value: null` sends a result without `amount` (optional in the spec). */
  lines: { lineItem: string | null; value: number | string | null; currency?: string }[]
}

/**
 * One daily bucket of `/v1/organization/usage/completions` (§2.1): input_tokens INCLUDES cached
 * tokens and, since 2026-07-15, cache-write tokens. `cacheWrite`/`uncached` add the fields that
 * date introduced (openai/openai-openapi, UsageCompletionsResult); leave them out for the old shape.
 */
export interface OpenaiUsageInput {
  day: string
  models: {
    model: string | null
    input: number | string
    cached: number | string
    output: number | string
    requests: number | string
    cacheWrite?: number | string
    uncached?: number | string
  }[]
}

const seconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000

export function openaiCostBucket(input: OpenaiCostInput): unknown {
  return {
    object: 'bucket',
    start_time: seconds(input.day),
    end_time: seconds(input.day) + 86_400,
    results: input.lines.map((line) => ({
      object: 'organization.costs.result',
      ...(line.value === null ? {} : { amount: { value: line.value, currency: line.currency ?? 'usd' } }),
      quantity: null,
      line_item: line.lineItem,
      project_id: null,
      organization_id: 'org-abc'
    }))
  }
}

export function openaiUsageBucket(input: OpenaiUsageInput): unknown {
  return {
    object: 'bucket',
    start_time: seconds(input.day),
    end_time: seconds(input.day) + 86_400,
    results: input.models.map((row) => ({
      object: 'organization.usage.completions.result',
      input_tokens: row.input,
      output_tokens: row.output,
      num_model_requests: row.requests,
      project_id: null,
      user_id: null,
      api_key_id: null,
      model: row.model,
      batch: null,
      input_cached_tokens: row.cached,
      ...(row.cacheWrite === undefined ? {} : { input_cache_write_tokens: row.cacheWrite }),
      ...(row.uncached === undefined ? {} : { input_uncached_tokens: row.uncached }),
      input_audio_tokens: 0,
      output_audio_tokens: 0
    }))
  }
}

/**
 * Serves `pages` (each a list of buckets) as OpenAI/Anthropic-style cursor pages: page N+1 is
 * returned for `page=<cursor of N>`; the last page has `has_more: false, next_page: null`. A
 * `SimResponse` in the list is sent as is (to fail a given page).
 */
export function cursorPages(pages: readonly (readonly unknown[] | { status: number; body?: unknown; fault?: 'reset' })[], options: { objectKey?: boolean } = {}): SimHandler {
  return (req: SimRequest) => {
    const cursor = req.query.get('page')
    const index = cursor === null ? 0 : Number(/^cursor-(\d+)$/.exec(cursor)?.[1] ?? -1)
    const page = pages[index]
    if (page === undefined) return { status: 400, body: { error: { message: `unknown page ${cursor}` } } }
    if (!Array.isArray(page)) return page as never
    const last = index === pages.length - 1
    return {
      body: {
        ...(options.objectKey === false ? {} : { object: 'page' }),
        data: page,
        has_more: !last,
        next_page: last ? null : `cursor-${index + 1}`
      }
    }
  }
}
