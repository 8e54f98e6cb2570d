import { z } from 'zod'
import { dayOf } from '../ledger/days'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines } from './fact-lines'
import { addDays, historyWindow } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, ProviderFault, quote } from './provider-fault'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

/** The API version Runway's SDKs send (runwayml/sdk-node); requests without it are refused. */
const RUNWAY_VERSION = '2024-11-06'

const organizationShape = z.object({
  creditBalance: numeric,
  tier: z.object({ maxMonthlyCreditSpend: numeric.nullable().optional() }).passthrough().nullable().optional()
})

const usageShape = z.object({
  results: z.array(
    z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a YYYY-MM-DD date'),
      usedCredits: z.array(z.object({ amount: numeric, model: z.string() }).passthrough()).default([])
    })
  )
})

/**
 * Runway API (runwayml/sdk-node src/resources/organization.ts, generated from Runway's OpenAPI),
 * Bearer key + `X-Runway-Version: 2024-11-06`:
 * - `GET /v1/organization` → `{ creditBalance, tier: { maxMonthlyCreditSpend, models }, usage }`:
 *   the balance and the tier's monthly credit spend limit, both in credits ($0.01 each:
 *   docs.dev.runwayml.com/guides/setup);
 * - `POST /v1/organization/usage` `{ startDate, beforeDate }` (UTC days, end exclusive, at most 90
 *   days) → `{ results: [{ date, usedCredits: [{ amount, model }] }] }`: credits spent per model
 *   per day ("may be negative if refunds exceeded charges"). Secondary: a failure keeps the balance
 *   with a warning.
 */
export const runwayAdapter: ProviderAdapter = {
  id: 'runway',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = { ...bearer(context.key), 'x-runway-version': RUNWAY_VERSION }
    const response = await context.http.json({ url: endpoint(context.baseUrl, '/v1/organization'), headers })
    const body = parseShape(organizationShape, response.json, 'Runway organization')
    const facts = emptyFacts()
    facts.balances.push({ unit: 'credits', kind: 'total', amountMicros: amount(body.creditBalance, 'creditBalance'), source: 'official' })
    const limit = body.tier?.maxMonthlyCreditSpend
    if (limit !== undefined && limit !== null) {
      facts.balances.push({ unit: 'credits', kind: 'limit', amountMicros: amount(limit, 'tier.maxMonthlyCreditSpend'), source: 'official' })
    }
    try {
      const { spend, days } = await readUsage(context, headers)
      facts.spend = spend.list()
      facts.replaceDays = { spend: days }
    } catch (error) {
      if (!(error instanceof ProviderFault)) throw error
      facts.warnings = [`Runway's daily credit usage could not be read (${quote(error.message, 160)}), so only the balance is shown.`]
    }
    return facts
  }
}

async function readUsage(context: PollContext, headers: Record<string, string>): Promise<{ spend: SpendLines; days: string[] }> {
  const window = historyWindow(context.now, context.lastSuccessAt)
  const response = await context.http.json({
    method: 'POST',
    url: endpoint(context.baseUrl, '/v1/organization/usage'),
    headers,
    json: { startDate: dayOf(window.start), beforeDate: dayOf(window.end) }
  })
  const usage = parseShape(usageShape, response.json, 'Runway usage')
  const spend = new SpendLines()
  const days: string[] = []
  for (let day = window.start; day < window.end; day = addDays(day, 1)) days.push(dayOf(day))
  for (const result of usage.results) {
    const day = result.date.slice(0, 10)
    if (!days.includes(day)) throw badResponse('bad_day', `Runway usage answered for ${quote(day, 12)}, outside the days asked for`)
    for (const [index, used] of result.usedCredits.entries()) spend.add(day, used.model, 'credits', amount(used.amount, `usedCredits[${index}].amount`))
  }
  return { spend, days }
}
