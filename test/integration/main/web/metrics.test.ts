import { statSync } from 'node:fs'
import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/app'
import { emptyFacts } from '../../../../src/main/core/ledger/facts'
import { ingestPoll } from '../../../../src/main/core/ledger/ingest'
import type { AccountStatus } from '../../../../src/shared/account-status'
import { createCofferMetrics } from '../../../../src/main/core/metrics/coffer-metrics'
import { opaqueAccountName, safeLabelValue } from '../../../../src/main/core/metrics/metrics-labels'
import { metricsTokenPath, readOrCreateMetricsToken } from '../../../../src/main/web/metrics-token'
import { startWebServer, type RunningWebServer } from '../../../../src/main/web/web-server'
import { toMicros } from '../../../../src/shared/money'
import { insertAccount } from '../../../helpers/ledger-script'
import { runCliInProcess } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../helpers/test-core'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const OPENAI = 'acc_openai0001'
const DEEPSEEK = 'acc_deepseek01'
const RISKY_LABEL = 'Work jane@example.com https://relay.example/v1/x sk-abcdefgh12345678'

/** One poll written the way the poller writes it: a run row (with its duration) and, when ok, facts. */
function poll(core: Core, accountId: string, finishedAt: string, durationMs: number, status: AccountStatus, fill?: (facts: ReturnType<typeof emptyFacts>) => void): void {
  const facts = emptyFacts()
  fill?.(facts)
  const startedAt = new Date(Date.parse(finishedAt) - durationMs).toISOString()
  const ok = status === 'ok'
  ingestPoll(core.context.db, { accountId, startedAt, finishedAt, status, errorCode: ok ? null : status, errorMessage: ok ? null : 'Slow down.', httpStatus: ok ? 200 : 429, retryAfterMs: null, facts: ok ? facts : null, raw: [] }, core.context.ingestHooks)
}

/**
 * A ledger with hand-computed figures:
 * - OpenAI (USD spend lines): 1.25 on 03-08, 2.50 on 03-09, 0.75 today (03-10) → total 4.50, today 0.75;
 *   a month limit of 10 USD → 4.50 / 10 = 0.45 used; polls: ok in 0.3 s.
 * - DeepSeek (CNY balance 20.00): below a 50 CNY rule → one active low_balance warning; polls: rate
 *   limited in 1.5 s, then ok in 0.2 s.
 */
async function seed(core: Core): Promise<void> {
  insertAccount(core, OPENAI, RISKY_LABEL, 'openai')
  insertAccount(core, DEEPSEEK, 'DeepSeek', 'deepseek')
  poll(core, OPENAI, '2026-03-10T11:00:00.000Z', 300, 'ok', (facts) => {
    for (const [day, amount] of [['2026-03-08', '1.25'], ['2026-03-09', '2.50'], ['2026-03-10', '0.75']] as const) {
      facts.spend.push({ day, item: 'gpt-5', unit: 'USD', amountMicros: toMicros(amount), source: 'official' })
    }
  })
  poll(core, DEEPSEEK, '2026-03-10T10:00:00.000Z', 1500, 'rate_limited')
  poll(core, DEEPSEEK, '2026-03-10T10:30:00.000Z', 200, 'ok', (facts) => facts.balances.push({ unit: 'CNY', kind: 'total', amountMicros: toMicros('20.00'), source: 'official' }))
  await callOk(core, 'rules:set', { accountId: DEEPSEEK, kind: 'low_balance', below: { amount: '50', unit: 'CNY' } })
  await callOk(core, 'budgets:set', { accountId: OPENAI, period: 'month', limit: '10', unit: 'USD' })
}

/** The value of the one sample of `name` whose labels include all of `labels`. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number {
  const lines = body.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
  const matching = lines.filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
  if (matching.length !== 1) throw new Error(`expected one ${name} sample with ${JSON.stringify(labels)}, found ${matching.length}:\n${lines.join('\n')}`)
  return Number((matching[0] as string).split(' ').at(-1))
}

/** The status of one request sent with exactly these headers (Host included). */
function statusOf(address: string, port: number, method: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: address, port, method, path, headers: { ...headers, 'content-type': 'application/json' } }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    sent.on('error', reject)
    sent.end(method === 'POST' ? '{}' : undefined)
  })
}

