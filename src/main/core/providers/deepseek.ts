import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, endpoint, numeric, parseShape } from './parse'

// Both top-level fields are optional in DeepSeek's schema (GetUserBalanceResponse,
// https://api-docs.deepseek.com/zh-cn/api/get-user-balance: `is_available` (可选) "当前账户是否有余额可供
// API 调用", `balance_infos` (可选)); an account with nothing in it may list no currency at all.
const balanceShape = z.object({
  is_available: z.boolean().nullable().optional(),
  balance_infos: z
    .array(
      z.object({
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code'),
        total_balance: numeric,
        granted_balance: numeric.optional(),
        topped_up_balance: numeric.optional()
      })
    )
    .nullable()
    .optional(),
  // With both fields optional, an HTTP-200 error envelope (`{"error": {…}}`, as relays send) would
  // read as an empty answer: an `error` member fails the shape, and parseShape reports the envelope.
  error: z.undefined().optional()
})

/**
 * DeepSeek `/user/balance` (provider-apis.md §5): one entry per currency (CNY and/or USD), each
 * split into granted (bonus, expiring) and topped-up credit. Amounts arrive as strings or numbers.
 *
 * No entry (an empty or missing `balance_infos`) is an answer with nothing in it, not a failure:
 * the poll succeeds with no figures and says so. `is_available: false` means DeepSeek blocks API
 * calls whatever the balance shows (CodexBar docs/deepseek.md: "Balance unavailable for API
 * calls"), so the poll carries a warning the card and Polls show (issue 13.6).
 */
export const deepseekAdapter: ProviderAdapter = {
  id: 'deepseek',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const response = await context.http.json({
      url: endpoint(context.baseUrl, '/user/balance'),
      headers: bearer(context.key)
    })
    const body = parseShape(balanceShape, response.json, 'DeepSeek balance')
    const infos = body.balance_infos ?? []
    const facts = emptyFacts()
    for (const info of infos) {
      const unit = info.currency
      facts.balances.push({ unit, kind: 'total', amountMicros: amount(info.total_balance, 'total_balance'), source: 'official' })
      if (info.topped_up_balance !== undefined) {
        facts.balances.push({ unit, kind: 'paid', amountMicros: amount(info.topped_up_balance, 'topped_up_balance'), source: 'official' })
      }
      if (info.granted_balance !== undefined) {
        facts.balances.push({ unit, kind: 'granted', amountMicros: amount(info.granted_balance, 'granted_balance'), source: 'official' })
      }
    }
    const warnings: string[] = []
    if (body.is_available === false) {
      warnings.push(
        infos.length > 0
          ? 'DeepSeek says this account cannot make API calls right now (is_available: false), even though it reports a balance.'
          : 'DeepSeek says this account cannot make API calls right now (is_available: false).'
      )
    }
    if (infos.length === 0) warnings.push('DeepSeek listed no balance in any currency (no balance_infos entries).')
    if (warnings.length > 0) facts.warnings = warnings
    return facts
  }
}
