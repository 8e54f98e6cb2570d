import { describe, expect, it } from 'vitest'
import { cursorPages, openaiCostBucket, openaiUsageBucket } from '../../../../simulator/shapes/openai'
import { addAccount, factCount, poll, spendRows, usageRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-admin-0123456789abcdefXYZ'
const COSTS = '/v1/organization/costs'
const USAGE = '/v1/organization/usage/completions'

function routeUsage(...pages: unknown[][]): void {
  h.sim.route('GET', USAGE, cursorPages(pages))
}

describe('OpenAI admin API: costs → spend lines, completions usage → usage lines', () => {
  it('reads dollars by line item and tokens by model; uncached input = input − cached', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([
        [
          openaiCostBucket({ day: '2026-11-20', lines: [{ lineItem: 'GPT-4o input', value: 0.06 }, { lineItem: 'GPT-4o output', value: '2.25' }] }),
          openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'Image models', value: 12.5 }] })
        ]
      ])
    )
    routeUsage([openaiUsageBucket({ day: '2026-11-20', models: [{ model: 'gpt-4o', input: 45949, cached: 949, output: 282, requests: 150 }] })])
    const account = await addAccount(h, 'openai', KEY)
    const { view } = await poll(h, account.id)

    expect(view.status).toBe('ok')
    expect(view.balances).toEqual([])
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-20 GPT-4o input USD 60000',
      '2026-11-20 GPT-4o output USD 2250000',
      '2026-11-21 Image models USD 12500000'
    ])
    expect(usageRows(h, account.id)).toEqual(['2026-11-20 gpt-4o 45000/949/0/282/150'])
    for (const request of h.sim.requests) expect(request.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('since 2026-07-15: reads input_uncached_tokens and input_cache_write_tokens, and skips a cost result without amount', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([[openaiCostBucket({ day: '2026-11-20', lines: [{ lineItem: 'GPT-5 input', value: 1.5 }, { lineItem: 'Web search', value: null }] })]])
    )
    routeUsage([
      openaiUsageBucket({
        day: '2026-11-20',
        models: [
          // The spec's own example: 1000 input = 400 cached + 100 cache writes + 500 uncached.
          { model: 'gpt-5', input: 1000, cached: 400, cacheWrite: 100, uncached: 500, output: 500, requests: 4 },
          // Cache writes without the uncached field: uncached = input − cached − cache writes.
          { model: 'gpt-5-mini', input: '2000', cached: '300', cacheWrite: '200', output: 10, requests: 1 }
        ]
      })
    ])
    const account = await addAccount(h, 'openai', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 GPT-5 input USD 1500000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-20 gpt-5 500/400/100/500/4', '2026-11-20 gpt-5-mini 1500/300/200/10/1'])
  })

  it('first poll backfills 90 days (start_time at midnight UTC, 89 days back), grouped, 1d buckets', async () => {
    h.sim.route('GET', COSTS, cursorPages([[]]))
    routeUsage([])
    const account = await addAccount(h, 'openai', KEY)
    await poll(h, account.id)
    const [costs] = h.sim.requestsTo(COSTS)
    expect(costs?.query.get('start_time')).toBe(String(Date.parse('2026-08-24T00:00:00Z') / 1000))
    expect(costs?.query.get('end_time')).toBe(String(Date.parse('2026-11-22T00:00:00Z') / 1000))
    expect(costs?.query.get('bucket_width')).toBe('1d')
    expect(costs?.query.getAll('group_by')).toEqual(['line_item'])
    const [usage] = h.sim.requestsTo(USAGE)
    expect(usage?.query.getAll('group_by')).toEqual(['model'])
    expect(usage?.query.get('start_time')).toBe(costs?.query.get('start_time'))
  })

  it('later polls re-fetch only the recent days, and a revised day replaces the old figure', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([[openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'GPT-4o', value: 1 }] })]]),
    )
    routeUsage([openaiUsageBucket({ day: '2026-11-21', models: [{ model: 'gpt-4o', input: 100, cached: 0, output: 10, requests: 1 }] })])
    const account = await addAccount(h, 'openai', KEY)
    await poll(h, account.id)

    h.clock.now = new Date('2026-11-21T18:00:00Z')
    h.sim.reset()
    h.sim.route('GET', COSTS, cursorPages([[openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'GPT-4o', value: 3.5 }] })]]))
    routeUsage([openaiUsageBucket({ day: '2026-11-21', models: [{ model: 'gpt-4o', input: 300, cached: 100, output: 30, requests: 3 }] })])
    await poll(h, account.id)

    expect(h.sim.requestsTo(COSTS)[0]?.query.get('start_time')).toBe(String(Date.parse('2026-11-19T00:00:00Z') / 1000))
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 GPT-4o USD 3500000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-21 gpt-4o 200/100/0/30/3'])
  })

  it('a re-fetched day is replaced as a whole: an item or model gone from the answer goes; days outside the window stay', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([
        [
          openaiCostBucket({ day: '2026-11-01', lines: [{ lineItem: 'old', value: 5 }] }),
          openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'GPT-4o', value: 1 }, { lineItem: 'gpt-4o (renamed soon)', value: 2 }] })
        ]
      ])
    )
    routeUsage([openaiUsageBucket({ day: '2026-11-21', models: [{ model: 'a', input: 1, cached: 0, output: 1, requests: 1 }, { model: 'b', input: 2, cached: 0, output: 2, requests: 1 }] })])
    const account = await addAccount(h, 'openai', KEY)
    await poll(h, account.id)
    expect((await poll(h, account.id)).view.spend).toMatchObject({ unit: 'USD', today: '3' })

    h.clock.now = new Date('2026-11-21T20:00:00Z')
    h.sim.route('GET', COSTS, cursorPages([[openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'GPT-4o', value: 2.5 }] })]]))
    routeUsage([openaiUsageBucket({ day: '2026-11-21', models: [{ model: 'a', input: 5, cached: 0, output: 5, requests: 2 }] })])
    const { view } = await poll(h, account.id)

    expect(spendRows(h, account.id)).toEqual(['2026-11-01 old USD 5000000', '2026-11-21 GPT-4o USD 2500000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-21 a 5/0/0/5/2'])
    expect(view.spend).toMatchObject({ unit: 'USD', today: '2.5' })
  })

  it('a day the answer has no bucket for is left alone', async () => {
    h.sim.route('GET', COSTS, cursorPages([[openaiCostBucket({ day: '2026-11-20', lines: [{ lineItem: 'a', value: 1 }] }), openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'a', value: 2 }] })]]))
    routeUsage([])
    const account = await addAccount(h, 'openai', KEY)
    await poll(h, account.id)
    h.sim.route('GET', COSTS, cursorPages([[openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'b', value: 3 }] })]]))
    await poll(h, account.id)
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 a USD 1000000', '2026-11-21 b USD 3000000'])
  })

  it('follows has_more/next_page over 3 pages, sending page=<cursor>', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([
        [openaiCostBucket({ day: '2026-11-19', lines: [{ lineItem: 'a', value: 1 }] })],
        [openaiCostBucket({ day: '2026-11-20', lines: [{ lineItem: 'a', value: 2 }] })],
        [openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'a', value: 3 }] })]
      ])
    )
    routeUsage([], [], [])
    const account = await addAccount(h, 'openai', KEY)
    await poll(h, account.id)
    expect(h.sim.requestsTo(COSTS).map((r) => r.query.get('page'))).toEqual([null, 'cursor-1', 'cursor-2'])
    expect(h.sim.requestsTo(USAGE)).toHaveLength(3)
    expect(spendRows(h, account.id)).toEqual(['2026-11-19 a USD 1000000', '2026-11-20 a USD 2000000', '2026-11-21 a USD 3000000'])
  })

  it('a failure on page 3 writes nothing from pages 1–2 and reports the fault', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([
        [openaiCostBucket({ day: '2026-11-19', lines: [{ lineItem: 'a', value: 1 }] })],
        [openaiCostBucket({ day: '2026-11-20', lines: [{ lineItem: 'a', value: 2 }] })],
        { status: 500, body: { error: { message: 'upstream' } } }
      ])
    )
    routeUsage([])
    const account = await addAccount(h, 'openai', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.httpStatus).toBe(500)
    expect(factCount(h, 'spend_lines', account.id)).toBe(0)
    expect(factCount(h, 'usage_lines', account.id)).toBe(0)
  })

  it('a usage failure after good costs writes no costs either (one poll, one transaction)', async () => {
    h.sim.route('GET', COSTS, cursorPages([[openaiCostBucket({ day: '2026-11-21', lines: [{ lineItem: 'a', value: 1 }] })]]))
    h.sim.route('GET', USAGE, { status: 429, headers: { 'retry-after': '60' }, body: { error: { message: 'slow down' } } })
    const account = await addAccount(h, 'openai', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('rate_limited')
    expect(factCount(h, 'spend_lines', account.id)).toBe(0)
  })

  it('has_more true without next_page is bad_response, not an endless loop', async () => {
    h.sim.route('GET', COSTS, { body: { object: 'page', data: [], has_more: true, next_page: null } })
    routeUsage([])
    const account = await addAccount(h, 'openai', KEY)
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
  })

  it('sums rows of one day and item, keeps currencies apart, and names null line items', async () => {
    h.sim.route(
      'GET',
      COSTS,
      cursorPages([
        [
          openaiCostBucket({
            day: '2026-11-21',
            lines: [
              { lineItem: 'x', value: 0.1 },
              { lineItem: 'x', value: 0.2 },
              { lineItem: 'x', value: 5, currency: 'eur' },
              { lineItem: null, value: 1 }
            ]
          })
        ]
      ])
    )
    routeUsage([openaiUsageBucket({ day: '2026-11-21', models: [{ model: null, input: '10', cached: '4', output: '1', requests: '2' }] })])
    const account = await addAccount(h, 'openai', KEY)
    await poll(h, account.id)
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 Unattributed USD 1000000', '2026-11-21 x EUR 5000000', '2026-11-21 x USD 300000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-21 all models 6/4/0/1/2'])
  })
})
