import { describe, expect, it } from 'vitest'
import { vercelCredits } from '../../../../simulator/shapes/vercel-ai-gateway'
import { addAccount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness()
const KEY = 'vck_0123456789abcdef'

describe('Vercel AI Gateway: team credits', () => {
  it('balance and total_used are USD decimal strings, read exactly; Bearer key', async () => {
    h.sim.route('GET', '/v1/credits', vercelCredits('95.50', '4.50'))
    const account = await addAccount(h, 'vercel-ai-gateway', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['total', 'USD', '95.5'],
      ['used', 'USD', '4.5']
    ])
    expect(h.sim.requestsTo('/v1/credits')[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('keeps a negative balance and sub-cent digits', async () => {
    h.sim.route('GET', '/v1/credits', vercelCredits('-0.000125', '1000.000125'))
    const account = await addAccount(h, 'vercel-ai-gateway', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'USD', '-0.000125'],
      ['used', 'USD', '1000.000125']
    ])
  })

  it('an error envelope with HTTP 200 is a provider error, not a zero balance', async () => {
    h.sim.route('GET', '/v1/credits', { body: { error: { type: 'forbidden', message: 'AI Gateway is not enabled for this team' } } })
    const account = await addAccount(h, 'vercel-ai-gateway', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.error?.message).toMatch(/not enabled/)
    expect(view.balances).toEqual([])
  })
})
