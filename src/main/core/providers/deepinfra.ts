import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { ProviderFault, quote } from './provider-fault'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

/** `/payment/usage` totals are cents; the checklist's money fields are dollars. */
const CENTS_SHIFT = -2

const checklistShape = z.object({
  stripe_balance: numeric,
  recent: numeric.nullable().optional(),
  limit: numeric.nullable().optional(),
  suspended: z.boolean().nullable().optional(),
  suspend_reason: z.string().nullable().optional()
})

const usageShape = z.object({ months: z.array(z.object({ period: z.string(), total_cost: numeric }).passthrough()) })

/**
 * DeepInfra billing (docs.deepinfra.com/api-reference/billing/get-checklist; Bearer key with billing
 * read access). DeepInfra's reference pages could not be read from here: the shapes below are the
 * ones two independent clients read from them and checked on a live account (steipete/CodexBar
 * DeepInfraUsageFetcher.swift and PR #2238: "$95.81 prepaid credits" shown as $95.81 available).
 * - `GET /payment/checklist?compute_owed=true` → `{ stripe_balance, recent, limit, suspended,
 *   suspend_reason }` in USD. `stripe_balance` is negative when funds are ready to spend and positive
 *   when money is owed; `recent` is usage not yet billed. Balance = −(stripe_balance + recent);
 *   a positive net is also recorded as owed. `limit` > 0 is the spending limit.
 * - `GET /payment/usage?from=current` → `{ months: [{ period: "YYYY.MM", total_cost }] }`, cents:
 *   this month's spend, recorded as `used` (a month total, not a day's spend line). Secondary.
 * A suspended account keeps its figures and says so in a warning.
 */
export const deepinfraAdapter: ProviderAdapter = {
  id: 'deepinfra',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const headers = bearer(context.key)
    const response = await context.http.json({ url: `${endpoint(context.baseUrl, '/payment/checklist')}?compute_owed=true`, headers })
    const body = parseShape(checklistShape, response.json, 'DeepInfra checklist')
    const recent = body.recent === undefined || body.recent === null ? 0 : Math.max(0, amount(body.recent, 'recent'))
    const net = amount(body.stripe_balance, 'stripe_balance') + recent
    const facts = emptyFacts()
    facts.balances.push({ unit: 'USD', kind: 'total', amountMicros: -net || 0, source: 'official' })
    if (net > 0) facts.balances.push({ unit: 'USD', kind: 'owed', amountMicros: net, source: 'official' })
    const limit = body.limit === undefined || body.limit === null ? 0 : amount(body.limit, 'limit')
    if (limit > 0) facts.balances.push({ unit: 'USD', kind: 'limit', amountMicros: limit, source: 'official' })
    const warnings: string[] = []
    if (body.suspended) warnings.push(`DeepInfra has suspended this account${body.suspend_reason?.trim() ? `: ${quote(body.suspend_reason.trim(), 160)}` : ''}.`)
    try {
      const usage = await context.http.json({ url: `${endpoint(context.baseUrl, '/payment/usage')}?from=current`, headers })
      const months = parseShape(usageShape, usage.json, 'DeepInfra usage').months
      const current = months.at(-1)
      if (current) facts.balances.push({ unit: 'USD', kind: 'used', amountMicros: amount(current.total_cost, 'total_cost', CENTS_SHIFT), source: 'official' })
    } catch (error) {
      if (!(error instanceof ProviderFault)) throw error
      warnings.push(`DeepInfra's monthly usage could not be read (${quote(error.message, 160)}), so this month's spend is missing.`)
    }
    if (warnings.length > 0) facts.warnings = warnings
    return facts
  }
}
