import { describe, expect, it } from 'vitest'
import { veniceBalance } from '../../../../simulator/shapes/venice'
import { addAccount, factCount, figures, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'venice-admin-0123456789abcdef'

describe('Venice: USD and DIEM balances', () => {
  it('USD is the balance; DIEM left and the epoch allocation are kept in DIEM, resetting at 00:00 UTC', async () => {
    h.sim.route('GET', '/api/v1/billing/balance', veniceBalance({ usd: 25, diem: 90.5, allocation: 100 }))
    const account = await addAccount(h, 'venice', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning ?? null).toBeNull()
    expect(figures(view)).toEqual([
      ['total', 'USD', '25'],
      ['total', 'DIEM', '90.5'],
      ['limit', 'DIEM', '100']
    ])
    const diem = view.balances.find((b) => b.unit === 'DIEM' && b.kind === 'total')
    expect(diem?.resetsAt).toBe('2026-11-22T00:00:00.000Z')
    expect(h.sim.requestsTo('/api/v1/billing/balance')[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('canConsume false keeps the figures and says the account cannot make requests', async () => {
    h.sim.route('GET', '/api/v1/billing/balance', veniceBalance({ usd: 0, diem: 0, canConsume: false, currency: null }))
    const account = await addAccount(h, 'venice', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/cannot make API requests/)
    expect(figures(view)).toEqual([
      ['total', 'USD', '0'],
      ['total', 'DIEM', '0'],
      ['limit', 'DIEM', '0']
    ])
  })

  it('a balances object with neither usd nor diem is an unexpected answer, never $0', async () => {
    h.sim.route('GET', '/api/v1/billing/balance', veniceBalance({ usd: null, diem: null }))
    const account = await addAccount(h, 'venice', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('bad_response')
    expect(view.balances).toEqual([])
  })

  it('the DIEM refill at 00:00 UTC is neither a detected top-up nor spend; DIEM used after it is', async () => {
    h.sim.route(
      'GET',
      '/api/v1/billing/balance',
      veniceBalance({ usd: 25, diem: 90.5, allocation: 100 }),
      veniceBalance({ usd: 25, diem: 100, allocation: 100 }),
      veniceBalance({ usd: 25, diem: 80, allocation: 100 })
    )
    const account = await addAccount(h, 'venice', KEY)
    await poll(h, account.id)
    h.clock.now = new Date('2026-11-22T01:00:00Z') // after the refill
    await poll(h, account.id)
    h.clock.now = new Date('2026-11-22T05:00:00Z')
    await poll(h, account.id)
    expect(factCount(h, 'credit_events', account.id)).toBe(0)
    // 100 − 80 = 20 DIEM used on 22 November; the 9.5 DIEM of 21 November's last hours are not measurable.
    expect(spendRows(h, account.id)).toEqual(['2026-11-22 derived: balance decrease DIEM 20000000'])
  })
})