describe('coffer serve --metrics (prom-client, in-process serve over a real ledger)', () => {
  const dir = useTempDir('coffer-metrics-')
  let core: Core | null = null
  let server: RunningWebServer | null = null
  afterEach(async () => {
    await server?.close()
    core?.close()
    server = null
    core = null
  })

  async function serve(identify: boolean, host?: string): Promise<{ server: RunningWebServer; metricsToken: string; core: Core }> {
    core = createTestCore(dir(), { now: () => NOW })
    await seed(core)
    const metrics = createCofferMetrics(core, { identify })
    const metricsToken = readOrCreateMetricsToken(dir())
    server = await startWebServer({ core, rendererDir: dir(), port: 0, ...(host ? { host } : {}), metrics: { token: metricsToken, render: () => metrics.render() } })
    return { server, metricsToken, core }
  }

  it('serves every series with the ledger’s figures, accounts named opaquely by default', async () => {
    const { server, metricsToken, core } = await serve(false)
    const response = await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4')
    const body = await response.text()
    const openai = { account: opaqueAccountName('openai', OPENAI), provider: 'openai' }
    const deepseek = { account: opaqueAccountName('deepseek', DEEPSEEK), provider: 'deepseek' }
    expect(openai.account).toMatch(/^openai-[0-9a-f]{6}$/)

    expect(sample(body, 'coffer_balance', { ...deepseek, unit: 'CNY', kind: 'total', source: 'official' })).toBe(20)
    expect(sample(body, 'coffer_spend_total', { ...openai, unit: 'USD' })).toBe(4.5)
    expect(sample(body, 'coffer_spend_today', { ...openai, unit: 'USD' })).toBe(0.75)
    expect(sample(body, 'coffer_budget_used_ratio', { ...openai, period: 'month', unit: 'USD' })).toBe(0.45)
    expect(sample(body, 'coffer_alerts_open', { kind: 'low_balance', severity: 'warning' })).toBe(1)
    expect(sample(body, 'coffer_alerts_open', { kind: 'auth_failed', severity: 'critical' })).toBe(0)
    expect(sample(body, 'coffer_poll_last_success_timestamp_seconds', openai)).toBe(Date.parse('2026-03-10T11:00:00.000Z') / 1000)
    expect(sample(body, 'coffer_poll_last_success_timestamp_seconds', deepseek)).toBe(Date.parse('2026-03-10T10:30:00.000Z') / 1000)
    expect(sample(body, 'coffer_poll_failures_total', { provider: 'deepseek', status: 'rate_limited' })).toBe(1)
    expect(sample(body, 'coffer_poll_duration_seconds_count', { provider: 'deepseek' })).toBe(2)
    expect(sample(body, 'coffer_poll_duration_seconds_sum', { provider: 'deepseek' })).toBe(1.7)
    expect(sample(body, 'coffer_poll_duration_seconds_bucket', { provider: 'deepseek', le: '0.25' })).toBe(1)
    expect(sample(body, 'coffer_poll_duration_seconds_bucket', { provider: 'openai', le: '0.5' })).toBe(1)
    expect(body).toMatch(/# TYPE coffer_spend_total counter/)
    expect(body).toMatch(/# TYPE coffer_poll_duration_seconds histogram/)
    // Runway as the account view computes it (the same figure the card and `coffer status` show).
    const views = await callOk(core, 'accounts:list', {})
    for (const view of views) {
      const labels = view.id === OPENAI ? openai : deepseek
      if (view.pace?.runwayDays == null) expect(body).not.toMatch(new RegExp(`coffer_runway_days\\{[^}]*account="${labels.account}"`))
      else expect(sample(body, 'coffer_runway_days', labels)).toBeCloseTo(view.pace.runwayDays, 6)
    }
    // No id, no label, no email, no URL path, no key-like text in the default exposition.
    for (const hidden of [OPENAI, DEEPSEEK, 'DeepSeek"', 'jane@example.com', '/v1/x', 'sk-abcdefgh']) expect(body).not.toContain(hidden)

    // Counters read new polls incrementally (also those another process writes): one more failure.
    poll(core, DEEPSEEK, '2026-03-10T11:30:00.000Z', 100, 'rate_limited')
    const again = await (await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text()
    expect(sample(again, 'coffer_poll_failures_total', { provider: 'deepseek', status: 'rate_limited' })).toBe(2)
    expect(sample(again, 'coffer_poll_duration_seconds_count', { provider: 'deepseek' })).toBe(3)
    expect(sample(again, 'coffer_spend_total', { ...openai, unit: 'USD' })).toBe(4.5)

    // Concurrent scrapes are served one after another: each is complete, none counts a poll twice.
    poll(core, DEEPSEEK, '2026-03-10T11:45:00.000Z', 100, 'ok', (facts) => facts.balances.push({ unit: 'CNY', kind: 'total', amountMicros: toMicros('20.00'), source: 'official' }))
    const bodies = await Promise.all(Array.from({ length: 6 }, async () => (await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text()))
    for (const concurrent of bodies) {
      expect(sample(concurrent, 'coffer_poll_duration_seconds_count', { provider: 'deepseek' })).toBe(4)
      expect(sample(concurrent, 'coffer_balance', { ...deepseek, unit: 'CNY' })).toBe(20)
      expect(sample(concurrent, 'coffer_spend_total', { ...openai, unit: 'USD' })).toBe(4.5)
    }
  })

  it('with --metrics-labels carries ids and the user’s label, never an email, a URL path or a key', async () => {
    const { server, metricsToken } = await serve(true)
    const body = await (await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text()
    expect(sample(body, 'coffer_balance', { account: DEEPSEEK, label: 'DeepSeek', unit: 'CNY' })).toBe(20)
    expect(sample(body, 'coffer_spend_total', { account: OPENAI, label: 'Work [email] https://relay.example [redacted]' })).toBe(4.5)
    for (const hidden of ['jane@example.com', 'relay.example/v1', 'sk-abcdefgh']) expect(body).not.toContain(hidden)
    expect(safeLabelValue('Team key xai-AbCdEf123456 and a long token 0123456789abcdefABCDEF012')).toBe('Team key [redacted] and a long token [redacted]')
    expect(safeLabelValue('Personal (mine)')).toBe('Personal (mine)')
  })

  it('answers /metrics only to its own token; that token opens nothing else', async () => {
    const { server, metricsToken } = await serve(false)
    const get = (path: string, token?: string, host?: string) =>
      fetch(`${server.origin}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(host ? { host } : {}) } })
    expect((await get('/metrics')).status).toBe(401)
    expect((await get('/metrics')).headers.get('www-authenticate')).toContain('Bearer')
    expect((await get('/metrics', server.token)).status).toBe(401) // the dashboard's token is not a scraper's
    expect(metricsToken).not.toBe(server.token)
    const api = await fetch(`${server.origin}/api/call/accounts:list`, { method: 'POST', headers: { authorization: `Bearer ${metricsToken}` }, body: '{}' })
    expect(api.status).toBe(401) // and a scraper's token is not the dashboard's
    expect((await fetch(`${server.origin}/metrics`, { method: 'POST', headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(405)
    expect(server.metricsUrl).toBe(`http://127.0.0.1:${server.port}/metrics`)
    // Stable per data folder (a scrape config holds it), readable by its owner only.
    expect(readOrCreateMetricsToken(dir())).toBe(metricsToken)
    expect(statSync(metricsTokenPath(dir())).mode & 0o777).toBe(0o600)
    expect(metricsToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  for (const bind of ['0.0.0.0', 'the LAN address'] as const) {
    it(`with --host ${bind}, /metrics is reachable there and every other route still answers this machine only`, async (context) => {
      const lan = Object.values(networkInterfaces()).flat().find((nic) => nic && nic.family === 'IPv4' && !nic.internal)
      if (!lan) {
        console.warn('[metrics test] skipped: this machine has no non-loopback IPv4 address to reach a --host server through')
        context.skip()
        return
      }
      const { server, metricsToken } = await serve(false, bind === '0.0.0.0' ? bind : lan.address)
      expect(server.metricsUrl).toBe(`http://${bind === '0.0.0.0' ? '0.0.0.0' : lan.address}:${server.port}/metrics`)
      const remote = `http://${lan.address}:${server.port}`
      expect((await fetch(`${remote}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(200)
      expect((await fetch(`${remote}/metrics`)).status).toBe(401)
      // Another machine (here: a non-loopback peer address) gets no dashboard and no API, whatever Host it claims.
      // (node:http, since fetch will not send a Host header of our choosing.)
      const forged = { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}` }
      expect(await statusOf(lan.address, server.port, 'GET', '/', forged)).toBe(403)
      expect(await statusOf(lan.address, server.port, 'POST', '/api/call/accounts:list', forged)).toBe(403)
      // This machine still gets its dashboard at the printed 127.0.0.1 address (a LAN-only bind adds a loopback listener).
      expect(await statusOf('127.0.0.1', server.port, 'POST', '/api/call/accounts:list', forged)).toBe(200)
      expect((await fetch(`${server.origin}/api/call/accounts:list`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: '{}' })).status).toBe(200)
      expect((await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(200)
    })
  }
})

describe('coffer serve metrics flags (in-process CLI)', () => {
  const dir = useTempDir('coffer-metrics-cli-')

  it('refuses metrics flags that mean nothing or would expose the dashboard, with a sentence (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['serve', '--metrics-labels'], '--metrics-labels goes with --metrics.'],
      [['serve', '--host', '0.0.0.0'], '--host goes with --metrics'],
      [['serve', '--metrics', '--host', 'not a host!'], '--host expects an IP address or a host name'],
      [['serve', '--demo', '--print-metrics-token'], '--print-metrics-token reads your data folder']
    ]
    for (const [args, message] of cases) {
      const result = await runCliInProcess(dir(), ...args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.err).toContain(message)
      expect(result.out).toBe('')
    }
  })

  it('--print-metrics-token prints the data folder’s token, the same every time', async () => {
    const first = await runCliInProcess(dir(), 'serve', '--print-metrics-token')
    expect(first.code, first.err).toBe(0)
    const token = first.out.trim()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await runCliInProcess(dir(), 'serve', '--print-metrics-token')).out.trim()).toBe(token)
    expect(readOrCreateMetricsToken(dir())).toBe(token)
  })
})
