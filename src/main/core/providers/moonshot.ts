import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, businessError, endpoint, numeric, parseShape } from './parse'

const envelopeShape = z.object({
  status: z.unknown().optional(),
  code: z.unknown().optional(),
  error: z.object({ message: z.string().optional() }).passthrough().optional(),
  message: z.string().optional(),
  data: z.unknown().optional()
})

const dataShape = z.object({
  available_balance: numeric,
  voucher_balance: numeric.optional(),
  cash_balance: numeric.optional()
})

/**
 * Moonshot / Kimi `/v1/users/me/balance` (provider-apis.md §6). The site decides the unit: CNY on
 * platform.moonshot.cn, USD on platform.moonshot.ai. Success is `status == true && code == 0`;
 * anything else is an error even with HTTP 200. available = cash + voucher; cash may be negative.
 */
function moonshotAdapter(id: 'moonshot' | 'moonshot-cn', unit: 'USD' | 'CNY'): ProviderAdapter {
  return {
    id,
    async poll(context: PollContext): Promise<LedgerFacts> {
      const response = await context.http.json({ url: endpoint(context.baseUrl, '/v1/users/me/balance'), headers: bearer(context.key) })
      const body = parseShape(envelopeShape, response.json, 'Moonshot balance')
      const ok = body.status === true && (body.code === 0 || body.code === '0')
      if (!ok) throw businessError('Moonshot', body.code, body.error?.message ?? body.message)
      const data = parseShape(dataShape, body.data, 'Moonshot balance data')
      const facts = emptyFacts()
      facts.balances.push({ unit, kind: 'total', amountMicros: amount(data.available_balance, 'available_balance'), source: 'official' })
      if (data.cash_balance !== undefined) {
        facts.balances.push({ unit, kind: 'paid', amountMicros: amount(data.cash_balance, 'cash_balance'), source: 'official' })
      }
      if (data.voucher_balance !== undefined) {
        facts.balances.push({ unit, kind: 'granted', amountMicros: amount(data.voucher_balance, 'voucher_balance'), source: 'official' })
      }
      return facts
    }
  }
}

/** Moonshot international (platform.moonshot.ai): balances in USD. */
export const moonshotIntlAdapter = moonshotAdapter('moonshot', 'USD')
/** Moonshot China (platform.moonshot.cn): balances in CNY. */
export const moonshotCnAdapter = moonshotAdapter('moonshot-cn', 'CNY')
