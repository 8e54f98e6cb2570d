import { describe, expect, it } from 'vitest'
import { runwayOrganization, runwayUsage } from '../../../../simulator/shapes/runway'
import { addAccount, figures, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'key_0123456789abcdef0123456789'

describe('Runway: credits, the monthly spend limit, credits used per model and day', () => {
  it('reads the organization and 90 days of usage, with the version header', async () => {
    h.sim.route('GET', '/v1/organization', runwayOrganization(1250.5, 10000))
    h.sim.route(
      'POST',
      '/v1/organization/usage',
      runwayUsage([
        { date: '2026-11-20', used: [{ model: 'gen4_turbo', amount: 50 }, { model: 'gen4_image', amount: 8 }] },
        { date: '2026-11-21', used: [{ model: 'gen4_turbo', amount: -5 }] }
      ])
    )
    const account = await addAccount(h, 'runway', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['total', 'credits', '1250.5'],
      ['limit', 'credits', '10000']
    ])
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-20 gen4_image credits 8000000',
      '2026-11-20 gen4_turbo credits 50000000',
      '2026-11-21 gen4_turbo credits -5000000' // a refund larger than the day's charges
    ])
    const [org] = h.sim.requestsTo('/v1/organization')
    expect(org?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(org?.headers['x-runway-version']).toBe('2024-11-06')
    const [usage] = h.sim.requestsTo('/v1/organization/usage')
    // 90 days ending today: 24 August to 21 November, beforeDate exclusive.
    expect(JSON.parse(usage?.body ?? '{}')).toEqual({ startDate: '2026-08-24', beforeDate: '2026-11-22' })
    expect(usage?.headers['x-runway-version']).toBe('2024-11-06')
  })

  it('a usage failure keeps the balance with a warning', async () => {
    h.sim.route('GET', '/v1/organization', runwayOrganization(10, 1000))
    h.sim.route('POST', '/v1/organization/usage', { status: 400, body: { error: 'Invalid startDate' } })
    const account = await addAccount(h, 'runway', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/daily credit usage could not be read/)
    expect(figures(view)).toEqual([
      ['total', 'credits', '10'],
      ['limit', 'credits', '1000']
    ])
  })
})
