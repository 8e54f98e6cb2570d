import { z } from 'zod'
import { emptyFacts, type BalanceFact, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { ProviderFault, quote } from './provider-fault'
import { fetchOpenrouterActivity } from './openrouter-activity'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

const creditsShape = z.object({
  data: z.object({ total_credits: numeric, total_usage: numeric })
})

const keyShape = z.object({
  data: z.object({
    limit: numeric.nullable().optional(),
    limit_remaining: numeric.nullable().optional(),
    usage: numeric.nullable().optional(),
    // The key's limit period and the usage of the current UTC day/week/month (OpenRouter API
    // reference, GET /api/v1/key; @openrouter/sdk `limitReset`: "daily" | "weekly" | "monthly" |
    // null, "resets happen automatically at midnight UTC, and weeks are Monday through Sunday").
    limit_reset: z.string().nullable().optional(),
    usage_daily: numeric.nullable().optional(),
    usage_weekly: numeric.nullable().optional(),
    usage_monthly: numeric.nullable().optional(),
    is_free_tier: z.boolean().nullable().optional()
  })
})

type KeyData = z.infer<typeof keyShape>['data']

/**
 * OpenRouter (provider-apis.md §4). `/api/v1/credits` gives the account balance but the current
 * docs require a management key, so a 401/403 there falls back to `/api/v1/key`, which any key can
 * read: the key's own limit, what is left of it, and its usage. Both are USD. With the optional
 * management key (option `managementKey`, kept in the keychain) `/credits` is read with it and
 * `/api/v1/activity` adds daily spend and usage by model.
 *
 * A key whose limit resets (`limit_reset`) reports what is left *of this period*, so its usage is
 * the same period's (`usage_daily/weekly/monthly`), both with the reset time. Once the account
 * balance is read, `/key` and `/activity` are secondary: their failure keeps the balance and
 * becomes the poll's warning (issue 13.3, 13.5).
 */
export const openrouterAdapter: ProviderAdapter = {
  id: 'openrouter',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = bearer(context.key)
    const managementKey = await context.secret('managementKey')
    const facts = emptyFacts()
    const warnings: string[] = []
    try {
      const creditHeaders = managementKey ? bearer(managementKey) : headers
      const credits = await context.http.json({ url: endpoint(context.baseUrl, '/api/v1/credits'), headers: creditHeaders })
      const { data } = parseShape(creditsShape, credits.json, 'OpenRouter credits')
      const total = amount(data.total_credits, 'total_credits') - amount(data.total_usage, 'total_usage')
      facts.balances.push(usd('total', total))
    } catch (error) {
      // Without a management key a rejected /credits only means "this key may not read the account".
      const keyCannotReadCredits = !managementKey && error instanceof ProviderFault && error.status === 'auth_failed'
      if (!keyCannotReadCredits) throw error
    }
    const haveBalance = facts.balances.length > 0
    try {
      const key = await context.http.json({ url: endpoint(context.baseUrl, '/api/v1/key'), headers })
      const { data } = parseShape(keyShape, key.json, 'OpenRouter key')
      facts.balances.push(...keyFigures(data, context.now))
    } catch (error) {
      if (!haveBalance || !(error instanceof ProviderFault)) throw error
      warnings.push(`OpenRouter's key limits could not be read (${quote(error.message, 160)}).`)
    }
    if (managementKey) {
      try {
        const activity = await fetchOpenrouterActivity(context, managementKey)
        facts.spend = activity.spend
        facts.usage = activity.usage
        facts.replaceDays = { spend: activity.days, usage: activity.days }
      } catch (error) {
        if (!(error instanceof ProviderFault)) throw error
        warnings.push(`OpenRouter's daily activity could not be read (${quote(error.message, 160)}); spend by model is from the last good poll.`)
      }
    }
    if (warnings.length > 0) facts.warnings = warnings
    return facts
  }
}

/** The key's figures: what is left of its limit, the limit, and its usage, in the limit's period when it resets. */
function keyFigures(data: KeyData, now: Date): BalanceFact[] {
  const period = periodOf(data.limit_reset)
  const resetsAt = period ? nextReset(period, now) : null
  const figures: BalanceFact[] = []
  if (data.limit_remaining != null) figures.push({ ...usd('key_limit_remaining', amount(data.limit_remaining, 'limit_remaining')), resetsAt })
  if (data.limit != null) figures.push(usd('key_limit', amount(data.limit, 'limit')))
  const periodUsage = period ? data[`usage_${period}`] : undefined
  if (period && periodUsage != null) figures.push({ ...usd('key_usage', amount(periodUsage, `usage_${period}`)), resetsAt })
  else if (data.usage != null) figures.push(usd('key_usage', amount(data.usage, 'usage')))
  return figures
}

type Period = 'daily' | 'weekly' | 'monthly'

function periodOf(value: string | null | undefined): Period | null {
  return value === 'daily' || value === 'weekly' || value === 'monthly' ? value : null
}

/** The next midnight UTC that starts a new day, Monday-based week or month. */
export function nextReset(period: Period, now: Date): string {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const d = now.getUTCDate()
  if (period === 'monthly') return new Date(Date.UTC(y, m + 1, 1)).toISOString()
  if (period === 'daily') return new Date(Date.UTC(y, m, d + 1)).toISOString()
  const daysToMonday = ((8 - now.getUTCDay()) % 7) || 7
  return new Date(Date.UTC(y, m, d + daysToMonday)).toISOString()
}

function usd(kind: BalanceFact['kind'], amountMicros: number): BalanceFact {
  return { unit: 'USD', kind, amountMicros, source: 'official' }
}
