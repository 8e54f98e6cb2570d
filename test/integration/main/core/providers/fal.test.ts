import { describe, expect, it } from 'vitest'
import { falBilling, falBillingWithoutCredits } from '../../../../simulator/shapes/fal'
import { addAccount, callOk, factCount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'fal-admin-0123456789abcdef:secret'

describe('fal: credit balance through the Platform API', () => {
  it('reads credits.current_balance as USD, sends "Authorization: Key …" and expand=credits', async () => {
    h.sim.route('GET', '/v1/account/billing', falBilling(24.5))
    const account = await addAccount(h, 'fal', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(figures(view)).toEqual([['total', 'USD', '24.5']])
    const request = h.sim.requestsTo('/v1/account/billing')[0]
    expect(request?.headers.authorization).toBe(`Key ${KEY}`)
    expect(request?.query.get('expand')).toBe('credits')
  })

  it('keeps every digit of a numeric string and a zero balance (0 is a balance, not an error)', async () => {
    h.sim.route('GET', '/v1/account/billing', falBilling('12.345678'), falBilling(0))
    const account = await addAccount(h, 'fal', KEY)
    expect(figures((await poll(h, account.id)).view)).toEqual([['total', 'USD', '12.345678']])
    expect(figures((await poll(h, account.id)).view)).toEqual([['total', 'USD', '0']])
  })

  it('a 200 without the credits block is a provider error, never $0', async () => {
    h.sim.route('GET', '/v1/account/billing', falBillingWithoutCredits())
    const account = await addAccount(h, 'fal', KEY)
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('provider_error')
    expect(report.error?.message).toMatch(/credits\.current_balance/)
    expect(view.balances).toEqual([])
    expect(factCount(h, 'balance_snapshots', account.id)).toBe(0)
  })

  it('a detected top-up becomes a credit lot that expires 365 days after it was seen', async () => {
    h.sim.route('GET', '/v1/account/billing', falBilling(10), falBilling(8), falBilling(58))
    const account = await addAccount(h, 'fal', KEY)
    await poll(h, account.id)
    h.clock.now = new Date('2026-11-22T12:00:00Z')
    await poll(h, account.id) // $2 spent
    h.clock.now = new Date('2026-11-23T12:00:00Z')
    const { view } = await poll(h, account.id) // 8 → 58: a $50 purchase

    const events = h.core.context.db
      .prepare(`SELECT kind, amount_micros AS m, occurred_at AS at, expires_at AS exp, source FROM credit_events WHERE account_id = ?`)
      .all(account.id)
    expect(events).toEqual([{ kind: 'topup', m: 50_000_000, at: '2026-11-23T12:00:00.000Z', exp: '2027-11-23T12:00:00.000Z', source: 'derived' }])
    // FIFO: the $8 left from before is spent first; the $50 lot is what expires.
    expect(view.expiring).toEqual({ amount: '50', unit: 'USD', expiresAt: '2027-11-23T12:00:00.000Z' })
  })

  it('a top-up the user records without an expiry gets fal’s 365 days; one with an expiry keeps it', async () => {
    h.sim.route('GET', '/v1/account/billing', falBilling(10))
    const account = await addAccount(h, 'fal', KEY)
    await poll(h, account.id)
    const bought = await callOk(h.core, 'credits:record', { accountId: account.id, kind: 'topup', amount: '25', at: '2026-11-21T11:30:00.000Z' })
    expect(bought.expiresAt).toBe('2027-11-21T11:30:00.000Z')
    const granted = await callOk(h.core, 'credits:record', { accountId: account.id, kind: 'grant', amount: '5', at: '2026-11-21T11:40:00.000Z' })
    expect(granted.expiresAt).toBeNull() // free credits' lifetimes vary by grant: only purchases get the default
    const coupon = await callOk(h.core, 'credits:record', { accountId: account.id, kind: 'topup', amount: '5', at: '2026-11-21T11:45:00.000Z', expiresAt: '2026-11-28T00:00:00.000Z' })
    expect(coupon.expiresAt).toBe('2026-11-28T00:00:00.000Z')
  })
})
