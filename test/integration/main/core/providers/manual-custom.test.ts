import { describe, expect, it } from 'vitest'
import { relaySubscription, relayUsage } from '../../../../simulator/shapes/relay'
import { addAccount, callOk, callWire, factCount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'relay-token-0123456789abcdef'

describe('manual accounts', () => {
  it('need no key and no base URL; a poll asks nobody and is ok with no facts', async () => {
    const account = await addAccount(h, 'manual', undefined, { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD', plan: 'GPTBots Pro', billingUrl: 'https://www.gptbots.ai/pricing' }, null)
    expect(account.billingUrl).toBe('https://www.gptbots.ai/pricing')
    expect(account.options).toMatchObject({ unit: 'credits', creditValue: '0.01', plan: 'GPTBots Pro' })
    // Nothing to ask: checked daily unless told otherwise.
    expect(account.pollIntervalMinutes).toBe(1440)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(view.balances).toEqual([])
    expect(h.sim.requests).toHaveLength(0)
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })

  it('take the user’s entries in their own unit: a balance, then a top-up, both manual', async () => {
    const account = await addAccount(h, 'manual', undefined, { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' }, null)
    const entry = await callOk(h.core, 'credits:record', { accountId: account.id, kind: 'balance', amount: '1500', at: '2026-11-20' })
    expect(entry).toMatchObject({ unit: 'credits', source: 'manual' })
    await callOk(h.core, 'credits:record', { accountId: account.id, kind: 'topup', amount: '500', at: '2026-11-21T08:00:00Z' })
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(view.balances[0]).toMatchObject({ unit: 'credits', kind: 'total' })
    expect(view.balances[0]?.source).not.toBe('official')
    expect(h.sim.requests).toHaveLength(0)
  })

  it('default to USD, and check the credit value and the billing link', async () => {
    const noUnit = await callWire(h.core, 'accounts:add', { draft: { provider: 'manual', label: 'ChatGPT Plus', options: { plan: 'Plus' } } })
    expect(noUnit).toMatchObject({ ok: true, value: { options: { unit: 'USD', plan: 'Plus' }, hasKey: false } })
    const badValue = await callWire(h.core, 'accounts:add', { draft: { provider: 'manual', label: 'b', options: { unit: 'credits', creditValue: 'cheap' } } })
    expect(badValue).toMatchObject({ ok: false, code: 'bad_request' })
    const badLink = await callWire(h.core, 'accounts:add', { draft: { provider: 'manual', label: 'c', options: { unit: 'USD', billingUrl: 'javascript:alert(1)' } } })
    expect(badLink).toMatchObject({ ok: false, code: 'bad_request' })
  })
})

describe('custom accounts: one GET, a JSON path, unit and scale', () => {
  it('reads the balance, used and total at their paths with the chosen header, scheme and scale', async () => {
    h.sim.route('GET', '/api/me', { body: { data: { wallet: [{ cents: '1250' }, { cents: '99' }], spent: 300, quota: '1550' } } })
    const account = await addAccount(
      h,
      'custom',
      KEY,
      { url: `${h.sim.baseUrl}/api/me?fields=all`, authHeader: 'X-Api-Token', authScheme: 'none', balancePath: 'data.wallet[0].cents', usedPath: '$.data.spent', totalPath: 'data.quota', unit: 'EUR', scale: '-2' },
      null
    )
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['total', 'EUR', '12.5'],
      ['used', 'EUR', '3'],
      ['limit', 'EUR', '15.5']
    ])
    const [request] = h.sim.requests
    expect(request?.headers['x-api-token']).toBe(KEY)
    expect(request?.headers.authorization).toBeUndefined()
    expect(request?.query.get('fields')).toBe('all')
  })

  it('defaults to Authorization: Bearer, USD, no scale; a divisor scale divides exactly', async () => {
    h.sim.route('GET', '/quota', { body: { quota: 1250000 } })
    const plain = await addAccount(h, 'custom', KEY, { url: `${h.sim.baseUrl}/quota`, balancePath: 'quota' }, null)
    expect(figures((await poll(h, plain.id)).view)).toEqual([['total', 'USD', '1250000']])
    expect(h.sim.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
    const divided = await addAccount(h, 'custom', KEY, { url: `${h.sim.baseUrl}/quota`, balancePath: 'quota', scale: '/500000' }, null)
    expect(figures((await poll(h, divided.id)).view)).toEqual([['total', 'USD', '2.5']])
  })

  it('nothing at the path, or not a number there, is bad_response (never zero)', async () => {
    h.sim.route('GET', '/b', { body: { data: { balance: 'n/a' } } }, { body: { data: {} } })
    const account = await addAccount(h, 'custom', KEY, { url: `${h.sim.baseUrl}/b`, balancePath: 'data.balance' }, null)
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
    const second = await poll(h, account.id)
    expect(second.report.status).toBe('bad_response')
    expect(second.report.error?.message).toMatch(/data\.balance/)
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })

  it('a path cannot reach into prototypes', async () => {
    h.sim.route('GET', '/p', { body: { data: {} } })
    const account = await addAccount(h, 'custom', KEY, { url: `${h.sim.baseUrl}/p`, balancePath: 'data.constructor.length' }, null)
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
  })

  it('rejects a missing URL, a broken path or a broken scale when added', async () => {
    for (const options of [{ balancePath: 'a' }, { url: 'https://x.test/b', balancePath: 'a..b' }, { url: 'https://x.test/b', balancePath: 'a', scale: 'x100' }, { url: 'https://x.test/b' }]) {
      const result = await callWire(h.core, 'accounts:add', { draft: { provider: 'custom', label: `c${Math.random()}`.slice(0, 20), options } })
      expect(result).toMatchObject({ ok: false, code: 'bad_request' })
    }
  })
})

describe('custom preset: OpenAI-compatible relay (new-api / one-api)', () => {
  it('balance = hard_limit_usd − total_usage / 100, with used and limit', async () => {
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(100))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(2575))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay', url: `${h.sim.baseUrl}/v1` }, null)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'USD', '74.25'],
      ['used', 'USD', '25.75'],
      ['limit', 'USD', '100']
    ])
    const [usage] = h.sim.requestsTo('/v1/dashboard/billing/usage')
    expect(usage?.query.get('end_date')).toBe('2026-11-22')
    expect(usage?.query.get('start_date')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(usage?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('takes the relay’s address from the base URL when no url option is given', async () => {
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(20))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(500))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay' })
    expect(figures((await poll(h, account.id)).view)[0]).toEqual(['total', 'USD', '15'])
  })

  it('an unlimited token (hard_limit_usd 100000000) shows no balance, only what it used', async () => {
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(100000000))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(12345))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay', url: h.sim.baseUrl }, null)
    expect(figures((await poll(h, account.id)).view)).toEqual([['used', 'USD', '123.45']])
  })

  it('a new-api site that displays CNY: the unit option says so and the figures are CNY (issue 13.2)', async () => {
    // new-api GetSubscription/GetUsage: quota / QuotaPerUnit × USDExchangeRate when the display type is CNY.
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(730.5))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(12345))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay', url: h.sim.baseUrl, unit: 'CNY' }, null)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'CNY', '607.05'],
      ['used', 'CNY', '123.45'],
      ['limit', 'CNY', '730.5']
    ])
  })

  it('a one-api site with currency display off sends raw quota: scale /500000 turns it into USD, and its limit is what is left (issue 13.2)', async () => {
    // one-api GetSubscription sends the quota left: 12,500,000 quota = $25 left; total_usage
    // 250,000,000 = 2,500,000 quota ×100 = $5 used; so the token's limit was $30.
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(12_500_000))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(250_000_000))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay', url: h.sim.baseUrl, scale: '/500000', relayFlavor: 'one-api' }, null)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'USD', '25'],
      ['used', 'USD', '5'],
      ['limit', 'USD', '30']
    ])
  })

  it('new-api (the default) sends remaining + used as its limit: the same figures read as $20 left of $25', async () => {
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(12_500_000))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(250_000_000))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay', url: h.sim.baseUrl, scale: '/500000' }, null)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'USD', '20'],
      ['used', 'USD', '5'],
      ['limit', 'USD', '25']
    ])
  })

  it('a site that displays tokens: unit tokens, as is; the unlimited marker still means unlimited', async () => {
    h.sim.route('GET', '/v1/dashboard/billing/subscription', relaySubscription(2_000_000), relaySubscription(100000000))
    h.sim.route('GET', '/v1/dashboard/billing/usage', relayUsage(50_000_000))
    const account = await addAccount(h, 'custom', KEY, { preset: 'openai-compatible-relay', url: h.sim.baseUrl, unit: 'tokens' }, null)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'tokens', '1500000'],
      ['used', 'tokens', '500000'],
      ['limit', 'tokens', '2000000']
    ])
    expect(figures((await poll(h, account.id)).view)).toEqual([['used', 'tokens', '500000']])
  })

  it('a relay scale that is not a scale is refused when the account is added', async () => {
    const result = await callWire(h.core, 'accounts:add', {
      draft: { provider: 'custom', label: 'Bad scale', options: { preset: 'openai-compatible-relay', url: 'https://relay.example.com', scale: '/0' } }
    })
    expect(result).toMatchObject({ ok: false, code: 'bad_request' })
  })
})
