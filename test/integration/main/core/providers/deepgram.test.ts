import { describe, expect, it } from 'vitest'
import { deepgramBalances, deepgramError, deepgramProjects } from '../../../../simulator/shapes/deepgram'
import { addAccount, factCount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness()
const KEY = 'dg-0123456789abcdef0123456789'
const PROJECT = '3f2a9c1e-0000-4000-8000-000000000001'

describe('Deepgram: project balances', () => {
  it('sums the project’s balances per unit, exactly, with "Authorization: Token …"', async () => {
    h.sim.route('GET', `/v1/projects/${PROJECT}/balances`, deepgramBalances([{ amount: 150.25 }, { amount: 49.75 }, { amount: 0.000001 }]))
    const account = await addAccount(h, 'deepgram', KEY, { projectId: PROJECT })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    // 150.25 + 49.75 + 0.000001 = 200.000001
    expect(figures(view)).toEqual([['total', 'USD', '200.000001']])
    expect(h.sim.requestsTo(`/v1/projects/${PROJECT}/balances`)[0]?.headers.authorization).toBe(`Token ${KEY}`)
    expect(h.sim.requestsTo('/v1/projects')).toHaveLength(0)
  })

  it('without a project id, uses the key’s only project', async () => {
    h.sim.route('GET', '/v1/projects', deepgramProjects([{ id: PROJECT, name: 'Main' }]))
    h.sim.route('GET', `/v1/projects/${PROJECT}/balances`, deepgramBalances([{ amount: '12.5', units: 'usd' }]))
    const account = await addAccount(h, 'deepgram', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([['total', 'USD', '12.5']])
  })

  it('a key that sees several projects asks for the Project ID instead of picking one', async () => {
    h.sim.route('GET', '/v1/projects', deepgramProjects([{ id: 'p-1', name: 'Main' }, { id: 'p-2', name: 'Staging' }]))
    const account = await addAccount(h, 'deepgram', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('bad_response')
    expect(report.error?.message).toMatch(/2 Deepgram projects.*Project ID.*p-1.*p-2/)
    expect(h.sim.requestsTo('/v1/projects/p-1/balances')).toHaveLength(0)
  })

  it('an empty list is a project without prepaid credit: ok, no figure, a warning that says so', async () => {
    h.sim.route('GET', `/v1/projects/${PROJECT}/balances`, deepgramBalances([]))
    const account = await addAccount(h, 'deepgram', KEY, { projectId: PROJECT })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/no outstanding balance/)
    expect(view.balances).toEqual([])
  })

  it('an err_code body with HTTP 200 is a provider error, never a zero balance', async () => {
    h.sim.route('GET', `/v1/projects/${PROJECT}/balances`, deepgramError('FORBIDDEN', 'Insufficient permissions'))
    const account = await addAccount(h, 'deepgram', KEY, { projectId: PROJECT })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.error?.message).toMatch(/Insufficient permissions/)
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })
})
