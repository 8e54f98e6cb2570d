import { describe, expect, it } from 'vitest'
import { fireworksAccounts, fireworksSummary } from '../../../../simulator/shapes/fireworks'
import { addAccount, poll, spendRows, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'fw-0123456789abcdefXYZ'

describe('Fireworks: spend only, Money {units, nanos}', () => {
  it('discovers the account, asks for today (RFC 3339, end exclusive) and stores units + nanos/1e9 exactly', async () => {
    h.sim.route('GET', '/v1/accounts', fireworksAccounts(['acme']))
    h.sim.route('GET', '/v1/accounts/acme/billing/summary', fireworksSummary([{ series: 'serverless', units: '1', nanos: 33292280 }, { series: 'fine-tuning', units: 0, nanos: 500000000 }]))
    const account = await addAccount(h, 'fireworks', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(view.balances).toEqual([])
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 fine-tuning USD 500000', '2026-11-21 serverless USD 1033292'])
    const [summary] = h.sim.requestsTo('/v1/accounts/acme/billing/summary')
    expect(summary?.query.get('startTime')).toBe('2026-11-21T00:00:00Z')
    expect(summary?.query.get('endTime')).toBe('2026-11-22T00:00:00Z')
    expect(summary?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('uses the accountId option without discovery, and re-reads the days since the last success', async () => {
    h.sim.route('GET', '/v1/accounts/team-x/billing/summary', fireworksSummary([{ series: 'serverless', units: '2', nanos: 0 }]))
    const account = await addAccount(h, 'fireworks', KEY, { accountId: 'team-x' })
    await poll(h, account.id)
    h.clock.now = new Date('2026-11-23T08:00:00Z')
    h.sim.route('GET', '/v1/accounts/team-x/billing/summary', fireworksSummary([{ series: 'serverless', units: '3', nanos: 0 }]))
    await poll(h, account.id)
    expect(h.sim.requestsTo('/v1/accounts')).toHaveLength(0)
    expect(h.sim.requestsTo('/v1/accounts/team-x/billing/summary').map((r) => r.query.get('startTime'))).toEqual([
      '2026-11-21T00:00:00Z',
      '2026-11-21T00:00:00Z',
      '2026-11-22T00:00:00Z',
      '2026-11-23T00:00:00Z'
    ])
    // 2026-11-21 was revised from 2 to 3: replaced, not added.
    // (A series that vanished from a re-read day would be removed the same way.)
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 serverless USD 3000000', '2026-11-22 serverless USD 3000000', '2026-11-23 serverless USD 3000000'])
  })

  it('negative money (credits) keeps its sign; no account listed is bad_response', async () => {
    h.sim.route('GET', '/v1/accounts', fireworksAccounts(['acme']))
    h.sim.route('GET', '/v1/accounts/acme/billing/summary', fireworksSummary([{ series: 'credit', units: '-1', nanos: -250000000 }]))
    const account = await addAccount(h, 'fireworks', KEY)
    await poll(h, account.id)
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 credit USD -1250000'])
    h.sim.route('GET', '/v1/accounts', fireworksAccounts([]))
    const other = await addAccount(h, 'fireworks', KEY)
    expect((await poll(h, other.id)).report.status).toBe('bad_response')
  })

  it('follows nextPageToken: one account over two pages is found and used (issue 13.7)', async () => {
    h.sim.route('GET', '/v1/accounts', (req) =>
      req.query.get('pageToken') === 'p2' ? fireworksAccounts(['solo'], { totalSize: 1 }) : fireworksAccounts([], { nextPageToken: 'p2', totalSize: 1 })
    )
    h.sim.route('GET', '/v1/accounts/solo/billing/summary', fireworksSummary([{ series: 'serverless', units: '0', nanos: 1000 }]))
    const account = await addAccount(h, 'fireworks', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual(['2026-11-21 serverless USD 1'])
    const lists = h.sim.requestsTo('/v1/accounts')
    expect(lists.map((r) => [r.query.get('pageSize'), r.query.get('pageToken')])).toEqual([
      ['200', null],
      ['200', 'p2']
    ])
  })

  it('a key that sees several accounts (across pages) is never narrowed to the first: the error names them all; the option then picks one', async () => {
    h.sim.route('GET', '/v1/accounts', (req) =>
      req.query.get('pageToken') === 'next' ? fireworksAccounts(['gamma']) : fireworksAccounts(['alpha', 'beta'], { nextPageToken: 'next' })
    )
    h.sim.route('GET', '/v1/accounts/beta/billing/summary', fireworksSummary([{ series: 'serverless', units: '4', nanos: 0 }]))
    const account = await addAccount(h, 'fireworks', KEY)

    const { report, view } = await poll(h, account.id)

    expect(report.status).toBe('bad_response')
    expect(report.error?.code).toBe('several_accounts')
    expect(report.error?.message).toBe("This Fireworks key can see 3 accounts (“alpha”, “beta”, “gamma”): set the account's Account ID option to the one to track.")
    expect(h.sim.requestsTo('/v1/accounts/alpha/billing/summary')).toHaveLength(0)
    expect(view.balances).toEqual([])
    expect(spendRows(h, account.id)).toEqual([])

    const chosen = await addAccount(h, 'fireworks', KEY, { accountId: 'beta' })
    const picked = await poll(h, chosen.id)
    expect(picked.report.status).toBe('ok')
    expect(spendRows(h, chosen.id)).toEqual(['2026-11-21 serverless USD 4000000'])
  })

  it('a runaway page token (the same one again) is bad_response, not an endless loop', async () => {
    h.sim.route('GET', '/v1/accounts', fireworksAccounts(['a'], { nextPageToken: 'again' }))
    const account = await addAccount(h, 'fireworks', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('bad_response')
    expect(report.error?.code).toBe('repeated_cursor')
    expect(h.sim.requestsTo('/v1/accounts')).toHaveLength(2)
  })
})
