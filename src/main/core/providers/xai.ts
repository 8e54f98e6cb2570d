import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines } from './fact-lines'
import { dayOf } from '../ledger/days'
import { historyWindow } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, ProviderFault, quote } from './provider-fault'
import { amount, bearer, businessError, endpoint, numeric, parseShape } from './parse'

/** The prepaid ledger is in cents, as strings, with the sign inverted (top-ups are negative). */
const CENTS_SHIFT = -2

const balanceShape = z.object({
  total: z.object({ val: numeric.nullable().optional() }).passthrough().nullable().optional(),
  code: z.unknown().optional(),
  message: z.string().optional(),
  error: z.unknown().optional()
})

const usageShape = z.object({
  timeSeries: z.array(z.object({ dataPoints: z.array(z.object({ timestamp: z.union([z.string(), z.number()]), values: z.array(numeric.nullable()) })).default([]) })).default([]),
  limitReached: z.boolean().optional()
})

/**
 * xAI Management API (provider-apis.md §8), management key + team id. Prepaid balance: posted
 * USD = −total.val / 100. A 200 body without a readable `total.val` is an error, never $0. Daily
 * USD spend comes from POST …/usage (values[0] per day), over the same window as the admin APIs
 * and always from the first of the current month.
 *
 * Why two balances: the prepaid ledger is the *posted* one. xAI posts spend at billing-cycle close,
 * so mid-cycle it reads higher than the Console's live credit by the cycle's not-yet-posted spend
 * ("posted balance ≈ live remaining + current-cycle spend", checked on a real account:
 * steipete/CodexBar docs/xai.md). Coffer records it as `posted` and the live figure, posted minus
 * this month's usage (UTC), as the balance. When the usage call fails the poll still succeeds with
 * the posted figure alone and a warning that says so (issue 13.3/13.4).
 */
export const xaiAdapter: ProviderAdapter = {
  id: 'xai',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const teamId = context.account.options.teamId
    if (!teamId) throw badResponse('missing_team_id', 'this xAI account has no team id; add it in the account settings', null)
    const team = `/v1/billing/teams/${encodeURIComponent(teamId)}`
    const headers = bearer(context.key)

    const balance = await context.http.json({ url: endpoint(context.baseUrl, `${team}/prepaid/balance`), headers })
    const body = parseShape(balanceShape, balance.json, 'xAI prepaid balance')
    const totalVal = body.total?.val
    if (totalVal === undefined || totalVal === null) {
      throw businessError('xAI', body.code, body.message ?? 'the balance has no total.val')
    }
    const posted = -amount(totalVal, 'total.val', CENTS_SHIFT) || 0

    const facts = emptyFacts()
    const cycleStart = monthStart(context.now)
    let usage: { spend: SpendLines; answered: string[]; cycleSpend: number }
    try {
      usage = await fetchUsage(context, team, headers, cycleStart)
    } catch (error) {
      // The balance is good on its own: keep it, say what is missing. A rejected key would have
      // failed the balance request already.
      if (!(error instanceof ProviderFault)) throw error
      facts.balances.push({ unit: 'USD', kind: 'posted', amountMicros: posted, source: 'official' })
      facts.warnings = [
        `xAI's daily usage could not be read (${quote(error.message, 160)}), so this is the posted balance, before this month's spend is deducted.`
      ]
      return facts
    }
    // Computed from two official figures of the same poll; kept official so the ledger's balance
    // machinery (top-up detection, alerts) reads it as the provider's current figure.
    facts.balances.push({ unit: 'USD', kind: 'total', amountMicros: posted - usage.cycleSpend, source: 'official' })
    facts.balances.push({ unit: 'USD', kind: 'posted', amountMicros: posted, source: 'official' })
    facts.spend = usage.spend.list()
    facts.replaceDays = { spend: usage.answered }
    return facts
  }
}

/** Daily USD spend from `window.start` (or the cycle start, if earlier) to today, and the cycle's sum. */
async function fetchUsage(
  context: PollContext,
  team: string,
  headers: Record<string, string>,
  cycleStart: Date
): Promise<{ spend: SpendLines; answered: string[]; cycleSpend: number }> {
  const window = historyWindow(context.now, context.lastSuccessAt)
  const start = new Date(Math.min(window.start.getTime(), cycleStart.getTime()))
  const usage = await context.http.json({
    method: 'POST',
    url: endpoint(context.baseUrl, `${team}/usage`),
    headers,
    json: {
      analyticsRequest: {
        timeRange: { startTime: xaiTime(start), endTime: xaiTime(window.end), timezone: 'Etc/GMT' },
        timeUnit: 'TIME_UNIT_DAY',
        values: [{ name: 'usd', aggregation: 'AGGREGATION_SUM' }],
        groupBy: [],
        filters: []
      }
    }
  })
  const series = parseShape(usageShape, usage.json, 'xAI usage')
  const spend = new SpendLines()
  const answered: string[] = []
  const cycleDay = dayOf(cycleStart)
  let cycleSpend = 0
  for (const line of series.timeSeries) {
    for (const point of line.dataPoints) {
      const value = point.values[0]
      if (value === undefined || value === null) continue
      const day = pointDay(point.timestamp)
      const micros = amount(value, 'values[0]')
      answered.push(day)
      spend.add(day, 'xAI API', 'USD', micros)
      if (day >= cycleDay) cycleSpend += micros
    }
  }
  return { spend, answered, cycleSpend }
}

/** Midnight UTC on the first of `now`'s month: where xAI's current billing cycle starts. */
function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
}

/**
 * The UTC day of a data point. The request asks for Etc/GMT, so a leading `YYYY-MM-DD` is the day
 * as written (never re-read in the machine's time zone); epoch seconds or milliseconds also work.
 */
function pointDay(timestamp: string | number): string {
  if (typeof timestamp === 'number') return dayOf(new Date(timestamp > 1e11 ? timestamp : timestamp * 1000))
  const day = /^\d{4}-\d{2}-\d{2}/.exec(timestamp.trim())?.[0]
  if (!day) throw badResponse('bad_time', `xAI usage timestamp is not a time (${quote(timestamp, 40)})`)
  return day
}

/** `2026-12-17 00:00:00`: the format xAI's analytics request uses. */
function xaiTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ')
}
