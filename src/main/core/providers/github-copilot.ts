import { z } from 'zod'
import { dayOf } from '../ledger/days'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines } from './fact-lines'
import { addDays, historyWindow, startOfUtcDay } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse } from './provider-fault'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

/** GitHub's REST API version (docs.github.com/rest/about-the-rest-api/api-versions). */
const GITHUB_API_VERSION = '2022-11-28'
/** An organization is read one day per request: at most this many days per poll. */
const MAX_ORG_DAYS = 31

const userUsageShape = z.object({
  usageItems: z
    .array(
      z
        .object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must start with YYYY-MM-DD'), product: z.string(), sku: z.string(), netAmount: numeric })
        .passthrough()
    )
    .default([])
})

const premiumUsageShape = z.object({
  usageItems: z.array(z.object({ sku: z.string(), model: z.string().nullable().optional(), netAmount: numeric }).passthrough()).default([])
})

/**
 * GitHub enhanced billing REST API (docs.github.com/rest/billing/usage; shapes as in google/go-github
 * billing.go `UsageItem` / `PremiumRequestUsageItem`), fine-grained token, Bearer,
 * `X-GitHub-Api-Version: 2022-11-28`. Amounts are USD JSON numbers (`netAmount` = gross − discount,
 * what is billed), read exactly.
 * - Your own account (`ownerType=user`): `GET /users/{owner}/settings/billing/usage?year&month`
 *   → `usageItems: [{ date, product, sku, quantity, unitType, pricePerUnit, grossAmount,
 *   discountAmount, netAmount }]`, one per day and SKU; Copilot items become spend lines by SKU.
 * - An organization (`ownerType=org`): `GET /organizations/{owner}/settings/billing/premium_request/usage
 *   ?year&month&day` → `usageItems: [{ product, sku, model, grossQuantity, grossAmount, netQuantity,
 *   netAmount, … }]` for that one day, a spend line per model.
 * Each day asked for is complete and replaces what the ledger had.
 */
export const githubCopilotAdapter: ProviderAdapter = {
  id: 'github-copilot',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const owner = context.account.options.owner?.trim()
    if (!owner) throw badResponse('missing_owner', 'this GitHub Copilot account has no user or organization name; add it in the account settings', null)
    const headers = { ...bearer(context.key), accept: 'application/vnd.github+json', 'x-github-api-version': GITHUB_API_VERSION }
    const { spend, days } = context.account.options.ownerType === 'org' ? await readOrganization(context, owner, headers) : await readUser(context, owner, headers)
    return { ...emptyFacts(), spend: spend.list(), replaceDays: { spend: days } }
  }
}

async function readUser(context: PollContext, owner: string, headers: Record<string, string>): Promise<{ spend: SpendLines; days: string[] }> {
  const window = historyWindow(context.now, context.lastSuccessAt, MAX_ORG_DAYS)
  const days = dayList(window.start, window.end)
  const spend = new SpendLines()
  const months = [...new Set(days.map((day) => day.slice(0, 7)))]
  for (const month of months) {
    const query = new URLSearchParams({ year: month.slice(0, 4), month: String(Number(month.slice(5, 7))) })
    const response = await context.http.json({ url: `${endpoint(context.baseUrl, `/users/${encodeURIComponent(owner)}/settings/billing/usage`)}?${query}`, headers })
    const body = parseShape(userUsageShape, response.json, 'GitHub billing usage')
    for (const [index, item] of body.usageItems.entries()) {
      const day = item.date.slice(0, 10)
      if (!item.product.toLowerCase().includes('copilot') || !days.includes(day)) continue
      spend.add(day, item.sku, 'USD', amount(item.netAmount, `usageItems[${index}].netAmount`))
    }
  }
  return { spend, days }
}

async function readOrganization(context: PollContext, owner: string, headers: Record<string, string>): Promise<{ spend: SpendLines; days: string[] }> {
  const today = startOfUtcDay(context.now)
  const first = context.lastSuccessAt === null ? new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)) : historyWindow(context.now, context.lastSuccessAt, MAX_ORG_DAYS).start
  const days = dayList(first, addDays(today, 1))
  const spend = new SpendLines()
  for (const day of days) {
    const query = new URLSearchParams({ year: day.slice(0, 4), month: String(Number(day.slice(5, 7))), day: String(Number(day.slice(8, 10))) })
    const url = `${endpoint(context.baseUrl, `/organizations/${encodeURIComponent(owner)}/settings/billing/premium_request/usage`)}?${query}`
    const body = parseShape(premiumUsageShape, (await context.http.json({ url, headers })).json, 'GitHub premium request usage')
    for (const [index, item] of body.usageItems.entries()) {
      spend.add(day, item.model?.trim() || item.sku, 'USD', amount(item.netAmount, `usageItems[${index}].netAmount`))
    }
  }
  return { spend, days }
}

function dayList(start: Date, end: Date): string[] {
  const days: string[] = []
  for (let day = start; day < end; day = addDays(day, 1)) days.push(dayOf(day))
  return days
}
