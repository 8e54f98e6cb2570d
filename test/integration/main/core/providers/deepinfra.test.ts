import { describe, expect, it } from 'vitest'
import { deepinfraChecklist, deepinfraUsage } from '../../../../simulator/shapes/deepinfra'
import { addAccount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'di-0123456789abcdef0123456789'

describe('DeepInfra: prepaid funds from the payment checklist, this month from usage', () => {
  it('balance = −(stripe_balance + recent); limit; this month’s total_cost in cents', async () => {
    h.sim.route('GET', '/payment/checklist', deepinfraChecklist({ stripeBalance: -99.75, recent: 3.94, limit: 200 }))
    h.sim.route('GET', '/payment/usage', deepinfraUsage([{ period: '2026.10', cents: 12345 }, { period: '2026.11', cents: 394 }]))
    const account = await addAccount(h, 'deepinfra', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    // −(−99.75 + 3.94) = 95.81; 394 cents = $3.94
    expect(figures(view)).toEqual([
      ['total', 'USD', '95.81'],
      ['used', 'USD', '3.94'],
      ['limit', 'USD', '200']
    ])
    const [checklist] = h.sim.requestsTo('/payment/checklist')
    expect(checklist?.query.get('compute_owed')).toBe('true')
    expect(checklist?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(h.sim.requestsTo('/payment/usage')[0]?.query.get('from')).toBe('current')
  })

  it('money owed: a negative balance and the amount owed; a suspended account says so', async () => {
    h.sim.route('GET', '/payment/checklist', deepinfraChecklist({ stripeBalance: 2.5, recent: 1, limit: 0, suspended: true, reason: 'Payment failed' }))
    h.sim.route('GET', '/payment/usage', deepinfraUsage([{ period: '2026.11', cents: 100 }]))
    const account = await addAccount(h, 'deepinfra', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/suspended this account: Payment failed/)
    expect(figures(view)).toEqual([
      ['total', 'USD', '-3.5'],
      ['used', 'USD', '1'],
      ['owed', 'USD', '3.5']
    ])
  })

  it('a usage failure keeps the balance with a warning', async () => {
    h.sim.route('GET', '/payment/checklist', deepinfraChecklist({ stripeBalance: -10, recent: 0 }))
    h.sim.route('GET', '/payment/usage', { status: 503 })
    const account = await addAccount(h, 'deepinfra', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/monthly usage could not be read/)
    expect(figures(view)).toEqual([['total', 'USD', '10']])
  })
})
