import { describe, expect, it } from 'vitest'
import { moonshotBalance } from '../../../../simulator/shapes/moonshot'
import { openrouterActivity, openrouterCredits, openrouterError } from '../../../../simulator/shapes/openrouter'
import { callOk, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-moonshot-secret-0123456789abcdef'
const OPENROUTER_KEY = 'sk-or-v1-0123456789abcdef0123456789'

/** "Test connection" names the address that failed (issue 14.7) and carries a good test's warning. */
describe('accounts:test — which address failed', () => {
  it('a failed test names the request that failed; a clean one names none', async () => {
    h.sim.route('GET', '/v1/users/me/balance', { status: 503, body: { error: { message: 'busy' } } }, moonshotBalance({ available: 1.5, voucher: 0, cash: 1.5 }))
    const draft = { provider: 'moonshot', label: 'T', baseUrl: h.sim.baseUrl } as const
    const failed = await callOk(h.core, 'accounts:test', { draft, key: KEY })
    expect(failed).toMatchObject({ status: 'provider_error', httpStatus: 503, url: `${h.sim.baseUrl}/v1/users/me/balance` })
    const clean = await callOk(h.core, 'accounts:test', { draft, key: KEY })
    expect(clean).toMatchObject({ status: 'ok', url: null, warning: null })
  })

  it('a good test whose secondary request failed carries the warning and that request’s address', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 5, totalUsage: 1 }))
    h.sim.route('GET', '/api/v1/key', openrouterError(502, 'upstream down'))
    h.sim.route('GET', '/api/v1/activity', openrouterActivity([]))
    const report = await callOk(h.core, 'accounts:test', { draft: { provider: 'openrouter', label: 'T', baseUrl: h.sim.baseUrl }, key: OPENROUTER_KEY })
    expect(report.status).toBe('ok')
    expect(report.warning).toBeTruthy()
    expect(report.url).toBe(`${h.sim.baseUrl}/api/v1/key`)
  })

  it('no answer at all: the address it could not reach', async () => {
    // A port nothing listens on (the simulator's, once closed, could be reused: take a fixed one that refuses).
    const report = await callOk(h.core, 'accounts:test', { draft: { provider: 'moonshot', label: 'T', baseUrl: 'http://127.0.0.1:9' }, key: KEY })
    expect(report.status).toBe('unreachable')
    expect(report.url).toBe('http://127.0.0.1:9/v1/users/me/balance')
  })
})
