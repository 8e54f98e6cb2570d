import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AccountView } from '../../../../../src/shared/contract'
import { openrouterCredits, openrouterError, openrouterKey } from '../../../../simulator/shapes/openrouter'
import { callOk, countRows } from '../../../../helpers/test-core'
import { useProviderHarness } from './harness'

const key = `sk-or-v1-${randomBytes(16).toString('hex')}`
/** A simulator and a core over a temp ledger (fake clock at the harness's start), fresh for each test. */
const h = useProviderHarness()

/** Adds an OpenRouter account pointing at the simulator, polls it once, returns its view. */
async function addAndPoll(label = 'OR'): Promise<AccountView> {
  const added = await callOk(h.core, 'accounts:add', { draft: { provider: 'openrouter', label, baseUrl: h.sim.baseUrl }, key })
  const [report] = await callOk(h.core, 'accounts:poll', { ids: [added.id] })
  expect(report?.accountId).toBe(added.id)
  const view = (await callOk(h.core, 'accounts:list', {})).find((account) => account.id === added.id)
  if (!view) throw new Error('account vanished')
  return view
}

const figures = (view: AccountView): [string, string, string][] => view.balances.map((b) => [b.kind, b.unit, b.amount])

describe('OpenRouter adapter over HTTP (simulator)', () => {
  it('reads /api/v1/credits: remaining = total_credits − total_usage, exact, primary first', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 100.5, totalUsage: 25.75 }))
    h.sim.route('GET', '/api/v1/key', openrouterKey({ limit: null, limitRemaining: null, usage: 25.75 }))

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    expect(view.stale).toBe(false)
    expect(view.error).toBeNull()
    expect(view.balances[0]).toMatchObject({ kind: 'total', unit: 'USD', amount: '74.75', source: 'official' })
    // A key without a limit contributes no limit figures, only its usage.
    expect(figures(view)).toEqual([
      ['total', 'USD', '74.75'],
      ['key_usage', 'USD', '25.75']
    ])
    expect(view.lastPolledAt).not.toBeNull()
  })

  it('accepts amounts sent as numeric strings, and subtracts without float error', async () => {
    h.sim.route('GET', '/api/v1/credits', { body: { data: { total_credits: '0.3', total_usage: '0.1' } } })
    h.sim.route('GET', '/api/v1/key', { body: { data: { limit: '50', limit_remaining: '49.9', usage: '0.1' } } })

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    // 0.3 − 0.1 in binary floating point is 0.19999999999999998; Coffer's is exact.
    expect(figures(view)).toEqual([
      ['total', 'USD', '0.2'],
      ['key_limit_remaining', 'USD', '49.9'],
      ['key_limit', 'USD', '50'],
      ['key_usage', 'USD', '0.1']
    ])
  })

  it('sends the key as `Authorization: Bearer <key>` to both endpoints', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 10, totalUsage: 1 }))
    h.sim.route('GET', '/api/v1/key', openrouterKey())

    await addAndPoll()

    expect(h.sim.requests.map((r) => r.path)).toEqual(['/api/v1/credits', '/api/v1/key'])
    for (const request of h.sim.requests) {
      expect(request.method).toBe('GET')
      expect(request.headers.authorization).toBe(`Bearer ${key}`)
    }
  })

  for (const status of [401, 403] as const) {
    it(`falls back to /api/v1/key when /credits answers ${status}: key limit remaining, limit and usage`, async () => {
      h.sim.route('GET', '/api/v1/credits', openrouterError(status, 'Management key required'))
      h.sim.route('GET', '/api/v1/key', openrouterKey({ limit: 100, limitRemaining: 74.5, usage: 25.5 }))

      const view = await addAndPoll()

      expect(view.status).toBe('ok')
      expect(view.error).toBeNull()
      expect(figures(view)).toEqual([
        ['key_limit_remaining', 'USD', '74.5'],
        ['key_limit', 'USD', '100'],
        ['key_usage', 'USD', '25.5']
      ])
      expect(h.sim.requestsTo('/api/v1/key')).toHaveLength(1)
    })
  }

  it('fallback with a key that has no limit (null): no limit figures, usage only', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterError(403, 'Forbidden'))
    h.sim.route('GET', '/api/v1/key', openrouterKey({ limit: null, limitRemaining: null, usage: 3.25 }))

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    expect(figures(view)).toEqual([['key_usage', 'USD', '3.25']])
    expect(view.balances.some((b) => b.kind === 'key_limit' || b.kind === 'key_limit_remaining')).toBe(false)
  })

  it('both endpoints rejecting the key → auth_failed, with a message saying what to check', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterError(401, 'No auth credentials found'))
    h.sim.route('GET', '/api/v1/key', openrouterError(401, 'No auth credentials found'))

    const view = await addAndPoll()

    expect(view.status).toBe('auth_failed')
    expect(view.balances).toEqual([])
    expect(view.error?.code).toBe('http_401')
    expect(view.error?.message).toMatch(/rejected the key/i)
    expect(view.error?.message).toContain('No auth credentials found')
  })

  it('a 500 on /credits is not an auth problem: no fallback, provider_error', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterError(500, 'Internal Server Error'))
    h.sim.route('GET', '/api/v1/key', openrouterKey({ limit: 100, limitRemaining: 1, usage: 99 }))

    const view = await addAndPoll()

    expect(view.status).toBe('provider_error')
    expect(h.sim.requestsTo('/api/v1/key')).toHaveLength(0)
  })

  it('accounts:test (Test connection) asks the provider with the draft and writes nothing', async () => {
    h.sim.route('GET', '/api/v1/credits', (req) =>
      req.headers.authorization === `Bearer ${key}` ? openrouterCredits({ totalCredits: 1, totalUsage: 0 }) : openrouterError(401, 'bad key')
    )
    h.sim.route('GET', '/api/v1/key', (req) => (req.headers.authorization === `Bearer ${key}` ? openrouterKey() : openrouterError(401, 'bad key')))
    const draft = { provider: 'openrouter', label: 'Draft', baseUrl: h.sim.baseUrl }

    const good = await callOk(h.core, 'accounts:test', { draft, key })
    const bad = await callOk(h.core, 'accounts:test', { draft, key: 'sk-or-v1-wrong-key-000000' })

    expect(good).toMatchObject({ label: 'Draft', status: 'ok', error: null })
    expect(bad).toMatchObject({ status: 'auth_failed', httpStatus: 401 })
    expect(bad.error?.message).toMatch(/rejected the key/)
    expect(JSON.stringify([good, bad])).not.toContain(key)
    expect(await callOk(h.core, 'accounts:list', {})).toEqual([])
    expect(countRows(h.core.context.db, 'poll_runs')).toBe(0)
    expect(countRows(h.core.context.db, 'raw_responses')).toBe(0)
  })

  it('a key whose limit resets monthly: what is left and the usage are both this month’s, with the reset time (issue 13.5)', async () => {
    // The harness clock is 2026-11-21T12:00Z: a monthly limit resets at 2026-12-01T00:00Z (midnight UTC).
    h.sim.route('GET', '/api/v1/credits', openrouterError(403, 'Management key required'))
    h.sim.route(
      'GET',
      '/api/v1/key',
      openrouterKey({ limit: 20, limitRemaining: 12.25, limitReset: 'monthly', usage: 431.5, usageDaily: 0.5, usageWeekly: 3.25, usageMonthly: 7.75 })
    )

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    // 20 − 7.75 = 12.25: the usage shown is the month's (not the key's lifetime 431.5), so the figures add up.
    expect(figures(view)).toEqual([
      ['key_limit_remaining', 'USD', '12.25'],
      ['key_limit', 'USD', '20'],
      ['key_usage', 'USD', '7.75']
    ])
    expect(view.balances.find((b) => b.kind === 'key_limit_remaining')?.resetsAt).toBe('2026-12-01T00:00:00.000Z')
    expect(view.balances.find((b) => b.kind === 'key_usage')?.resetsAt).toBe('2026-12-01T00:00:00.000Z')
    expect(view.balances.find((b) => b.kind === 'key_limit')?.resetsAt ?? null).toBeNull()
  })

  it('a daily limit uses usage_daily and resets at the next midnight UTC; no limit_reset keeps lifetime usage', async () => {
    h.sim.route('GET', '/api/v1/credits', openrouterError(401, 'Management key required'))
    h.sim.route(
      'GET',
      '/api/v1/key',
      openrouterKey({ limit: 1, limitRemaining: 0.875, limitReset: 'daily', usage: 9, usageDaily: 0.125 }),
      openrouterKey({ limit: 10, limitRemaining: 1, limitReset: null, usage: 9, usageDaily: 0.125 })
    )

    const daily = await addAndPoll()
    expect(figures(daily)).toEqual([
      ['key_limit_remaining', 'USD', '0.875'],
      ['key_limit', 'USD', '1'],
      ['key_usage', 'USD', '0.125']
    ])
    expect(daily.balances[0]?.resetsAt).toBe('2026-11-22T00:00:00.000Z')

    await callOk(h.core, 'accounts:poll', { ids: [daily.id] })
    const [lifetime] = await callOk(h.core, 'accounts:list', {})
    expect(lifetime && figures(lifetime)).toEqual([
      ['key_limit_remaining', 'USD', '1'],
      ['key_limit', 'USD', '10'],
      ['key_usage', 'USD', '9']
    ])
    expect(lifetime?.balances.every((b) => !b.resetsAt)).toBe(true)
  })

  it('follows a base URL with a path prefix (proxies, relays)', async () => {
    h.sim.route('GET', '/relay/openrouter/api/v1/credits', openrouterCredits({ totalCredits: 5, totalUsage: 0 }))
    h.sim.route('GET', '/relay/openrouter/api/v1/key', openrouterKey())
    const added = await callOk(h.core, 'accounts:add', {
      draft: { provider: 'openrouter', label: 'Relay', baseUrl: `${h.sim.baseUrl}/relay/openrouter/` },
      key
    })
    await callOk(h.core, 'accounts:poll', { ids: [added.id] })
    const [view] = await callOk(h.core, 'accounts:list', {})
    expect(view?.status).toBe('ok')
    expect(view?.balances[0]).toMatchObject({ kind: 'total', amount: '5' })
  })
})
