import { microsToDecimal } from '../../../shared/money'
import { demoAccounts } from './seed-demo-ledger'

/**
 * The demo's stand-in for the network: answers the documented OpenRouter and DeepSeek balance
 * endpoints with the demo accounts' balances, a little lower on every refresh, so "Refresh" in
 * `coffer serve --demo` exercises the real adapters and ledger without leaving the machine.
 */
export function createDemoFetch(startBalances: Map<string, number>): typeof fetch {
  const balances = new Map(startBalances)
  const spend = (accountId: string, micros: number): string => {
    const next = (balances.get(accountId) ?? 0) - micros
    balances.set(accountId, next)
    return microsToDecimal(next)
  }
  return async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    const [openrouter, deepseek] = demoAccounts
    if (url.pathname === '/api/v1/credits' && openrouter) {
      const left = spend(openrouter.id, 37_000)
      return json({ data: { total_credits: 500, total_usage: Number((500 - Number(left)).toFixed(6)) } })
    }
    if (url.pathname === '/api/v1/key' && openrouter) {
      return json({ data: { label: 'demo', limit: null, limit_remaining: null, usage: 12.5 } })
    }
    if (url.pathname === '/user/balance' && deepseek) {
      const total = spend(deepseek.id, 110_000)
      return json({ is_available: true, balance_infos: [{ currency: 'CNY', total_balance: total, granted_balance: '0.00', topped_up_balance: total }] })
    }
    return json({ error: { message: 'not part of the demo' } }, 404)
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}
