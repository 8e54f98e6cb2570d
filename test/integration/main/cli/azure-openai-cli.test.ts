import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import { ProviderSimulator } from '../../../simulator/provider-simulator'
import { costManagementQuery, entraToken, openidConfiguration, queryResult } from '../../../simulator/shapes/azure-openai'
import { makeTestCertificate } from '../../../simulator/tls-certificate'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 })

const now = new Date()
const today = now.toISOString().slice(0, 10)
const TENANT = 'contoso.onmicrosoft.com'
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const SUBSCRIPTION = '12345678-90ab-cdef-1234-567890abcdef'

describeWithKeychain('Azure OpenAI through the CLI: accounts add, poll, status --json, export (subprocess, HTTPS simulator)', () => {
  const cli = useCliSandbox('coffer-azure-cli-')
  const { coffer } = cli
  const secret = `azure-${randomBytes(18).toString('base64url')}`
  const accessToken = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString('base64url')}.${randomBytes(16).toString('base64url')}`
  let sim: ProviderSimulator

  beforeAll(async () => {
    // Azure Identity refuses http:// authorities: an HTTPS simulator whose throw-away certificate
    // only the coffer subprocesses of this suite trust (NODE_EXTRA_CA_CERTS in their environment).
    const certificate = makeTestCertificate()
    const caFile = join(cli.home, 'test-ca.pem')
    writeFileSync(caFile, certificate.cert)
    cli.env.NODE_EXTRA_CA_CERTS = caFile
    sim = await ProviderSimulator.start({ https: certificate })
    sim.route('GET', `/${TENANT}/v2.0/.well-known/openid-configuration`, openidConfiguration(sim.baseUrl, TENANT))
    sim.route('POST', `/${TENANT}/oauth2/v2.0/token`, entraToken({ clientId: CLIENT_ID, clientSecret: secret, scope: `${sim.baseUrl}/.default`, accessToken }))
    const date = Number(today.replaceAll('-', ''))
    sim.route(
      'POST',
      `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.CostManagement/query`,
      costManagementQuery(accessToken, [
        queryResult([
          { date, subcategory: 'Azure OpenAI', meter: 'gpt-4o-0806 Inp glbl Tokens', cost: 0.0123456, currency: 'EUR' },
          { date, subcategory: 'Azure OpenAI', meter: 'gpt-4o-0806 Outp glbl Tokens', cost: 3.5, currency: 'EUR' }
        ])
      ])
    )
  })
  afterAll(async () => {
    await sim.close()
  })

  it('spend reaches status --json and export in the answer’s currency to the micro-unit; the secret and token are never stored or printed', async () => {
    const options = ['--option', `tenantId=${TENANT}`, '--option', `clientId=${CLIENT_ID}`, '--option', `subscriptionId=${SUBSCRIPTION}`, '--option', `authorityHost=${sim.baseUrl}`]
    const added = await coffer(['accounts', 'add', '--provider', 'azure-openai', '--label', 'Azure', ...options, '--base-url', sim.baseUrl, '--key-stdin'], secret)
    expect(added.code, added.stderr).toBe(0)
    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)
    const status = await coffer(['status', '--json'])
    expect(status.code, status.stderr).toBe(0)
    const account = (JSON.parse(status.stdout) as { accounts: { label: string; status: string; provider: string }[] }).accounts.find((a) => a.label === 'Azure')
    expect(account).toMatchObject({ provider: 'azure-openai', status: 'ok' })

    const exported = await coffer(['export', '--what', 'spend', '--format', 'csv', '--from', today, '--to', today])
    expect(exported.code, exported.stderr).toBe(0)
    const lines = exported.stdout.trim().split(/\r?\n/).slice(1).map((line) => line.split(','))
    const official = lines.filter((cells) => cells.at(-1) === 'official').map((cells) => `${cells[1]}|${cells[3]}|${cells[4]}|${cells[5]}`).sort()
    // 0.0123456 EUR = 12 345.6 micro-units → 12 346 → 0.012346.
    expect(official).toEqual(['Azure|Azure OpenAI / gpt-4o-0806 Inp glbl Tokens|0.012346|EUR', 'Azure|Azure OpenAI / gpt-4o-0806 Outp glbl Tokens|3.5|EUR'])
    expect(sim.requestsTo(`/${TENANT}/oauth2/v2.0/token`)).toHaveLength(1)

    const stored = readdirSync(cli.home)
      .map((name) => join(cli.home, name))
      .map((file) => { try { return readFileSync(file).toString('latin1') } catch { return '' } })
      .join('\n')
    for (const hidden of [secret, accessToken]) {
      expect(stored).not.toContain(hidden)
      expect(status.stdout + polled.stdout + polled.stderr + exported.stdout + added.stdout + added.stderr).not.toContain(hidden)
    }
  })
})
