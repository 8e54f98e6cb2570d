import { z } from 'zod'
import { dayOf } from '../ledger/days'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines } from './fact-lines'
import { addDays, historyWindow } from './history-window'
import { collectPages } from './paginate'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, ProviderFault, quote } from './provider-fault'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

/** Poe keeps 30 days of history ("Data available for up to 30 days"). */
const HISTORY_DAYS = 30

const balanceShape = z.object({ current_point_balance: numeric })

const historyShape = z.object({
  has_more: z.boolean().optional(),
  data: z
    .array(
      z
        .object({
          creation_time: z.union([z.number(), z.string()]),
          bot_name: z.string().nullable().optional(),
          app_name: z.string().nullable().optional(),
          query_id: z.string(),
          cost_points: numeric.nullable().optional()
        })
        .passthrough()
    )
    .default([])
})

/**
 * Poe Usage API (creator.poe.com/docs/resources/usage-api), Bearer key:
 * - `GET /usage/current_balance` → `{ current_point_balance }`, an integer of points (plan + add-on);
 * - `GET /usage/points_history?limit=100[&starting_after=<query_id>]` → `{ has_more, data: [{
 *   creation_time, bot_name, query_id, usage_type, cost_points }] }`, newest first, 30 days kept.
 *   `creation_time` is "Unix timestamp in microseconds" in the reference (getPointsHistory) while the
 *   guide's example shows seconds and `app_name`: both are read (the magnitude tells the unit).
 * Points spent are summed per UTC day and bot into spend lines in `points`. History is secondary:
 * when it fails, the poll keeps the balance and names what it could not read.
 */
export const poeAdapter: ProviderAdapter = {
  id: 'poe',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = bearer(context.key)
    const response = await context.http.json({ url: endpoint(context.baseUrl, '/usage/current_balance'), headers })
    const body = parseShape(balanceShape, response.json, 'Poe balance')
    const facts = emptyFacts()
    facts.balances.push({ unit: 'points', kind: 'total', amountMicros: amount(body.current_point_balance, 'current_point_balance'), source: 'official' })
    try {
      const { spend, days } = await readHistory(context, headers)
      facts.spend = spend.list()
      facts.replaceDays = { spend: days }
    } catch (error) {
      if (!(error instanceof ProviderFault)) throw error
      facts.warnings = [`Poe's points history could not be read (${quote(error.message, 160)}), so only the balance is shown.`]
    }
    return facts
  }
}

/** Every entry back to the window's first day; the window's days are then complete. */
async function readHistory(context: PollContext, headers: Record<string, string>): Promise<{ spend: SpendLines; days: string[] }> {
  const window = historyWindow(context.now, context.lastSuccessAt, HISTORY_DAYS)
  const spend = new SpendLines()
  const from = window.start.getTime()
  await collectPages(async (cursor) => {
    const query = new URLSearchParams({ limit: '100' })
    if (cursor) query.set('starting_after', cursor)
    const page = await context.http.json({ url: `${endpoint(context.baseUrl, '/usage/points_history')}?${query}`, headers })
    const history = parseShape(historyShape, page.json, 'Poe points history')
    let reachedStart = false
    for (const entry of history.data) {
      const at = entryTime(entry.creation_time)
      if (at < from) {
        reachedStart = true
        continue
      }
      const bot = (entry.bot_name ?? entry.app_name ?? '').trim() || 'unknown bot'
      spend.add(dayOf(new Date(at)), bot, 'points', amount(entry.cost_points ?? 0, 'cost_points'))
    }
    const last = history.data.at(-1)
    const more = history.has_more === true && !reachedStart
    return { items: [], hasMore: more, nextPage: more ? (last?.query_id ?? null) : null }
  }, 'Poe points history')
  const days: string[] = []
  for (let day = window.start; day < window.end; day = addDays(day, 1)) days.push(dayOf(day))
  return { spend, days }
}

/** Milliseconds from Unix microseconds (the reference), milliseconds or seconds (the guide's example). */
function entryTime(value: number | string): number {
  const number = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(number) || number < 0) throw badResponse('bad_time', `Poe creation_time is not a time (${quote(String(value), 40)})`)
  if (number > 1e14) return Math.floor(number / 1000)
  if (number > 1e11) return number
  return number * 1000
}
