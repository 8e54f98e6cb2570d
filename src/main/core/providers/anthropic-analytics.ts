import { z } from 'zod'
import { dayOf } from '../ledger/days'
import { SpendLines } from './fact-lines'
import { addDays, type DayWindow, rfc3339 } from './history-window'
import { fetchCursorPages } from './paginate'
import { amount, numeric } from './parse'
import type { PollContext } from './provider-adapter'
import { ProviderFault } from './provider-fault'

/**
 * The documented successor of `cost_report`: the Usage and Cost Analytics API, `GET
 * /v1/organizations/analytics/cost` (platform.claude.com/docs/en/manage-claude/usage-cost-api: "For
 * new integrations, use the Usage and Cost Analytics API"; …/usage-cost-analytics-api). It is in beta
 * and needs this header on every request, besides `anthropic-version`.
 */
export const ANALYTICS_BETA = 'analytics-usage-cost-2026-08-24'
export const ANALYTICS_COST_PATH = '/v1/organizations/analytics/cost'
/** Without a bucket the report defaults to "starting_at plus 31 days": ask at most that much at a time. */
const MAX_RANGE_DAYS = 31

// BetaAnalyticsCostItem { starting_at, ending_at, group, cost { amount, currency, list_amount,
// request_count } }; amount is "post-discount, pre-credit, in fractional cents (minor units)",
// currency "currently always USD" (platform.claude.com/docs/en/api/go/beta/organization/analytics/cost).
const costPage = z.object({
  data: z.array(
    z.object({
      starting_at: z.string(),
      group: z.object({ model: z.string().nullable().optional(), cost_type: z.string().nullable().optional() }).passthrough().nullable().optional(),
      cost: z.object({ amount: numeric, currency: z.string().min(1).nullable().optional() }).passthrough()
    })
  ),
  has_more: z.boolean().optional(),
  next_page: z.string().nullable().optional()
})

/** Daily spend by model from the analytics API, and the days it covered; `null` where the API is not offered. */
export interface AnalyticsCost {
  spend: SpendLines
  days: string[]
}

/**
 * Reads daily cost by model over `window`, in ranges of at most 31 days. Returns `null` when this
 * organisation cannot use the analytics API — it answers 400 (beta or parameters not accepted), 403
 * (this key may not read it) or 404 (not offered) — so the caller falls back to the legacy
 * `cost_report`. A rejected key (401), rate limits and server errors fail the poll as usual.
 */
export async function fetchAnalyticsCost(context: PollContext, headers: Record<string, string>, window: DayWindow): Promise<AnalyticsCost | null> {
  const spend = new SpendLines()
  const days: string[] = []
  const analyticsHeaders = { ...headers, 'anthropic-beta': ANALYTICS_BETA }
  for (let start = window.start; start < window.end; start = addDays(start, MAX_RANGE_DAYS)) {
    const end = new Date(Math.min(addDays(start, MAX_RANGE_DAYS).getTime(), window.end.getTime()))
    const params = { starting_at: rfc3339(start), ending_at: rfc3339(end), bucket_width: '1d', 'group_by[]': 'model' }
    let rows: z.infer<typeof costPage>['data']
    try {
      rows = await fetchCursorPages(context, { path: ANALYTICS_COST_PATH, params, headers: analyticsHeaders }, costPage, 'Anthropic cost analytics')
    } catch (error) {
      if (error instanceof ProviderFault && [400, 403, 404].includes(error.httpStatus ?? 0)) return null
      throw error
    }
    for (const row of rows) {
      const time = Date.parse(row.starting_at)
      if (Number.isNaN(time)) continue
      const item = row.group?.model ?? row.group?.cost_type ?? 'Anthropic API'
      spend.add(dayOf(new Date(time)), item, (row.cost.currency ?? 'USD').toUpperCase(), amount(row.cost.amount, 'cost.amount', -2))
    }
    // Daily buckets over the whole range: a day without rows had no cost.
    for (let day = start; day < end; day = addDays(day, 1)) days.push(dayOf(day))
  }
  return { spend, days }
}
