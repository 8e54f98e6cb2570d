import { describe, expect, it } from 'vitest'
import { poeBalance, poeHistory, type PoeEntry } from '../../../../simulator/shapes/poe'
import { addAccount, figures, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'poe-0123456789abcdef0123'

describe('Poe: points balance and 30 days of points history', () => {
  it('balance in points; history paged (100 a page) and summed per UTC day and bot', async () => {
    const entries: PoeEntry[] = [
      { at: '2026-11-21T10:00:00Z', bot: 'GPT-4o', points: 25 },
      { at: '2026-11-21T09:00:00Z', bot: 'GPT-4o', points: 15 },
      { at: '2026-11-20T23:59:59Z', bot: 'Claude-Sonnet-4.5', points: 40 },
      // 150 entries of 2 points on 19 November: two pages of history on their own.
      ...Array.from({ length: 150 }, (_, i) => ({ at: new Date(Date.parse('2026-11-19T20:00:00Z') - i * 60_000).toISOString(), bot: 'Llama-3.1-405B', points: 2 })),
      // Older than the 30-day window: not counted.
      { at: '2026-10-01T12:00:00Z', bot: 'GPT-4o', points: 999 }
    ]
    h.sim.route('GET', '/usage/current_balance', poeBalance(1500))
    h.sim.route('GET', '/usage/points_history', poeHistory(entries))
    const account = await addAccount(h, 'poe', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(figures(view)).toEqual([['total', 'points', '1500']])
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-19 Llama-3.1-405B points 300000000', // 150 × 2
      '2026-11-20 Claude-Sonnet-4.5 points 40000000',
      '2026-11-21 GPT-4o points 40000000' // 25 + 15
    ])
    const pages = h.sim.requestsTo('/usage/points_history')
    // Page 2 reaches an entry older than the window: no third page.
    expect(pages.map((r) => r.query.get('starting_after'))).toEqual([null, 'q100'])
    expect(pages[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(pages.every((r) => r.query.get('limit') === '100')).toBe(true)
  })

  it('a failing history keeps the balance and names what is missing', async () => {
    h.sim.route('GET', '/usage/current_balance', poeBalance('800'))
    h.sim.route('GET', '/usage/points_history', { status: 500, body: { error: { message: 'history down' } } })
    const account = await addAccount(h, 'poe', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/points history could not be read/)
    expect(figures(view)).toEqual([['total', 'points', '800']])
    expect(spendRows(h, account.id)).toEqual([])
  })
})
