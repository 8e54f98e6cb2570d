import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AccountView } from '../../../../../src/shared/contract'
import { deepseekBalance } from '../../../../simulator/shapes/deepseek'
import { callOk, callWire } from '../../../../helpers/test-core'
import { useProviderHarness } from './harness'

const key = `sk-${randomBytes(16).toString('hex')}`
/** A simulator and a core over a temp ledger (fake clock at the harness's start), fresh for each test. */
const h = useProviderHarness()

async function addAndPoll(): Promise<AccountView> {
  const added = await callOk(h.core, 'accounts:add', { draft: { provider: 'deepseek', label: 'DS', baseUrl: h.sim.baseUrl }, key })
  await callOk(h.core, 'accounts:poll', { ids: [added.id] })
  const [view] = await callOk(h.core, 'accounts:list', {})
  if (!view) throw new Error('account vanished')
  return view
}

const figures = (view: AccountView): [string, string, string][] => view.balances.map((b) => [b.unit, b.kind, b.amount])

describe('DeepSeek adapter over HTTP (simulator)', () => {
  it('reads every currency (CNY and USD) with total, topped-up and granted, exact decimals', async () => {
    h.sim.route(
      'GET',
      '/user/balance',
      deepseekBalance([
        { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
        { currency: 'USD', total: '5.50', granted: '0.50', toppedUp: '5.00' }
      ])
    )

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    expect(view.error).toBeNull()
    // Totals first (primary = the first one reported), then the splits; "110.00" → "110".
    expect(figures(view)).toEqual([
      ['CNY', 'total', '110'],
      ['USD', 'total', '5.5'],
      ['CNY', 'paid', '100'],
      ['USD', 'paid', '5'],
      ['CNY', 'granted', '10'],
      ['USD', 'granted', '0.5']
    ])
    for (const balance of view.balances) expect(balance.source).toBe('official')
  })

  it('accepts JSON numbers as well as strings (older docs), without float error', async () => {
    h.sim.route(
      'GET',
      '/user/balance',
      deepseekBalance([{ currency: 'CNY', total: 0.3, granted: 0.1, toppedUp: 0.2 }], { asStrings: false })
    )

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['CNY', 'total', '0.3'],
      ['CNY', 'paid', '0.2'],
      ['CNY', 'granted', '0.1']
    ])
  })

  it('accepts mixed forms in one answer and keeps sub-cent precision', async () => {
    h.sim.route('GET', '/user/balance', {
      body: {
        is_available: true,
        balance_infos: [{ currency: 'USD', total_balance: '1234567.891234', granted_balance: 0, topped_up_balance: '1234567.891234' }]
      }
    })

    const view = await addAndPoll()

    expect(figures(view)).toEqual([
      ['USD', 'total', '1234567.891234'],
      ['USD', 'paid', '1234567.891234'],
      ['USD', 'granted', '0']
    ])
  })

  it('reads a JSON answer even when a relay labels it text/html', async () => {
    const good = deepseekBalance([{ currency: 'CNY', total: '7.5', granted: '0', toppedUp: '7.5' }])
    h.sim.route('GET', '/user/balance', { body: JSON.stringify(good.body), headers: { 'content-type': 'text/html; charset=utf-8' } })

    const view = await addAndPoll()

    expect(view.status).toBe('ok')
    expect(view.balances[0]).toMatchObject({ unit: 'CNY', kind: 'total', amount: '7.5' })
  })

  it('sends `Authorization: Bearer <key>` to GET /user/balance', async () => {
    h.sim.route('GET', '/user/balance', deepseekBalance([{ currency: 'CNY', total: '1', granted: '0', toppedUp: '1' }]))

    await addAndPoll()

    expect(h.sim.requests).toHaveLength(1)
    expect(h.sim.requests[0]).toMatchObject({ method: 'GET', path: '/user/balance' })
    expect(h.sim.requests[0]?.headers.authorization).toBe(`Bearer ${key}`)
  })

  it('a key with a character HTTP headers cannot carry is refused when added, not failed on every poll', async () => {
    for (const bad of ['sk-0123456789abcdé', 'sk-0123456789abcd€', 'sk-0123456789abcd\u0007']) {
      const result = await callWire(h.core, 'accounts:add', { draft: { provider: 'deepseek', label: 'Pasted', baseUrl: h.sim.baseUrl }, key: bad })
      expect(result).toMatchObject({ ok: false, code: 'bad_request' })
      expect(!result.ok && result.message).toMatch(/^key: A key contains only plain letters, digits and symbols/)
    }
    expect(await callOk(h.core, 'accounts:list', {})).toEqual([])
  })

  it('an empty or missing balance_infos is an answer with no entries: ok, no figures, a warning that says so (issue 13.6)', async () => {
    // Both fields are optional in DeepSeek's schema (api-docs.deepseek.com/zh-cn/api/get-user-balance).
    h.sim.route('GET', '/user/balance', deepseekBalance([]), { body: { is_available: true } }, { body: { is_available: true, balance_infos: null } })

    const empty = await addAndPoll()
    expect(empty.status).toBe('ok')
    expect(empty.error).toBeNull()
    expect(empty.balances).toEqual([])
    expect(empty.warning).toMatch(/no balance in any currency/)

    for (let i = 0; i < 2; i += 1) {
      await callOk(h.core, 'accounts:poll', { ids: [empty.id] })
      const [view] = await callOk(h.core, 'accounts:list', {})
      expect(view).toMatchObject({ status: 'ok', error: null, balances: [] })
      expect(view?.warning).toMatch(/no balance_infos entries/)
    }
  })

  it('is_available: false keeps the balance and says DeepSeek blocks API calls (issue 13.6)', async () => {
    h.sim.route(
      'GET',
      '/user/balance',
      deepseekBalance([{ currency: 'CNY', total: '12.34', granted: '0', toppedUp: '12.34' }], { isAvailable: false }),
      deepseekBalance([{ currency: 'CNY', total: '12.34', granted: '0', toppedUp: '12.34' }])
    )

    const blocked = await addAndPoll()
    expect(blocked.status).toBe('ok')
    expect(figures(blocked)).toEqual([
      ['CNY', 'total', '12.34'],
      ['CNY', 'paid', '12.34'],
      ['CNY', 'granted', '0']
    ])
    expect(blocked.warning).toBe('DeepSeek says this account cannot make API calls right now (is_available: false), even though it reports a balance.')
    const polls = await callOk(h.core, 'records:polls', {})
    expect(polls.rows[0]).toMatchObject({ status: 'ok', errorMessage: null, warning: blocked.warning })

    // Once DeepSeek allows calls again the warning goes.
    await callOk(h.core, 'accounts:poll', { ids: [blocked.id] })
    const [open] = await callOk(h.core, 'accounts:list', {})
    expect(open?.warning).toBeNull()
  })

  it('a later poll replaces the figures: a currency that disappears is no longer shown', async () => {
    h.sim.route(
      'GET',
      '/user/balance',
      deepseekBalance([
        { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
        { currency: 'USD', total: '5', granted: '0', toppedUp: '5' }
      ]),
      deepseekBalance([{ currency: 'CNY', total: '99.90', granted: '0', toppedUp: '99.90' }])
    )
    const view = await addAndPoll()
    expect(view.balances).toHaveLength(6)

    await callOk(h.core, 'accounts:poll', { ids: [] })
    const [after] = await callOk(h.core, 'accounts:list', {})

    expect(after && figures(after)).toEqual([
      ['CNY', 'total', '99.9'],
      ['CNY', 'paid', '99.9'],
      ['CNY', 'granted', '0']
    ])
  })
})
