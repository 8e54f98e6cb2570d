import { describe, expect, it } from 'vitest'
import { xaiBalance, xaiUsage } from '../../../../simulator/shapes/xai'
import { addAccount, callOk, callWire, factCount, figures, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'xai-mgmt-0123456789abcdefXYZ'
const TEAM = 'team-3f2a9c'
const BALANCE = `/v1/billing/teams/${TEAM}/prepaid/balance`
const USAGE = `/v1/billing/teams/${TEAM}/usage`

describe('xAI management API: inverted cents, team id, daily usage', () => {
  it('posted USD = −total.val / 100 (strings); the balance is posted minus this month’s usage; daily spend lines from POST …/usage', async () => {
    h.sim.route('GET', BALANCE, xaiBalance('-250', [{ val: '-1000' }]))
    // October's spend has posted already; November's (1.23 + 0.5) has not.
    h.sim.route('POST', USAGE, xaiUsage([{ day: '2026-10-31', usd: 4 }, { day: '2026-11-20', usd: 1.23 }, { day: '2026-11-21', usd: '0.5' }]))
    const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(view.warning).toBeNull()
    expect(figures(view)).toEqual([
      ['total', 'USD', '0.77'],
      ['posted', 'USD', '2.5']
    ])
    expect(spendRows(h, account.id)).toEqual(['2026-10-31 xAI API USD 4000000', '2026-11-20 xAI API USD 1230000', '2026-11-21 xAI API USD 500000'])
    const [request] = h.sim.requestsTo(USAGE)
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`)
    const body = JSON.parse(request?.body ?? '{}') as { analyticsRequest: { timeRange: { startTime: string; timezone: string }; timeUnit: string } }
    expect(body.analyticsRequest.timeUnit).toBe('TIME_UNIT_DAY')
    expect(body.analyticsRequest.timeRange).toMatchObject({ startTime: '2026-08-24 00:00:00', timezone: 'Etc/GMT' })
  })

  it('reads data-point days as written (space-separated, date-only, epoch seconds), skipping null values', async () => {
    h.sim.route('GET', BALANCE, xaiBalance('-100'))
    h.sim.route('POST', USAGE, {
      body: {
        timeSeries: [
          { dataPoints: [{ timestamp: '2026-11-19 00:00:00', values: ['0.1'] }, { timestamp: '2026-11-20', values: [null] }] },
          { dataPoints: [{ timestamp: Date.parse('2026-11-21T00:00:00Z') / 1000, values: [0.2] }, { timestamp: '2026-11-19T00:00:00Z', values: [0.3] }] }
        ],
        limitReached: false
      }
    })
    const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
    await poll(h, account.id)
    expect(spendRows(h, account.id)).toEqual(['2026-11-19 xAI API USD 400000', '2026-11-21 xAI API USD 200000'])
  })

  it('a positive total (owed) becomes a negative balance, numbers accepted too', async () => {
    h.sim.route('GET', BALANCE, xaiBalance(1999))
    h.sim.route('POST', USAGE, xaiUsage([]))
    const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'USD', '-19.99'],
      ['posted', 'USD', '-19.99']
    ])
  })

  for (const [name, body] of [
    ['no total', { changes: [] }],
    ['total without val', { total: {} }],
    ['an error body with HTTP 200', { code: 7, message: 'permission denied' }]
  ] as const) {
    it(`a 200 body with ${name} is an error, never $0`, async () => {
      h.sim.route('GET', BALANCE, { body })
      h.sim.route('POST', USAGE, xaiUsage([]))
      const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
      const { report, view } = await poll(h, account.id)
      expect(report.status).toBe('provider_error')
      expect(view.balances).toEqual([])
      expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
    })
  }

  it('an unreadable total.val is bad_response', async () => {
    h.sim.route('GET', BALANCE, xaiBalance('12,50'))
    h.sim.route('POST', USAGE, xaiUsage([]))
    const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
  })

  it('a 404 (team not found) is provider_error and writes nothing', async () => {
    h.sim.route('GET', BALANCE, { status: 404, body: { code: 5, message: 'team not found' } })
    const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
    expect((await poll(h, account.id)).report.status).toBe('provider_error')
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })

  for (const [name, failure] of [
    ['unreadable JSON', { fault: 'truncated-json' as const }],
    ['a 500', { status: 500, body: { code: 13, message: 'analytics backend down' } }],
    ['a 403 (no usage permission)', { status: 403, body: { code: 7, message: 'missing billing:read' } }]
  ] as const) {
    it(`usage failing with ${name} keeps the posted balance and warns, on the card, the poll report and the Polls tab`, async () => {
      h.sim.route('GET', BALANCE, xaiBalance('-250'))
      h.sim.route('POST', USAGE, failure)
      const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
      const { report, view } = await poll(h, account.id)
      expect(report.status).toBe('ok')
      expect(report.warning).toMatch(/xAI's daily usage could not be read .*posted balance/)
      expect(view.status).toBe('ok')
      expect(view.error).toBeNull()
      expect(view.warning).toBe(report.warning)
      expect(view.warning).not.toContain(KEY)
      expect(figures(view)).toEqual([['posted', 'USD', '2.5']])
      expect(factCount(h, 'spend_lines', account.id)).toBe(0)
      const polls = await callOk(h.core, 'records:polls', {})
      expect(polls.rows[0]).toMatchObject({ status: 'ok', errorMessage: null, warning: report.warning })

      // The next clean poll clears the warning.
      h.sim.route('POST', USAGE, xaiUsage([]))
      const clean = await poll(h, account.id)
      expect(clean.view.warning).toBeNull()
      expect(figures(clean.view)).toEqual([
        ['total', 'USD', '2.5'],
        ['posted', 'USD', '2.5']
      ])
    })
  }

  it('asks for usage from the first of the month even when the refetch window is shorter', async () => {
    h.sim.route('GET', BALANCE, xaiBalance('-250'))
    h.sim.route('POST', USAGE, xaiUsage([]))
    const account = await addAccount(h, 'xai', KEY, { teamId: TEAM })
    await poll(h, account.id)
    h.clock.now = new Date('2026-11-21T18:00:00Z')
    await poll(h, account.id)
    const second = h.sim.requestsTo(USAGE)[1]
    const body = JSON.parse(second?.body ?? '{}') as { analyticsRequest: { timeRange: { startTime: string } } }
    expect(body.analyticsRequest.timeRange.startTime).toBe('2026-11-01 00:00:00')
  })

  it('the team id is required and checked when the account is added', async () => {
    const missing = await callWire(h.core, 'accounts:add', { draft: { provider: 'xai', label: 'x', options: {} }, key: KEY })
    expect(missing).toMatchObject({ ok: false, code: 'bad_request' })
    expect(missing.ok ? '' : missing.message).toMatch(/Team ID/)
    const bad = await callWire(h.core, 'accounts:add', { draft: { provider: 'xai', label: 'y', options: { teamId: 'a/b' } }, key: KEY })
    expect(bad).toMatchObject({ ok: false, code: 'bad_request' })
  })
})
