import { microsToDecimal } from '../../../shared/money'
import { balanceDemoAccounts, spendDemoAccounts } from './demo-plans'

/**
 * The demo's stand-in for the network: answers the documented OpenRouter, DeepSeek, OpenAI and
 * Anthropic endpoints for the demo accounts, balances a little lower and today's spend a little
 * higher on every refresh, so "Refresh" in `coffer serve --demo` exercises the real adapters,
 * derivations and ledger without leaving the machine.
 *
 * @param start - what {@link import('./seed-demo-ledger').seedDemoLedger} returned.
 */
export function createDemoFetch(start: Map<string, number>): typeof fetch {
  const figures = new Map(start)
  const move = (accountId: string, micros: number): number => {
    const next = (figures.get(accountId) ?? 0) + micros
    figures.set(accountId, next)
    return next
  }
  const [openrouter, deepseek] = balanceDemoAccounts
  const [openai, anthropic] = spendDemoAccounts
  return async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    if (url.pathname === '/api/v1/credits' && openrouter) {
      const left = move(openrouter.id, -37_000)
      return json({ data: { total_credits: 500, total_usage: microsToDecimal(500_000_000 - left) } })
    }
    if (url.pathname === '/api/v1/key' && openrouter) {
      return json({ data: { label: 'demo', limit: null, limit_remaining: null, usage: 12.5 } })
    }
    if (url.pathname === '/user/balance' && deepseek) {
      const total = microsToDecimal(move(deepseek.id, -110_000))
      return json({ is_available: true, balance_infos: [{ currency: 'CNY', total_balance: total, granted_balance: '0.00', topped_up_balance: total }] })
    }
    const midnight = new Date()
    midnight.setUTCHours(0, 0, 0, 0)
    if (url.pathname === '/v1/organization/costs' && openai) {
      const today = move(openai.id, 45_000)
      const results = Object.entries(openai.items).map(([item, share]) => ({ amount: { value: microsToDecimal(Math.round(today * share)), currency: 'usd' }, line_item: item }))
      return json({ object: 'page', data: [{ start_time: midnight.getTime() / 1000, end_time: midnight.getTime() / 1000 + 86_400, results }], has_more: false, next_page: null })
    }
    if (url.pathname === '/v1/organization/usage/completions') {
      return json({ object: 'page', data: [], has_more: false, next_page: null })
    }
    if (url.pathname === '/v1/organizations/cost_report' && anthropic) {
      const today = move(anthropic.id, 38_000)
      // Anthropic reports cents as decimal strings.
      const results = Object.entries(anthropic.items).map(([description, share]) => ({
        currency: 'USD',
        amount: microsToDecimal(Math.round(today * share * 100)),
        description
      }))
      return json({ data: [{ starting_at: midnight.toISOString(), ending_at: new Date(midnight.getTime() + 86_400_000).toISOString(), results }], has_more: false, next_page: null })
    }
    if (url.pathname === '/v1/organizations/usage_report/messages') {
      return json({ data: [], has_more: false, next_page: null })
    }
    return json({ error: { message: 'not part of the demo' } }, 404)
  }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}
