import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '../../../../../src/shared/external-links'
import { findProvider } from '../../../../../src/shared/providers'
import { volcengineBalance, volcengineError } from '../../../../simulator/shapes/volcengine-ark'
import { addAccount, figures, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const SECRET = 'volc-secret-WkdGa01qQXdNREF3TURBd01ERXlNVEl6'
const ACCESS_KEY_ID = 'AKLTtestAccessKey0001'

function stored(): string {
  const db = h.core.context.db
  return JSON.stringify([db.prepare('SELECT * FROM raw_responses').all(), db.prepare('SELECT * FROM poll_runs').all(), db.prepare('SELECT * FROM accounts').all()])
}

describe('Volcengine billing QueryBalanceAcct through the official SDK', () => {
  it('the cash is the balance; the credit limit and the arrears are apart, in CNY; the request is signed and never carries the secret', async () => {
    // The docs' example: 83.01 cash, 5.01 frozen, 1.01 owed, 0.01 credit limit, 77.01 available.
    h.sim.route('GET', '/', volcengineBalance({ accessKeyId: ACCESS_KEY_ID, available: '77.01', cash: '83.01', credit: '0.01', arrears: '1.01', frozen: '5.01' }))
    const account = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })

    const { report, view } = await poll(h, account.id)

    expect(report.status).toBe('ok')
    expect(report.warning ?? null).toBeNull()
    expect(figures(view)).toEqual([
      ['total', 'CNY', '83.01'],
      ['credit_line', 'CNY', '0.01'],
      ['owed', 'CNY', '1.01']
    ])
    // 83.01 CNY = 83 010 000 micro-units; 0.01 = 10 000; 1.01 = 1 010 000.
    const micros = h.core.context.db.prepare('SELECT kind, amount_micros AS m FROM balance_snapshots WHERE account_id = ? ORDER BY kind').all(account.id)
    expect(micros).toEqual([
      { kind: 'credit_line', m: 10_000 },
      { kind: 'owed', m: 1_010_000 },
      { kind: 'total', m: 83_010_000 }
    ])
    const [request] = h.sim.requestsTo('/')
    expect(request?.method).toBe('GET')
    expect(request?.query.get('Action')).toBe('QueryBalanceAcct')
    expect(request?.headers.authorization).toMatch(new RegExp(`^HMAC-SHA256 Credential=${ACCESS_KEY_ID}/\\d{8}/cn-north-1/billing/request, `))
    expect(JSON.stringify(h.sim.requests)).not.toContain(SECRET)
    expect(stored()).not.toContain(SECRET)
    // The raw-response view keeps what Volcengine answered.
    const raw = h.core.context.db.prepare('SELECT body FROM raw_responses').all() as { body: string }[]
    expect(raw.some((row) => row.body.includes('"CashBalance":"83.01"'))).toBe(true)
  })

  it('no CashBalance: AvailableBalance is the balance, with a warning; a large figure is exact to the micro-unit', async () => {
    h.sim.route('GET', '/', volcengineBalance({ accessKeyId: ACCESS_KEY_ID, available: '123456789.123456' }))
    const account = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('ok')
    expect(report.warning).toMatch(/AvailableBalance, which includes the credit limit/)
    expect(figures(view)).toEqual([['total', 'CNY', '123456789.123456']])
  })

  it('ResponseMetadata.Error with an access-key code is a rejected key, whatever the HTTP status, with the provider’s words', async () => {
    h.sim.route('GET', '/', volcengineError(400, 'InvalidCredential', 'Invalid credential in Authorization.'))
    const account = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report, view } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    expect(report.httpStatus).toBe(400)
    expect(report.error?.message).toMatch(/InvalidCredential.*Invalid credential/)
    expect(view.balances).toEqual([])
  })

  it('an error in a 200 answer is a provider error (or a rejected key for AccessDenied); a 500 keeps its status and names the code', async () => {
    h.sim.route('GET', '/', { body: { ResponseMetadata: { RequestId: 'r', Error: { Code: 'RecordNoFound', Message: 'The Record No Found.' } } } })
    const missing = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })
    expect((await poll(h, missing.id)).report.status).toBe('provider_error')

    h.sim.route('GET', '/', { body: { ResponseMetadata: { RequestId: 'r', Error: { Code: 'AccessDenied', Message: 'User is not authorized to perform: billing:QueryBalanceAcct' } } } })
    const denied = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })
    expect((await poll(h, denied.id)).report.status).toBe('auth_failed')

    h.sim.route('GET', '/', volcengineError(500, 'InternalError', 'The request has failed due to an unknown error', 100014))
    const broken = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report } = await poll(h, broken.id)
    expect(report.status).toBe('provider_error')
    expect(report.httpStatus).toBe(500)
    expect(report.error?.message).toMatch(/InternalError/)
  })

  it('a request signed with another Access Key ID is refused by the simulator (SignatureDoesNotMatch, 401) → auth_failed', async () => {
    h.sim.route('GET', '/', volcengineBalance({ accessKeyId: 'AKLTsomeoneElse000001', cash: '1' }))
    const account = await addAccount(h, 'volcengine-ark', SECRET, { accessKeyId: ACCESS_KEY_ID })
    const { report } = await poll(h, account.id)
    expect(report.status).toBe('auth_failed')
    expect(report.error?.message).toMatch(/SignatureDoesNotMatch/)
    expect(stored()).not.toContain(SECRET)
  })

  it('an Access Key ID is required when the account is added', async () => {
    await expect(addAccount(h, 'volcengine-ark', SECRET, {})).rejects.toThrow(/Access Key ID/)
  })

  it('the billing and key pages are on the link allowlist', () => {
    const descriptor = findProvider('volcengine-ark')
    expect(descriptor?.billingUrl).toBe('https://console.volcengine.com/finance/')
    expect(isAllowedExternalUrl(descriptor?.billingUrl ?? '')).toBe(true)
    expect(isAllowedExternalUrl(descriptor?.key.createUrl ?? '')).toBe(true)
  })
})
