import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ProviderSimulator, type SimHandler, type SimRequest } from '../../../../simulator/provider-simulator'
import { azureError, costManagementQuery, entraToken, openidConfiguration, queryResult } from '../../../../simulator/shapes/azure-openai'
import { makeTestCertificate, trustInThisProcess, type TestCertificate } from '../../../../simulator/tls-certificate'
import { createTestCore } from '../../../../helpers/test-core'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'
import { addAccount, callWire, poll, spendRows, type Harness } from './harness'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '11111111-2222-3333-4444-555555555555'
const SUBSCRIPTION = '00000000-1111-2222-3333-444444444444'
const SECRET = 'Xq8~Qm3.AzureClientSecretValue_0123456789'
const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLXNpbXVsYXRvcg'
const QUERY_PATH = `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.CostManagement/query`
const TOKEN_PATH = `/${TENANT}/oauth2/v2.0/token`

// Azure Identity refuses an http:// authority and the bearer policy an http:// endpoint, so this
// file's simulator speaks HTTPS with a certificate made now, trusted by this test process only.
let certificate: TestCertificate
let untrust: () => void
beforeAll(() => {
  certificate = makeTestCertificate()
  untrust = trustInThisProcess(certificate.cert)
})
afterAll(() => untrust())

const h = { clock: { now: new Date('2026-11-21T12:00:00Z') } } as Harness & { dir: string }
beforeEach(async () => {
  h.clock.now = new Date('2026-11-21T12:00:00Z')
  h.dir = await makeTempDir('coffer-azure-')
  h.sim = await ProviderSimulator.start({ https: certificate })
  h.core = createTestCore(h.dir, { now: () => h.clock.now })
  h.sim.route('GET', `/${TENANT}/v2.0/.well-known/openid-configuration`, openidConfiguration(h.sim.baseUrl, TENANT))
  h.sim.route('POST', TOKEN_PATH, entraToken({ clientId: CLIENT_ID, clientSecret: SECRET, scope: `${h.sim.baseUrl}/.default`, accessToken: ACCESS_TOKEN }))
})
h.reopen = (overrides = {}) => {
  h.core.close()
  h.core = createTestCore(h.dir, { now: () => h.clock.now, ...overrides })
  return h.core
}
afterEach(async () => {
  h.core.close()
  await h.sim.close()
  await removeTempDir(h.dir)
})

function options(extra: Record<string, string> = {}): Record<string, string> {
  return { tenantId: TENANT, clientId: CLIENT_ID, subscriptionId: SUBSCRIPTION, authorityHost: h.sim.baseUrl, ...extra }
}

function stored(): string {
  const db = h.core.context.db
  return JSON.stringify([db.prepare('SELECT * FROM raw_responses').all(), db.prepare('SELECT * FROM poll_runs').all(), db.prepare('SELECT * FROM accounts').all()])
}

function expectNoSecrets(report: unknown): void {
  for (const secret of [SECRET, ACCESS_TOKEN]) {
    expect(stored()).not.toContain(secret)
    expect(JSON.stringify(report)).not.toContain(secret)
  }
}

