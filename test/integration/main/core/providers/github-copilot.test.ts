import { describe, expect, it } from 'vitest'
import type { SimRequest } from '../../../../simulator/provider-simulator'
import { githubPremiumUsage, githubUserUsage } from '../../../../simulator/shapes/github-copilot'
import { addAccount, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const TOKEN = 'github_pat_0123456789abcdef0123456789'

describe('GitHub Copilot: premium-request spend', () => {
  it('your account: the monthly usage report, Copilot items only, net amounts by SKU and day', async () => {
    h.sim.route('GET', '/users/octocat/settings/billing/usage', (req: SimRequest) =>
      req.query.get('month') === '11'
        ? githubUserUsage([
            { date: '2026-11-20', product: 'Copilot', sku: 'Copilot Premium Request', quantity: 100, price: 0.04, discount: 1 },
            { date: '2026-11-20', product: 'Actions', sku: 'Actions Linux', quantity: 300, price: 0.008, discount: 0 },
            { date: '2026-11-21', product: 'Copilot', sku: 'Copilot Premium Request', quantity: 25, price: 0.04, discount: 0 }
          ])
        : githubUserUsage([{ date: '2026-10-25', product: 'copilot', sku: 'Copilot Premium Request', quantity: 3, price: 0.04, discount: 0 }])
    )
    const account = await addAccount(h, 'github-copilot', TOKEN, { owner: 'octocat' })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual([
      '2026-10-25 Copilot Premium Request USD 120000', // 3 × $0.04
      '2026-11-20 Copilot Premium Request USD 3000000', // 100 × $0.04 − $1 discount
      '2026-11-21 Copilot Premium Request USD 1000000' // 25 × $0.04
    ])
    const requests = h.sim.requestsTo('/users/octocat/settings/billing/usage')
    // The first poll reads 31 days: 22 October to 21 November, one request per month.
    expect(requests.map((r) => `${r.query.get('year')}-${r.query.get('month')}`)).toEqual(['2026-10', '2026-11'])
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(requests[0]?.headers['x-github-api-version']).toBe('2022-11-28')
    expect(requests[0]?.headers.accept).toBe('application/vnd.github+json')
  })

  it('an organization: one day per request from the first of the month, net amounts by model', async () => {
    h.sim.route('GET', '/organizations/acme/settings/billing/premium_request/usage', (req: SimRequest) => {
      const day = `${req.query.get('year')}-${req.query.get('month')?.padStart(2, '0')}-${req.query.get('day')?.padStart(2, '0')}`
      if (day === '2026-11-20') {
        return githubPremiumUsage(day, [
          { model: 'GPT-5', grossQuantity: 50, discountQuantity: 10, price: 0.04 },
          { model: 'Claude Opus 4.5', grossQuantity: 30, discountQuantity: 0, price: 0.04 }
        ])
      }
      return githubPremiumUsage(day, [])
    })
    const account = await addAccount(h, 'github-copilot', TOKEN, { ownerType: 'org', owner: 'acme' })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-20 Claude Opus 4.5 USD 1200000', // 30 × $0.04
      '2026-11-20 GPT-5 USD 1600000' // (50 − 10) × $0.04
    ])
    const days = h.sim.requestsTo('/organizations/acme/settings/billing/premium_request/usage').map((r) => Number(r.query.get('day')))
    expect(days).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
  })

  it('a later poll re-reads only the last days', async () => {
    h.sim.route('GET', '/organizations/acme/settings/billing/premium_request/usage', (req: SimRequest) => githubPremiumUsage(`2026-11-${req.query.get('day')}`, []))
    const account = await addAccount(h, 'github-copilot', TOKEN, { ownerType: 'org', owner: 'acme' })
    await poll(h, account.id)
    h.sim.reset()
    h.sim.route('GET', '/organizations/acme/settings/billing/premium_request/usage', (req: SimRequest) => githubPremiumUsage(`2026-11-${req.query.get('day')}`, []))
    h.clock.now = new Date('2026-11-21T18:00:00Z')
    await poll(h, account.id)
    expect(h.sim.requestsTo('/organizations/acme/settings/billing/premium_request/usage').map((r) => Number(r.query.get('day')))).toEqual([19, 20, 21])
  })
})
