import { describe, expect, it } from 'vitest'
import { elevenlabsAuthError, elevenlabsSubscription } from '../../../../simulator/shapes/elevenlabs'
import { moonshotBalance, moonshotBusinessError } from '../../../../simulator/shapes/moonshot'
import { novitaBalance } from '../../../../simulator/shapes/novita'
import { siliconflowBusinessError, siliconflowRetired, siliconflowUserInfo } from '../../../../simulator/shapes/siliconflow'
import { stabilityBalance } from '../../../../simulator/shapes/stability'
import { addAccount, factCount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness()
const KEY = 'sk-test-0123456789abcdef'

describe('Moonshot / Kimi: unit by site, HTTP-200 business errors', () => {
  it('international site reads USD: available → total, cash → paid, voucher → granted', async () => {
    h.sim.route('GET', '/v1/users/me/balance', moonshotBalance({ available: 49.58894, voucher: 46.58893, cash: 3.00001 }))
    const account = await addAccount(h, 'moonshot', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['total', 'USD', '49.58894'],
      ['paid', 'USD', '3.00001'],
      ['granted', 'USD', '46.58893']
    ])
    expect(h.sim.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('China site reads CNY, accepts numeric strings, and a negative cash balance (arrears)', async () => {
    h.sim.route('GET', '/v1/users/me/balance', moonshotBalance({ available: '5.5', voucher: '5.5', cash: '-1.25' }))
    const account = await addAccount(h, 'moonshot-cn', KEY)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'CNY', '5.5'],
      ['paid', 'CNY', '-1.25'],
      ['granted', 'CNY', '5.5']
    ])
  })

  it('status false / code ≠ 0 with HTTP 200 is provider_error with the message, never a zero balance', async () => {
    h.sim.route('GET', '/v1/users/me/balance', moonshotBusinessError(1001, 'account suspended'))
    const account = await addAccount(h, 'moonshot', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.error?.code).toBe('business_error')
    expect(report.error?.message).toMatch(/account suspended/)
    expect(view.balances).toEqual([])
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })

  it('status true but code ≠ 0 is still an error; code 0 with status missing is an error too', async () => {
    h.sim.route('GET', '/v1/users/me/balance', { body: { code: 5, status: true, data: { available_balance: 1 } } }, { body: { code: 0, data: { available_balance: 1 } } })
    const account = await addAccount(h, 'moonshot', KEY)
    expect((await poll(h, account.id)).report.status).toBe('provider_error')
    expect((await poll(h, account.id)).report.status).toBe('provider_error')
  })
})

describe('SiliconFlow: strings, code 20000, both sites', () => {
  it('CN: totalBalance → total, chargeBalance → paid, balance → granted, in CNY, exact', async () => {
    h.sim.route('GET', '/v1/user/info', siliconflowUserInfo({ total: '88.88', granted: '0.88', charged: '88.00' }))
    const account = await addAccount(h, 'siliconflow-cn', KEY)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'CNY', '88.88'],
      ['paid', 'CNY', '88'],
      ['granted', 'CNY', '0.88']
    ])
  })

  it('international: USD, numbers instead of strings, code as a string "20000", extra fields', async () => {
    h.sim.route('GET', '/v1/user/info', {
      body: { code: '20000', message: 'OK', status: true, data: { totalBalance: 12.5, balance: 2.5, chargeBalance: 10, category: 'x', extra: { a: 1 } } }
    })
    const account = await addAccount(h, 'siliconflow', KEY)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'USD', '12.5'],
      ['paid', 'USD', '10'],
      ['granted', 'USD', '2.5']
    ])
  })

  it('a code other than 20000 (HTTP 200) is provider_error; a code 401 in the body is auth_failed', async () => {
    h.sim.route('GET', '/v1/user/info', siliconflowBusinessError(30001, 'Insufficient permissions'), siliconflowBusinessError(401, 'Invalid token'))
    const account = await addAccount(h, 'siliconflow', KEY)
    const first = await poll(h, account.id)
    expect(first.report.status).toBe('provider_error')
    expect(first.report.error?.message).toMatch(/Insufficient permissions/)
    expect((await poll(h, account.id)).report.status).toBe('auth_failed')
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })
})

describe('SiliconFlow China: a retired balance endpoint (issue 13.11)', () => {
  it('a 404 from siliconflow.cn says in words that the China balance API was retired, and what to do', async () => {
    h.sim.route('GET', '/v1/user/info', siliconflowRetired())
    const account = await addAccount(h, 'siliconflow-cn', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.httpStatus).toBe(404)
    expect(report.error?.code).toBe('endpoint_retired')
    expect(report.error?.message).toMatch(/^SiliconFlow China no longer answers its balance endpoint \(\/v1\/user\/info, HTTP 404\): SiliconFlow retired the China balance API on 2026-08-14\./)
    expect(report.error?.message).toMatch(/manual account/)
    expect(view.balances).toEqual([])
  })

  it('the same 404 from siliconflow.com (not retired) stays the generic "no such endpoint" error', async () => {
    h.sim.route('GET', '/v1/user/info', siliconflowRetired())
    const account = await addAccount(h, 'siliconflow', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.error?.code).toBe('http_404')
    expect(report.error?.message).not.toMatch(/retired/)
  })
})

