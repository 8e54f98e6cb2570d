import { describe, expect, it } from 'vitest'
import { elevenlabsAuthError, elevenlabsSubscription } from '../../../../simulator/shapes/elevenlabs'
import { moonshotBalance, moonshotBusinessError } from '../../../../simulator/shapes/moonshot'
import { novitaBalance } from '../../../../simulator/shapes/novita'
import { siliconflowBusinessError, siliconflowUserInfo } from '../../../../simulator/shapes/siliconflow'
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

describe('Novita: 1/10000 USD strings', () => {
  it('availableBalance → total, cashBalance → paid, creditLimit → limit', async () => {
    h.sim.route('GET', '/openapi/v1/billing/balance/detail', novitaBalance({ available: '1000000', cash: '800000', creditLimit: '200000' }))
    const account = await addAccount(h, 'novita', KEY)
    const { view } = await poll(h, account.id)
    expect(figures(view)).toEqual([
      ['total', 'USD', '100'],
      ['paid', 'USD', '80'],
      ['limit', 'USD', '20']
    ])
  })

  it('keeps sub-cent precision (1 = $0.0001) and reads numbers and a data envelope', async () => {
    h.sim.route('GET', '/openapi/v1/billing/balance/detail', { body: { data: { availableBalance: 12345, cashBalance: '1' } } })
    const account = await addAccount(h, 'novita', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([
      ['total', 'USD', '1.2345'],
      ['paid', 'USD', '0.0001']
    ])
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
