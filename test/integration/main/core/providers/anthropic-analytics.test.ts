import { describe, expect, it } from 'vitest'
import type { SimHandler, SimRequest, SimResponse } from '../../../../simulator/provider-simulator'
import { anthropicAnalyticsCostRow, anthropicAnalyticsUsageRow, anthropicCostBucket, anthropicUsageBucket } from '../../../../simulator/shapes/anthropic'
import { cursorPages } from '../../../../simulator/shapes/openai'
import { addAccount, factCount, poll, spendRows, usageRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-ant-admin01-0123456789abcdefXYZ'
const ANALYTICS = '/v1/organizations/analytics/cost'
const COST = '/v1/organizations/cost_report'
const USAGE = '/v1/organizations/usage_report/messages'
const ANALYTICS_USAGE = '/v1/organizations/analytics/usage'
const page = (data: unknown[]): ReturnType<typeof cursorPages> => cursorPages([data], { objectKey: false })
/** The answer of `handler` to `req` (a cursorPages handler is always a function). */
const answer = (handler: SimHandler, req: SimRequest): SimResponse => (typeof handler === 'function' ? handler(req) : handler)
/** Rows of November 2026 in the range that holds them (2026-10-25 … 2026-11-21 on the first poll), none in the others, as the API filters by range. */
const lastRange = (data: unknown[]): SimHandler => (req) => answer(page(req.query.get('starting_at') === '2026-10-25T00:00:00Z' ? data : []), req)

describe('Anthropic cost from the Usage and Cost Analytics API, cost_report as the fallback (issue 13.10)', () => {
  it('reads daily cost by model in fractional cents (÷100, exact), with the beta header, in ranges of at most 31 days', async () => {
    h.sim.route('GET', ANALYTICS, (req) =>
      answer(req.query.get('starting_at') === '2026-10-25T00:00:00Z'
        ? page([
            anthropicAnalyticsCostRow({ day: '2026-11-20', model: 'claude-sonnet-4-5', cents: '123.456789' }),
            anthropicAnalyticsCostRow({ day: '2026-11-20', model: 'claude-haiku-4-5', cents: 7 }),
            anthropicAnalyticsCostRow({ day: '2026-11-21', model: 'claude-sonnet-4-5', cents: '0.5' })
          ])
        : page([]), req)
    )
    h.sim.route('GET', USAGE, page([]))
    const account = await addAccount(h, 'anthropic', KEY)

    const { view } = await poll(h, account.id)

    expect(view.error).toBeNull()
    expect(view.status).toBe('ok')
    // 123.456789 cents = $1.23456789 → 1234568 micro-dollars (half-even at the sixth decimal).
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-20 claude-haiku-4-5 USD 70000',
      '2026-11-20 claude-sonnet-4-5 USD 1234568',
      '2026-11-21 claude-sonnet-4-5 USD 5000'
    ])
    const requests = h.sim.requestsTo(ANALYTICS)
    // 90 days (2026-08-24 … 2026-11-21) in three ranges: 31 + 31 + 28 days.
    expect(requests.map((r) => [r.query.get('starting_at'), r.query.get('ending_at')])).toEqual([
      ['2026-08-24T00:00:00Z', '2026-09-24T00:00:00Z'],
      ['2026-09-24T00:00:00Z', '2026-10-25T00:00:00Z'],
      ['2026-10-25T00:00:00Z', '2026-11-22T00:00:00Z']
    ])
    for (const request of requests) {
      expect(request.headers['anthropic-beta']).toBe('analytics-usage-cost-2026-08-24')
      expect(request.headers['anthropic-version']).toBe('2023-06-01')
      expect(request.headers['x-api-key']).toBe(KEY)
      expect(request.query.get('bucket_width')).toBe('1d')
      expect(request.query.getAll('group_by[]')).toEqual(['model'])
    }
    expect(h.sim.requestsTo(COST)).toHaveLength(0)
  })

  it('a day the analytics API no longer lists is cleared (every day of the range is answered)', async () => {
    h.sim.route(
      'GET',
      ANALYTICS,
      page([anthropicAnalyticsCostRow({ day: '2026-11-21', model: 'claude-sonnet-4-5', cents: 100 })]),
      page([anthropicAnalyticsCostRow({ day: '2026-11-21', model: 'claude-opus-4-1', cents: 300 })])
    )
    h.sim.route('GET', USAGE, page([]))
    const account = await addAccount(h, 'anthropic', KEY)
    await poll(h, account.id)
    await poll(h, account.id)
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 claude-opus-4-1 USD 3000000'])
  })

  for (const status of [400, 403, 404]) {
    it(`analytics answering ${status} (not offered to this organisation or key) falls back to cost_report`, async () => {
      h.sim.route('GET', ANALYTICS, { status, body: { type: 'error', error: { type: 'invalid_request_error', message: 'not available' } } })
      h.sim.route('GET', COST, page([anthropicCostBucket({ day: '2026-11-20', lines: [{ description: 'Claude Sonnet 4 Usage - Input Tokens', cents: '123.45' }] })]))
      h.sim.route('GET', USAGE, page([]))
      const account = await addAccount(h, 'anthropic', KEY)
      const { view } = await poll(h, account.id)
      expect(view.status).toBe('ok')
      expect(view.warning).toBeNull()
      expect(spendRows(h, account.id)).toEqual(['2026-11-20 Claude Sonnet 4 Usage - Input Tokens USD 1234500'])
      expect(h.sim.requestsTo(ANALYTICS)).toHaveLength(1)
      expect(h.sim.requestsTo(COST)[0]?.headers['anthropic-beta']).toBeUndefined()
    })
  }

  it('a rejected key (401) or a server error on analytics fails the poll and writes nothing (no fallback)', async () => {
    h.sim.route('GET', ANALYTICS, { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } }, { status: 500, body: {} })
    h.sim.route('GET', COST, page([anthropicCostBucket({ day: '2026-11-20', lines: [{ description: 'x', cents: 1 }] })]))
    h.sim.route('GET', USAGE, page([]))
    const account = await addAccount(h, 'anthropic', KEY)
    expect((await poll(h, account.id)).report.status).toBe('auth_failed')
    expect((await poll(h, account.id)).report.status).toBe('provider_error')
    expect(h.sim.requestsTo(COST)).toHaveLength(0)
    expect(factCount(h, 'spend_lines', account.id)).toBe(0)
  })

  it('reads tokens and requests by model from analytics/usage (cache writes 5m + 1h, reads apart); the legacy usage report is not asked', async () => {
    h.sim.route('GET', ANALYTICS, page([]))
    h.sim.route(
      'GET',
      ANALYTICS_USAGE,
      lastRange([anthropicAnalyticsUsageRow({ day: '2026-11-21', model: 'claude-sonnet-4-5', uncached: 1500, cache5m: 500, cache1h: 1000, cacheRead: 200, output: 700, requests: 12 })])
    )
    h.sim.route('GET', USAGE, page([]))
    const account = await addAccount(h, 'anthropic', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(usageRows(h, account.id)).toEqual(['2026-11-21 claude-sonnet-4-5 1500/200/1500/700/12'])
    expect(h.sim.requestsTo(ANALYTICS_USAGE)[0]?.headers['anthropic-beta']).toBe('analytics-usage-cost-2026-08-24')
    expect(h.sim.requestsTo(USAGE)).toHaveLength(0)
  })

  it('analytics/usage not offered (404) falls back to usage_report/messages on its own', async () => {
    h.sim.route('GET', ANALYTICS, lastRange([anthropicAnalyticsCostRow({ day: '2026-11-21', model: 'claude-sonnet-4-5', cents: 100 })]))
    h.sim.route(
      'GET',
      USAGE,
      page([anthropicUsageBucket({ day: '2026-11-20', models: [{ model: 'claude-sonnet-4-5', uncached: 10, cache5m: 1, cache1h: 2, cacheRead: 3, output: 4 }] })])
    )
    const account = await addAccount(h, 'anthropic', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 claude-sonnet-4-5 USD 1000000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-20 claude-sonnet-4-5 10/3/3/4/0'])
  })
})
