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
})
