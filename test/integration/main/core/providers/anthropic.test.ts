import { describe, expect, it } from 'vitest'
import { anthropicCostBucket, anthropicUsageBucket } from '../../../../simulator/shapes/anthropic'
import { cursorPages } from '../../../../simulator/shapes/openai'
import { addAccount, factCount, poll, spendRows, usageRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-ant-admin01-0123456789abcdefXYZ'
const COST = '/v1/organizations/cost_report'
const USAGE = '/v1/organizations/usage_report/messages'
const page = (data: unknown[]): ReturnType<typeof cursorPages> => cursorPages([data], { objectKey: false })

describe('Anthropic Admin API: cost_report (cents) and usage_report/messages', () => {
  it('divides cents by 100 exactly, by description, and keeps cache writes (5m + 1h) and reads apart', async () => {
    h.sim.route(
      'GET',
      COST,
      page([
        anthropicCostBucket({
          day: '2026-11-20',
          lines: [
            { description: 'Claude Sonnet 4 Usage - Input Tokens', cents: '123.45' },
            { description: 'Claude Sonnet 4 Usage - Output Tokens', cents: '0.01' },
            { description: 'Web search', cents: 250 }
          ]
        })
      ])
    )
    h.sim.route(
      'GET',
      USAGE,
      page([anthropicUsageBucket({ day: '2026-11-20', models: [{ model: 'claude-sonnet-4-20250514', uncached: 1500, cache5m: 500, cache1h: 1000, cacheRead: 200, output: 500 }] })])
    )
    const account = await addAccount(h, 'anthropic', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-20 Claude Sonnet 4 Usage - Input Tokens USD 1234500',
      '2026-11-20 Claude Sonnet 4 Usage - Output Tokens USD 100',
      '2026-11-20 Web search USD 2500000'
    ])
    expect(usageRows(h, account.id)).toEqual(['2026-11-20 claude-sonnet-4-20250514 1500/200/1500/500/0'])
  })

  it('sends x-api-key and anthropic-version (not Bearer), group_by[] and RFC 3339 times over 90 days', async () => {
    h.sim.route('GET', COST, page([]))
    h.sim.route('GET', USAGE, page([]))
    const account = await addAccount(h, 'anthropic', KEY)
    await poll(h, account.id)
    const [cost] = h.sim.requestsTo(COST)
    expect(cost?.headers['x-api-key']).toBe(KEY)
    expect(cost?.headers['anthropic-version']).toBe('2023-06-01')
    expect(cost?.headers.authorization).toBeUndefined()
    expect(cost?.query.getAll('group_by[]')).toEqual(['description'])
    expect(cost?.query.get('starting_at')).toBe('2026-08-24T00:00:00Z')
    expect(cost?.query.get('ending_at')).toBe('2026-11-22T00:00:00Z')
    expect(cost?.query.get('bucket_width')).toBe('1d')
    expect(h.sim.requestsTo(USAGE)[0]?.query.getAll('group_by[]')).toEqual(['model'])
  })

  it('follows next_page over 3 pages; a failure on page 3 writes nothing', async () => {
    const pages = [
      [anthropicCostBucket({ day: '2026-11-19', lines: [{ description: 'a', cents: '100' }] })],
      [anthropicCostBucket({ day: '2026-11-20', lines: [{ description: 'a', cents: '200' }] })],
      [anthropicCostBucket({ day: '2026-11-21', lines: [{ description: 'a', cents: '300' }] })]
    ]
    h.sim.route('GET', COST, cursorPages(pages, { objectKey: false }))
    h.sim.route('GET', USAGE, page([]))
    const account = await addAccount(h, 'anthropic', KEY)
    await poll(h, account.id)
    expect(h.sim.requestsTo(COST).map((r) => r.query.get('page'))).toEqual([null, 'cursor-1', 'cursor-2'])
    expect(spendRows(h, account.id)).toEqual(['2026-11-19 a USD 1000000', '2026-11-20 a USD 2000000', '2026-11-21 a USD 3000000'])

    h.sim.route('GET', USAGE, cursorPages([[anthropicUsageBucket({ day: '2026-11-21', models: [{ model: 'm', uncached: 1, cache5m: 0, cache1h: 0, cacheRead: 0, output: 1 }] })], [], { status: 200, body: '{"data":[' } as never], { objectKey: false }))
    h.sim.route('GET', COST, cursorPages([pages[0] ?? [], pages[1] ?? [], [anthropicCostBucket({ day: '2026-11-21', lines: [{ description: 'a', cents: '999' }] })]], { objectKey: false }))
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('bad_response')
    // The earlier poll's figures stand; nothing of the failed poll was written.
    expect(spendRows(h, account.id)).toEqual(['2026-11-19 a USD 1000000', '2026-11-20 a USD 2000000', '2026-11-21 a USD 3000000'])
    expect(factCount(h, 'usage_lines', account.id)).toBe(0)
  })

  it('a re-poll replaces a revised day instead of adding, and only the recent days are asked for', async () => {
    h.sim.route('GET', COST, page([anthropicCostBucket({ day: '2026-11-21', lines: [{ description: 'a', cents: '100' }] })]))
    h.sim.route('GET', USAGE, page([anthropicUsageBucket({ day: '2026-11-21', models: [{ model: 'm', uncached: 10, cache5m: 1, cache1h: 2, cacheRead: 3, output: 4 }] })]))
    const account = await addAccount(h, 'anthropic', KEY)
    await poll(h, account.id)
    h.clock.now = new Date('2026-11-22T01:00:00Z')
    h.sim.reset()
    h.sim.route('GET', COST, page([anthropicCostBucket({ day: '2026-11-21', lines: [{ description: 'a', cents: '150.5' }] })]))
    h.sim.route('GET', USAGE, page([anthropicUsageBucket({ day: '2026-11-21', models: [{ model: 'm', uncached: 20, cache5m: 1, cache1h: 2, cacheRead: 3, output: 8 }] })]))
    await poll(h, account.id)
    expect(h.sim.requestsTo(COST)[0]?.query.get('starting_at')).toBe('2026-11-20T00:00:00Z')
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 a USD 1505000'])
    expect(usageRows(h, account.id)).toEqual(['2026-11-21 m 20/3/3/8/0'])
  })

  it('a 401 with the documented error body is auth_failed and names the problem', async () => {
    h.sim.route('GET', COST, { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } })
    const account = await addAccount(h, 'anthropic', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    expect(report.error?.message).toMatch(/invalid x-api-key/)
  })
})