describe('Novita: 1/10000 USD strings', () => {
  it('the balance is the cash; the credit line and what is owed are apart (availableBalance counts the credit line) (issue 13.8)', async () => {
    // The docs' example: available 1000000 = cash 800000 + credit limit 200000; here 3.5 USD is owed.
    h.sim.route('GET', '/openapi/v1/billing/balance/detail', novitaBalance({ available: '1000000', cash: '800000', creditLimit: '200000', outstanding: '35000' }))
    const account = await addAccount(h, 'novita', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(view.warning).toBeNull()
    expect(figures(view)).toEqual([
      ['total', 'USD', '80'],
      ['credit_line', 'USD', '20'],
      ['owed', 'USD', '3.5']
    ])
  })

  it('a cash balance below zero while borrowing on the credit line stays negative: money owed, not owned', async () => {
    h.sim.route('GET', '/openapi/v1/billing/balance/detail', novitaBalance({ available: '150000', cash: '-50000', creditLimit: '200000', outstanding: '50000' }))
    const account = await addAccount(h, 'novita', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'USD', '-5'],
      ['credit_line', 'USD', '20'],
      ['owed', 'USD', '5']
    ])
  })

  it('keeps sub-cent precision (1 = $0.0001) and reads numbers and a data envelope', async () => {
    h.sim.route('GET', '/openapi/v1/billing/balance/detail', { body: { data: { availableBalance: 12345, cashBalance: '1' } } })
    const account = await addAccount(h, 'novita', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([['total', 'USD', '0.0001']])
  })

  it('without cashBalance the balance is availableBalance, and the warning says so', async () => {
    h.sim.route('GET', '/openapi/v1/billing/balance/detail', { body: { availableBalance: '12345', creditLimit: '10000' } })
    const account = await addAccount(h, 'novita', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['total', 'USD', '1.2345'],
      ['credit_line', 'USD', '1']
    ])
    expect(view.warning).toMatch(/availableBalance, which includes the credit line/)
  })
})

describe('Stability: credits', () => {
  it('stores the float exactly as credits, never as money', async () => {
    h.sim.route('GET', '/v1/user/balance', stabilityBalance(0.6336833840314097))
    const account = await addAccount(h, 'stability', KEY)
    // Micro-units: six decimals, rounded half-even.
    expect(figures((await poll(h, account.id)).view)).toEqual([['total', 'credits', '0.633683']])
  })

  it('a body without credits is bad_response', async () => {
    h.sim.route('GET', '/v1/user/balance', { body: { balance: 3 } })
    const account = await addAccount(h, 'stability', KEY)
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
  })
})

describe('ElevenLabs: characters', () => {
  it('remaining = character_limit − character_count, with used and limit, key in xi-api-key', async () => {
    h.sim.route('GET', '/v1/user/subscription', elevenlabsSubscription({ count: 12345, limit: 100000 }))
    const account = await addAccount(h, 'elevenlabs', KEY)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'characters', '87655'],
      ['used', 'characters', '12345'],
      ['limit', 'characters', '100000']
    ])
    // next_character_count_reset_unix 1767225600 = 2026-01-01T00:00:00Z: the quota figures say when they reset.
    expect(view.balances[0]?.resetsAt).toBe('2026-01-01T00:00:00.000Z')
    expect(view.balances[2]?.resetsAt).toBeUndefined()
    expect(h.sim.requests[0]?.headers['xi-api-key']).toBe(KEY)
    expect(h.sim.requests[0]?.headers.authorization).toBeUndefined()
  })

  it('beyond the quota (usage-based billing): nothing left and the excess as overage, never a negative balance (issue 13.9)', async () => {
    h.sim.route('GET', '/v1/user/subscription', elevenlabsSubscription({ count: 112345, limit: 100000 }), elevenlabsSubscription({ count: 100000, limit: 100000 }))
    const account = await addAccount(h, 'elevenlabs', KEY)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'characters', '0'],
      ['used', 'characters', '112345'],
      ['limit', 'characters', '100000'],
      ['overage', 'characters', '12345']
    ])
    expect(view.balances.find((b) => b.kind === 'overage')?.resetsAt).toBe('2026-01-01T00:00:00.000Z')
    // Exactly at the quota: 0 left and no overage figure.
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'characters', '0'],
      ['used', 'characters', '100000'],
      ['limit', 'characters', '100000']
    ])
  })

  it('401 with the documented detail body is auth_failed with its message', async () => {
    h.sim.route('GET', '/v1/user/subscription', elevenlabsAuthError())
    const account = await addAccount(h, 'elevenlabs', KEY)
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    expect(report.error?.message).toMatch(/Invalid API key/)
  })
})

describe('older answer shapes', () => {
  it('SiliconFlow without totalBalance: total = balance + chargeBalance', async () => {
    h.sim.route('GET', '/v1/user/info', { body: { code: 20000, message: 'OK', status: true, data: { balance: '0.5', chargeBalance: '10.25' } } })
    const account = await addAccount(h, 'siliconflow-cn', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'CNY', '10.75'],
      ['paid', 'CNY', '10.25'],
      ['granted', 'CNY', '0.5']
    ])
  })

  it('SiliconFlow with no balance field at all is bad_response', async () => {
    h.sim.route('GET', '/v1/user/info', { body: { code: 20000, message: 'OK', status: true, data: { name: 'x' } } })
    const account = await addAccount(h, 'siliconflow', KEY)
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
  })

  it('Novita falls back to the legacy /v3/user/balance when the current path is 404', async () => {
    h.sim.route('GET', '/v3/user/balance', novitaBalance({ available: '25000', cash: '25000', creditLimit: '0' }))
    const account = await addAccount(h, 'novita', KEY)
    const { view } = await poll(h, account.id)
    expect(view.status).toBe('ok')
    expect(figures(view)[0]).toEqual(['total', 'USD', '2.5'])
    expect(h.sim.requests.map((r) => r.path)).toEqual(['/openapi/v1/billing/balance/detail', '/v3/user/balance'])
  })
})
