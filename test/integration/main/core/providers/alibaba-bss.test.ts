import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../../../../src/shared/external-links'
import { findProvider } from '../../../../../src/shared/providers'
import { alibabaBalance, alibabaError } from '../../../../simulator/shapes/alibaba-bss'
import { addAccount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const SECRET = 'alibaba-secret-0123456789abcdefXYZ'
const ACCESS_KEY_ID = 'LTAI5tTestAccessKey01'

/** Everything Coffer stored or reported about polls and accounts, to look for the secret in. */
function stored(): string {
  const db = h.core.context.db
  return JSON.stringify([db.prepare('SELECT * FROM raw_responses').all(), db.prepare('SELECT * FROM poll_runs').all(), db.prepare('SELECT * FROM accounts').all()])
}

describe('Alibaba Cloud BSS QueryAccountBalance through the official SDK', () => {
  it('the China site: the cash is the balance and the credit line is apart, in the answer’s CNY; the request is signed and never carries the secret', async () => {
    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: ACCESS_KEY_ID, available: '1734.56', cash: '1234.56', credit: '500.00', currency: 'CNY' }))
    const account = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })

    const { report, view } = await poll(h, account.id)

    expect(report.status).toBe('ok')
    expect(report.warning ?? null).toBeNull()
    // 1234.56 CNY cash = 1 234 560 000 micro-units; the 500.00 credit line = 500 000 000.
    expect(figures(view)).toEqual([
      ['total', 'CNY', '1234.56'],
      ['credit_line', 'CNY', '500']
    ])
    const micros = h.core.context.db.prepare('SELECT kind, unit, amount_micros AS m FROM balance_snapshots WHERE account_id = ? ORDER BY kind').all(account.id)
    expect(micros).toEqual([
      { kind: 'credit_line', unit: 'CNY', m: 500_000_000 },
      { kind: 'total', unit: 'CNY', m: 1_234_560_000 }
    ])
    const [request] = h.sim.requestsTo('/')
    expect(request?.headers.authorization).toMatch(new RegExp(`^ACS3-HMAC-SHA256 Credential=${ACCESS_KEY_ID},`))
    expect(JSON.stringify(h.sim.requests)).not.toContain(SECRET)
    expect(stored()).not.toContain(SECRET)
    expect(JSON.stringify(view)).not.toContain(SECRET)
  })

  it('the international site: USD as the answer says, a zero credit line kept as zero', async () => {
    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: ACCESS_KEY_ID, available: '80.25', cash: '80.25', credit: '0.00', currency: 'USD' }))
    const account = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID, site: 'intl' })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(figures(view)).toEqual([
      ['total', 'USD', '80.25'],
      ['credit_line', 'USD', '0']
    ])
  })

  it('no AvailableCashAmount: AvailableAmount is the balance and the warning says it includes the credit line; no Currency: the site’s', async () => {
    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: ACCESS_KEY_ID, available: '1000.19', credit: '1000.00' }))
    const account = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/AvailableAmount, which includes the credit line/)
    expect(figures(view)).toEqual([
      ['total', 'CNY', '1000.19'],
      ['credit_line', 'CNY', '1000']
    ])
  })

  it('a negative cash balance (arrears) is recorded as negative, not refused', async () => {
    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: ACCESS_KEY_ID, available: '-11.19', cash: '-11.19', credit: '0.00', currency: 'CNY' }))
    const account = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { view } = await poll(h, account.id)
    expect(figures(view)[0]).toEqual(['total', 'CNY', '-11.19'])
  })

  it('Success false with NotAuthorized is a rejected key; with another code a provider error; nothing is recorded', async () => {
    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: ACCESS_KEY_ID, success: false, code: 'NotAuthorized', message: 'This API is not authorized for caller.' }))
    const denied = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const first = await poll(h, denied.id)
    expect(first.report.status).toBe('auth_failed')
    expect(first.report.error?.message).toMatch(/NotAuthorized.*not authorized for caller/)
    expect(first.view.balances).toEqual([])

    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: ACCESS_KEY_ID, success: false, code: 'NotApplicable', message: 'This API is not applicable for caller.' }))
    const other = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const second = await poll(h, other.id)
    expect(second.report.status).toBe('provider_error')
    expect(second.report.error?.message).toMatch(/NotApplicable/)
  })

  it('an HTTP 400 with an AccessKey error code is a rejected key, with the provider’s words', async () => {
    h.sim.route('POST', '/', alibabaError(400, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'))
    const account = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    expect(report.httpStatus).toBe(400)
    expect(report.error?.message).toMatch(/InvalidAccessKeyId\.NotFound.*Specified access key is not found/)
  })

  it('a request signed with another AccessKey ID is refused by the simulator as SignatureDoesNotMatch → auth_failed', async () => {
    h.sim.route('POST', '/', alibabaBalance({ accessKeyId: 'LTAI5tSomeoneElse0001', cash: '1.00', currency: 'CNY' }))
    const account = await addAccount(h, 'alibaba-bss', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    expect(view.balances).toEqual([])
    expect(stored()).not.toContain(SECRET)
  })

  it('an AccessKey ID is required when the account is added', async () => {
    await expect(addAccount(h, 'alibaba-bss', SECRET, {})).rejects.toThrow(/AccessKey ID/)
  })

  it('the billing and key pages are on the link allowlist', () => {
    const descriptor = findProvider('alibaba-bss')
    expect(descriptor?.billingUrl).toBe('https://usercenter2.aliyun.com/finance/fund-management/overview')
    expect(isAllowedExternalUrl(descriptor?.billingUrl ?? '')).toBe(true)
    expect(isAllowedExternalUrl(descriptor?.key.createUrl ?? '')).toBe(true)
  })
})
