import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { amount, bearer, businessError, endpoint, numeric, parseShape } from './parse'
import { ProviderFault } from './provider-fault'
import type { ProviderResponse } from './provider-http'

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
      const response = await fetchUserInfo(context, id)
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

/**
 * `GET /v1/user/info`. On siliconflow.cn a 404 is explained in words: CodexBar's SiliconFlow notes
 * (steipete/CodexBar docs/siliconflow.md, citing docs.siliconflow.cn release notes) say the China
 * balance API was retired on 2026-08-14, while the official reference
 * (docs.siliconflow.cn/cn/api-reference/userinfo/get-user-info) still lists it — so Coffer keeps
 * asking, and a 404 says what it most likely means and what to do instead (issue 13.11).
 */
async function fetchUserInfo(context: PollContext, id: 'siliconflow' | 'siliconflow-cn'): Promise<ProviderResponse> {
  try {
    return await context.http.json({ url: endpoint(context.baseUrl, '/v1/user/info'), headers: bearer(context.key) })
  } catch (error) {
    if (id !== 'siliconflow-cn' || !(error instanceof ProviderFault) || error.httpStatus !== 404) throw error
    throw new ProviderFault(
      'provider_error',
      'endpoint_retired',
      'SiliconFlow China no longer answers its balance endpoint (/v1/user/info, HTTP 404): SiliconFlow retired the China balance API on 2026-08-14. ' +
        'The balance is now only in the console (cloud.siliconflow.cn); track it with a manual account, or check the base URL if it is not api.siliconflow.cn.',
      404
    )
  }
}

/** SiliconFlow international: balances in USD. */
export const siliconflowIntlAdapter = siliconflowAdapter('siliconflow', 'USD')
/** SiliconFlow China: balances in CNY. */
export const siliconflowCnAdapter = siliconflowAdapter('siliconflow-cn', 'CNY')