describe('Azure OpenAI: Cost Management Query through the Azure SDK, signed in with client credentials', () => {
  it('reads daily actual cost per meter across pages in the answer’s currency, exactly to the micro-unit; token and secret never stored', async () => {
    const second = `${h.sim.baseUrl}${QUERY_PATH}?api-version=2022-10-01&$skiptoken=1`
    h.sim.route(
      'POST',
      QUERY_PATH,
      costManagementQuery(ACCESS_TOKEN, [
        queryResult(
          [
            { date: 20261119, subcategory: 'Azure OpenAI', meter: 'gpt-4o-0806 Inp glbl Tokens', cost: 1.234567, currency: 'EUR' },
            // 12.3456785 EUR = 12 345 678.5 micro-units → half-even → 12 345 678.
            { date: 20261119, subcategory: 'Azure OpenAI', meter: 'gpt-4o-0806 Outp glbl Tokens', cost: 12.3456785, currency: 'EUR' },
            // 0.00000012 EUR (JSON 1.2e-7) is under half a micro-unit: no line.
            { date: 20261119, subcategory: 'Azure OpenAI', meter: 'text-embedding-3-small Tokens', cost: 1.2e-7, currency: 'EUR' }
          ],
          { nextLink: second }
        ),
        queryResult([
          // 0.0000015 EUR = 1.5 micro-units → half-even → 2.
          { date: 20261120, subcategory: 'Azure OpenAI', meter: 'gpt-4o-mini Inp glbl Tokens', cost: 0.0000015, currency: 'EUR' },
          { date: 20261120, subcategory: 'Speech', meter: 'S1 Speech To Text', cost: 2, currency: 'EUR' }
        ])
      ])
    )
    const account = await addAccount(h, 'azure-openai', SECRET, options())
    expect(account.pollIntervalMinutes).toBe(360)

    const { report } = await poll(h, account.id)

    expect(report.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual([
      '2026-11-19 Azure OpenAI / gpt-4o-0806 Inp glbl Tokens EUR 1234567',
      '2026-11-19 Azure OpenAI / gpt-4o-0806 Outp glbl Tokens EUR 12345678',
      '2026-11-20 Azure OpenAI / gpt-4o-mini Inp glbl Tokens EUR 2',
      '2026-11-20 Speech / S1 Speech To Text EUR 2000000'
    ])
    // The real credential asked the simulator's Entra ID for a token, once, with the client secret.
    const tokenRequests = h.sim.requestsTo(TOKEN_PATH)
    expect(tokenRequests).toHaveLength(1)
    const form = new URLSearchParams(tokenRequests[0]?.body)
    expect(form.get('grant_type')).toBe('client_credentials')
    expect(form.get('client_id')).toBe(CLIENT_ID)
    const queries = h.sim.requestsTo(QUERY_PATH)
    expect(queries).toHaveLength(2)
    for (const query of queries) {
      expect(query.method).toBe('POST')
      expect(query.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`)
      expect(query.query.get('api-version')).toBe('2022-10-01')
      // First poll: the last 90 days, 2026-08-24 … 2026-11-21 inclusive.
      expect(JSON.parse(query.body)).toEqual({
        type: 'ActualCost',
        timeframe: 'Custom',
        timePeriod: { from: '2026-08-24T00:00:00.000Z', to: '2026-11-21T23:59:59.000Z' },
        dataset: {
          granularity: 'Daily',
          aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' } },
          grouping: [
            { type: 'Dimension', name: 'MeterSubCategory' },
            { type: 'Dimension', name: 'Meter' }
          ],
          filter: { dimensions: { name: 'ServiceName', operator: 'In', values: ['Foundry Models', 'Azure OpenAI', 'Cognitive Services'] } }
        }
      })
    }
    expect(queries[1]?.query.get('$skiptoken')).toBe('1')
    // The token endpoint's answer is kept among the raw answers, with the token removed.
    const raw = h.core.context.db.prepare('SELECT body FROM raw_responses WHERE url LIKE ?').all('%/oauth2/v2.0/token%') as { body: string }[]
    expect(raw.length).toBe(1)
    expect(raw[0]?.body).toContain('"access_token":"[redacted]"')
    expectNoSecrets(report)
  })

  it('a resource group scope, a Cost column and more service names; a later poll replaces the days it re-read', async () => {
    const groupPath = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-openai/providers/Microsoft.CostManagement/query`
    h.sim.route('POST', groupPath, costManagementQuery(ACCESS_TOKEN, [queryResult([{ date: 20261120, subcategory: 'Azure OpenAI', meter: 'gpt-4.1 Inp regnl Tokens', cost: 0.5 }], { costColumn: 'Cost' })]))
    const account = await addAccount(h, 'azure-openai', SECRET, options({ resourceGroup: 'rg-openai', services: 'Foundry Tools, Azure OpenAI' }))
    expect((await poll(h, account.id)).report.status).toBe('ok')
    expect(spendRows(h, account.id)).toEqual(['2026-11-20 Azure OpenAI / gpt-4.1 Inp regnl Tokens USD 500000'])
    expect(JSON.parse(h.sim.requestsTo(groupPath)[0]?.body ?? '').dataset.filter.dimensions.values).toEqual(['Foundry Models', 'Azure OpenAI', 'Cognitive Services', 'Foundry Tools'])

    // Six hours later Azure has revised the day: an empty answer for the last 3 days removes it.
    h.sim.route('POST', groupPath, costManagementQuery(ACCESS_TOKEN, [queryResult([], { costColumn: 'Cost' })]))
    h.clock.now = new Date('2026-11-21T18:00:00Z')
    expect((await poll(h, account.id)).report.status).toBe('ok')
    expect(JSON.parse(h.sim.requestsTo(groupPath)[1]?.body ?? '').timePeriod).toEqual({ from: '2026-11-19T00:00:00.000Z', to: '2026-11-21T23:59:59.000Z' })
    expect(spendRows(h, account.id)).toEqual([])
  })

  it('a wrong client secret is auth_failed (invalid_client from Entra ID); Cost Management’s 403 too', async () => {
    h.sim.route('POST', QUERY_PATH, costManagementQuery(ACCESS_TOKEN, [queryResult([])]))
    const wrong = await addAccount(h, 'azure-openai', 'not-the-secret-0123456789', options())
    const refused = await poll(h, wrong.id)
    expect(refused.report.status).toBe('auth_failed')
    expect(refused.report.error?.message).toMatch(/invalid_client|AADSTS7000215/)
    expect(h.sim.requestsTo(QUERY_PATH)).toHaveLength(0)

    h.sim.route('POST', QUERY_PATH, azureError(403, 'AuthorizationFailed', `The client '${CLIENT_ID}' does not have authorization to perform action 'Microsoft.CostManagement/query/action'.`))
    const account = await addAccount(h, 'azure-openai', SECRET, options())
    const forbidden = await poll(h, account.id)
    expect(forbidden.report.status).toBe('auth_failed')
    expect(forbidden.report.error?.message).toMatch(/AuthorizationFailed/)
    expectNoSecrets(forbidden.report)

    // A dropped connection to the token endpoint is the network's fault, not the credentials'.
    h.sim.route('POST', TOKEN_PATH, { fault: 'reset' })
    const unreachable = await poll(h, account.id)
    expect(unreachable.report.status).toBe('unreachable')
  })

  it('429 with Retry-After is rate_limited and keeps the wait; 503 is provider_error; an answer without columns is bad_response', async () => {
    const account = await addAccount(h, 'azure-openai', SECRET, options())
    h.sim.route('POST', QUERY_PATH, azureError(429, 'TooManyRequests', 'Too many requests. Please retry.', { 'retry-after': '120' }))
    const throttled = await poll(h, account.id)
    expect(throttled.report.status).toBe('rate_limited')
    const run = h.core.context.db.prepare('SELECT retry_after_ms AS r FROM poll_runs WHERE account_id = ? ORDER BY rowid DESC LIMIT 1').get(account.id) as { r: number | null }
    expect(run.r).toBe(120_000)

    h.sim.route('POST', QUERY_PATH, azureError(503, 'ServiceUnavailable', 'The service is unavailable.'))
    expect((await poll(h, account.id)).report.status).toBe('provider_error')

    h.sim.route('POST', QUERY_PATH, { body: { id: 'x', properties: { rows: [] } } })
    const bad = await poll(h, account.id)
    expect(bad.report.status).toBe('bad_response')
    expect(bad.report.error?.message).toMatch(/columns/)

    h.sim.route('POST', QUERY_PATH, { body: { properties: { columns: [{ name: 'PreTaxCost', type: 'Number' }, { name: 'UsageDate', type: 'Number' }, { name: 'Currency', type: 'String' }], rows: [['N/A', 20261120, 'USD']] } } })
    expect((await poll(h, account.id)).report.status).toBe('bad_response')
    expect(spendRows(h, account.id)).toEqual([])
    expectNoSecrets(bad.report)
  })

  it('refuses an account without tenant, client or subscription ID', async () => {
    const missing = await callWire(h.core, 'accounts:add', { draft: { provider: 'azure-openai', label: 'azure', options: { tenantId: TENANT, clientId: CLIENT_ID } }, key: SECRET })
    expect(missing).toMatchObject({ ok: false, code: 'bad_request' })
    expect(JSON.stringify(missing)).not.toContain(SECRET)
  })
})

/** An error answer that echoes the request's Authorization header, as some gateways do: it must be redacted. */
function echoing(status: number, headers: Record<string, string> = {}): SimHandler {
  return (req: SimRequest) => ({ status, headers, body: { error: { code: 'Echo', message: `Request with ${req.headers.authorization ?? 'no authorization'} failed` } } })
}

/** The fault table of provider-faults.test.ts, for the two requests of an Azure poll (that file's harness speaks plain HTTP). */
const faults: { name: string; respond: SimHandler; token: string; query: string; httpStatus?: number | null; retryAfterMs?: number; timeout?: boolean }[] = [
  { name: '401', respond: echoing(401), token: 'auth_failed', query: 'auth_failed', httpStatus: 401 },
  { name: '402', respond: echoing(402), token: 'auth_failed', query: 'provider_error', httpStatus: 402 },
  { name: '403', respond: echoing(403), token: 'auth_failed', query: 'auth_failed', httpStatus: 403 },
  { name: '404', respond: echoing(404), token: 'auth_failed', query: 'provider_error', httpStatus: 404 },
  { name: '429 + Retry-After', respond: echoing(429, { 'retry-after': '120' }), token: 'rate_limited', query: 'rate_limited', httpStatus: 429, retryAfterMs: 120_000 },
  { name: '500', respond: echoing(500), token: 'provider_error', query: 'provider_error', httpStatus: 500 },
  { name: '503', respond: echoing(503), token: 'provider_error', query: 'provider_error', httpStatus: 503 },
  { name: 'HTML page', respond: { fault: 'html' }, token: 'bad_response', query: 'bad_response' },
  { name: 'timeout', respond: { fault: 'hang' }, token: 'unreachable', query: 'unreachable', httpStatus: null, timeout: true },
  { name: 'connection reset', respond: { fault: 'reset' }, token: 'unreachable', query: 'unreachable', httpStatus: null },
  { name: 'truncated JSON', respond: { fault: 'truncated-json' }, token: 'bad_response', query: 'bad_response' },
  { name: 'a JSON array', respond: { body: [1, 2, 3] }, token: 'bad_response', query: 'bad_response' },
  { name: 'an empty object', respond: { body: {} }, token: 'bad_response', query: 'bad_response' }
]

describe('Azure OpenAI: every fault on the token and the query request → the right status, nothing written, no secret stored', () => {
  for (const [route, path] of [['token', TOKEN_PATH], ['query', QUERY_PATH]] as const) {
    for (const fault of faults) {
      it(`${fault.name} on POST ${route} → ${fault[route]}`, async () => {
        if (fault.timeout) h.reopen({ requestTimeoutMs: 250 })
        h.sim.route('POST', QUERY_PATH, costManagementQuery(ACCESS_TOKEN, [queryResult([{ date: 20261120, subcategory: 'Azure OpenAI', meter: 'gpt-4o Inp glbl Tokens', cost: 1 }])]))
        h.sim.route('POST', path, fault.respond)
        const account = await addAccount(h, 'azure-openai', SECRET, options())

        const { report } = await poll(h, account.id)

        expect(report.status).toBe(fault[route])
        if (fault.httpStatus !== undefined) expect(report.httpStatus).toBe(fault.httpStatus)
        if (fault.retryAfterMs !== undefined) {
          const run = h.core.context.db.prepare('SELECT retry_after_ms AS r FROM poll_runs WHERE account_id = ?').get(account.id) as { r: number | null }
          expect(run.r).toBe(fault.retryAfterMs)
        }
        expect(report.error?.message.length).toBeGreaterThan(10)
        expect(spendRows(h, account.id)).toEqual([])
        expectNoSecrets(report)
      })
    }
  }
})
