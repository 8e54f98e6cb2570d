import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, businessError, endpoint, numeric, parseShape } from './parse'

const envelopeShape = z.object({ code: z.unknown().optional(), message: z.string().optional(), data: z.unknown().optional() })

const dataShape = z
  .object({
    totalBalance: numeric.optional(),
    balance: numeric.optional(),
    chargeBalance: numeric.optional()
  })
  .refine((data) => data.totalBalance !== undefined || (data.balance !== undefined && data.chargeBalance !== undefined), {
    message: 'has no totalBalance (nor balance and chargeBalance)',
    path: ['totalBalance']
  })

/**
 * SiliconFlow `/v1/user/info` (provider-apis.md §7): CNY on siliconflow.cn, USD on
 * siliconflow.com. Amounts are strings; totalBalance = balance (granted) + chargeBalance (paid).
 * Success is `code == 20000`; any other code is an error even with HTTP 200.
 */
function siliconflowAdapter(id: 'siliconflow' | 'siliconflow-cn', unit: 'USD' | 'CNY'): ProviderAdapter {
  return {
    id,
    async poll(context: PollContext): Promise<LedgerFacts> {
      const response = await context.http.json({ url: endpoint(context.baseUrl, '/v1/user/info'), headers: bearer(context.key) })
      const body = parseShape(envelopeShape, response.json, 'SiliconFlow user info')
      if (body.code !== 20000 && body.code !== '20000') throw businessError('SiliconFlow', body.code, body.message)
      const data = parseShape(dataShape, body.data, 'SiliconFlow user info data')
      const facts = emptyFacts()
      // Older answers lack totalBalance; it is documented as balance + chargeBalance.
      const total =
        data.totalBalance !== undefined
          ? amount(data.totalBalance, 'totalBalance')
          : amount(data.balance, 'balance') + amount(data.chargeBalance, 'chargeBalance')
      facts.balances.push({ unit, kind: 'total', amountMicros: total, source: 'official' })
      if (data.chargeBalance !== undefined) {
        facts.balances.push({ unit, kind: 'paid', amountMicros: amount(data.chargeBalance, 'chargeBalance'), source: 'official' })
      }
      if (data.balance !== undefined) {
        facts.balances.push({ unit, kind: 'granted', amountMicros: amount(data.balance, 'balance'), source: 'official' })
      }
      return facts
    }
  }
}

/** SiliconFlow international: balances in USD. */
export const siliconflowIntlAdapter = siliconflowAdapter('siliconflow', 'USD')
/** SiliconFlow China: balances in CNY. */
export const siliconflowCnAdapter = siliconflowAdapter('siliconflow-cn', 'CNY')
