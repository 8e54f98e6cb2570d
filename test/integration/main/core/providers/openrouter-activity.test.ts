import { describe, expect, it } from 'vitest'
import { openrouterActivity, openrouterCredits, openrouterError, openrouterKey } from '../../../../simulator/shapes/openrouter'
import { addAccount, callOk, factCount, figures, poll, spendRows, usageRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-or-v1-ordinary0123456789abcdef'
const MANAGEMENT = 'sk-or-v1-management0123456789abcdef'

describe('OpenRouter activity with the optional management key', () => {
  it('reads /credits and /activity with the management key: daily spend and usage by model, summed over endpoints', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 100, totalUsage: 40 }))
    h.sim.route('GET', '/api/v1/key', openrouterKey({ usage: 1 }))
    h.sim.route(
      'GET',
      '/api/v1/activity',
      openrouterActivity([
        { date: '2026-11-19', model: 'openai/gpt-4o', usage: 1.5, requests: 3, promptTokens: 1000, completionTokens: 200 },
        { date: '2026-11-19', model: 'openai/gpt-4o', usage: 0.25, requests: 1, promptTokens: 100, completionTokens: 20, providerName: 'Azure' },
        { date: '2026-11-20', model: 'anthropic/claude-sonnet-4', usage: 2, requests: 2, promptTokens: 500, completionTokens: 50 }
      ])
    )
    const account = await addAccount(h, 'openrouter', KEY, { managementKey: MANAGEMENT })
    expect(account.options).toEqual({})
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(figures(view)[0]).toEqual(['total', 'USD', '60'])
    expect(spendRows(h, account.id)).toEqual(['2026-11-19 openai/gpt-4o USD 1750000', '2026-11-20 anthropic/claude-sonnet-4 USD 2000000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-19 openai/gpt-4o 1100/0/0/220/4', '2026-11-20 anthropic/claude-sonnet-4 500/0/0/50/2'])
    expect(h.sim.requestsTo('/api/v1/activity')[0]?.headers.authorization).toBe(`Bearer ${MANAGEMENT}`)
    expect(h.sim.requestsTo('/api/v1/credits')[0]?.headers.authorization).toBe(`Bearer ${MANAGEMENT}`)
    expect(h.sim.requestsTo('/api/v1/key')[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('a re-poll replaces each returned day as a whole (a model gone from a day goes)', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 100, totalUsage: 40 }))
    h.sim.route('GET', '/api/v1/key', openrouterKey({ usage: 1 }))
    h.sim.route('GET', '/api/v1/activity', openrouterActivity([{ date: '2026-11-19', model: 'x', usage: 1 }, { date: '2026-11-20', model: 'y', usage: 2 }]))
    const account = await addAccount(h, 'openrouter', KEY, { managementKey: MANAGEMENT })
    await poll(h, account.id)
    h.sim.route('GET', '/api/v1/activity', openrouterActivity([{ date: '2026-11-20', model: 'z', usage: 3 }]))
    await poll(h, account.id)
    expect(spendRows(h, account.id)).toEqual(['2026-11-19 x USD 1000000', '2026-11-20 z USD 3000000'])
    expect(usageRows(h, account.id).map((row) => row.split(' ').slice(0, 2).join(' '))).toEqual(['2026-11-19 x', '2026-11-20 z'])
  })

  it('without a management key nothing changes: no /activity request, no spend lines', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 10, totalUsage: 1 }))
    h.sim.route('GET', '/api/v1/key', openrouterKey())
    const account = await addAccount(h, 'openrouter', KEY)
    await poll(h, account.id)
    expect(h.sim.requestsTo('/api/v1/activity')).toHaveLength(0)
    expect(factCount(h, 'spend_lines', account.id)).toBe(0)
  })

  it('a rejected management key is auth_failed (no silent fallback), and the management key never reaches the ledger', async () => {
    h.sim.route('GET', '/api/v1/credits', (req) => ({ status: 401, body: { error: { code: 401, message: `bad ${req.headers.authorization}` } } }))
    h.sim.route('GET', '/api/v1/key', openrouterKey())
    const account = await addAccount(h, 'openrouter', KEY, { managementKey: MANAGEMENT })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    const dump = JSON.stringify(h.core.context.db.prepare('SELECT * FROM raw_responses').all()) + JSON.stringify(h.core.context.db.prepare('SELECT * FROM poll_runs').all())
    expect(dump).not.toContain(MANAGEMENT)
    expect(dump).toContain('[redacted]')
  })

  it('an /activity failure keeps the /credits balance and warns that spend by model is from the last good poll (issue 13.3)', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 10, totalUsage: 1 }))
    h.sim.route('GET', '/api/v1/key', openrouterKey())
    h.sim.route('GET', '/api/v1/activity', openrouterError(429, 'Rate limited', { retryAfterSeconds: 30 }))
    const account = await addAccount(h, 'openrouter', KEY, { managementKey: MANAGEMENT })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/daily activity could not be read .*last good poll/)
    expect(view.balances[0]).toMatchObject({ kind: 'total', unit: 'USD', amount: '9' })
    expect(factCount(h, 'spend_lines', account.id)).toBe(0)
  })
})

describe('Test connection with a management key', () => {
  it('uses the draft’s management key without storing anything', async () => {
    h.sim.route('GET', '/api/v1/credits', (req) => (req.headers.authorization === `Bearer ${MANAGEMENT}` ? openrouterCredits({ totalCredits: 5, totalUsage: 1 }) : openrouterError(401, 'nope')))
    h.sim.route('GET', '/api/v1/key', openrouterKey())
    h.sim.route('GET', '/api/v1/activity', openrouterActivity([]))
    const ok = await callOk(h.core, 'accounts:test', { draft: { provider: 'openrouter', label: 'T', baseUrl: h.sim.baseUrl, options: { managementKey: MANAGEMENT } }, key: KEY })
    expect(ok.status).toBe('ok')
    expect(h.sim.requestsTo('/api/v1/activity')).toHaveLength(1)
    const bad = await callOk(h.core, 'accounts:test', { draft: { provider: 'openrouter', label: 'T', baseUrl: h.sim.baseUrl, options: { managementKey: 'sk-or-v1-wrong-management-key' } }, key: KEY })
    expect(bad.status).toBe('auth_failed')
    expect(await callOk(h.core, 'accounts:list', {})).toEqual([])
  })
})
