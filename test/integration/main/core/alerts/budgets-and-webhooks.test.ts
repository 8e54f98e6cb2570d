import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'
import { ProviderSimulator } from '../../../../simulator/provider-simulator'
import { deepseekBalance } from '../../../../simulator/shapes/deepseek'

const START = Date.parse('2026-03-10T10:00:00Z')
const MINUTE = 60_000
const KEY = 'sk-test-webhook-secret-77'

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A real HTTP receiver on loopback, standing in for ntfy or Slack. */
async function startReceiver(status = 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body })
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

describe('budgets and webhooks (fake clock, simulator DeepSeek)', () => {
  const dir = useTempDir('coffer-budgets-')
  let simulator: ProviderSimulator
  let clock: number
  let core: Core
  let accountId: string
  let balances: string[]

  const pollAt = async (total: string, advanceMinutes = 15): Promise<void> => {
    clock += advanceMinutes * MINUTE
    balances.push(total)
    await callOk(core, 'accounts:poll', { ids: [accountId] })
    await core.alerts.settle()
  }

  beforeEach(async () => {
    clock = START
    balances = []
    simulator = await ProviderSimulator.start()
    simulator.route('GET', '/user/balance', () => {
      const total = balances.shift() ?? '0'
      return deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])
    })
    core = createTestCore(dir(), { now: () => new Date(clock) })
    const account = await callOk(core, 'accounts:add', {
      draft: { provider: 'deepseek', label: 'DeepSeek', baseUrl: simulator.baseUrl, options: {} },
      key: KEY
    })
    accountId = account.id
  })

  afterEach(async () => {
    core.close()
    await simulator.close()
  })

  it('warns at each threshold of a daily budget (spend derived from balance drops), then starts over the next UTC day', async () => {
    await pollAt('100')
    const set = await callOk(core, 'budgets:set', { accountId, period: 'day', limit: '50' })
    expect(set).toMatchObject({ limit: { amount: '50', unit: 'CNY' }, thresholds: [50, 80, 100], windowStart: '2026-03-10', windowEnd: '2026-03-11' })
    await pollAt('70') // spent 30 = 60 %: the 50 % warning
    let budgetAlerts = (await callOk(core, 'alerts:list', {})).alerts.filter((alert) => alert.kind === 'budget')
    expect(budgetAlerts.filter((alert) => alert.state === 'active')).toHaveLength(1)
    expect(budgetAlerts[0]?.message).toContain('60 %')
    expect(budgetAlerts[0]?.message).toContain('Coffer can’t stop spending; it warns you.')
    await pollAt('45') // spent 55 = 110 %: the 100 % alert replaces the 50 % one
    budgetAlerts = (await callOk(core, 'alerts:list', {})).alerts.filter((alert) => alert.kind === 'budget')
    const activeBudget = budgetAlerts.filter((alert) => alert.state === 'active')
    expect(activeBudget).toEqual([expect.objectContaining({ severity: 'critical' })])
    expect(activeBudget[0]?.message).toContain('warning at 100 %')
    const listed = await callOk(core, 'budgets:list', {})
    expect(listed.budgets[0]).toMatchObject({ spent: '55', percent: 110, crossed: 100 })
    await pollAt('45', 24 * 60) // the next day: a new window, nothing spent yet
    expect((await callOk(core, 'alerts:list', {})).alerts.filter((alert) => alert.kind === 'budget' && alert.state === 'active')).toEqual([])
  })

  it('global budgets sum every account in the unit; bad budgets are refused', async () => {
    await pollAt('100')
    const global = await callOk(core, 'budgets:set', { accountId: null, period: 'month', limit: '20', unit: 'CNY', thresholds: [100] })
    expect(global).toMatchObject({ accountId: null, accountLabel: null, thresholds: [100] })
    await pollAt('75')
    expect((await callOk(core, 'alerts:list', {})).alerts.filter((alert) => alert.kind === 'budget' && alert.accountId === null)).toHaveLength(1)
    expect(await callWire(core, 'budgets:set', { accountId: null, period: 'month', limit: '0' })).toMatchObject({ ok: false, code: 'bad_request' })
    expect(await callWire(core, 'budgets:set', { accountId: null, period: 'year', limit: '5' })).toMatchObject({ ok: false, code: 'bad_request' })
  })

  it('POSTs a fired alert to an ntfy-style webhook after the poll, without the key', async () => {
    const receiver = await startReceiver()
    try {
      await callOk(core, 'rules:set', { accountId, kind: 'low_balance', below: { amount: '50' }, webhookUrl: `${receiver.url}/coffer-alerts`, webhookAllowLocal: true })
      await pollAt('40')
      expect(receiver.received).toHaveLength(1)
      const [request] = receiver.received
      expect(request).toMatchObject({ method: 'POST', url: '/coffer-alerts' })
      expect(request?.headers.title).toBe('Coffer: Low balance (DeepSeek)')
      expect(request?.headers.priority).toBe('4')
      expect(request?.headers['content-type']).toContain('text/plain')
      expect(request?.body).toContain('below your alert')
      expect(JSON.stringify(request)).not.toContain(KEY)
      const [alert] = (await callOk(core, 'alerts:list', {})).alerts
      expect(alert?.webhook).toEqual({ status: 'sent', error: null })
      await pollAt('30')
      expect(receiver.received).toHaveLength(1)
    } finally {
      await receiver.close()
    }
  })

  it('sends Slack-shaped JSON when asked, and records a failing receiver on the alert without blocking the poll', async () => {
    const receiver = await startReceiver(500)
    try {
      await callOk(core, 'rules:set', {
        accountId,
        kind: 'low_balance',
        below: { amount: '50' },
        webhookUrl: `${receiver.url}/services/T/B/X`,
        webhookFormat: 'slack',
        webhookAllowLocal: true
      })
      await pollAt('40')
      expect(JSON.parse(receiver.received[0]?.body ?? '{}')).toEqual({ text: expect.stringContaining('*Coffer: Low balance (DeepSeek)*') })
      const [alert] = (await callOk(core, 'alerts:list', {})).alerts
      expect(alert?.state).toBe('active')
      expect(alert?.webhook).toEqual({ status: 'failed', error: `127.0.0.1:${new URL(receiver.url).port} answered HTTP 500.` })
    } finally {
      await receiver.close()
    }
  })

  it('tests a webhook URL on request, and refuses plain http to other machines', async () => {
    const receiver = await startReceiver()
    try {
      expect(await callWire(core, 'alerts:test-webhook', { url: `${receiver.url}/t` })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringContaining('Allow local network targets') })
      expect(receiver.received).toEqual([])
      expect(await callOk(core, 'alerts:test-webhook', { url: `${receiver.url}/t`, allowLocal: true })).toEqual({ ok: true, error: null })
      expect(receiver.received[0]?.body).toContain('Test from Coffer')
      expect(await callWire(core, 'alerts:test-webhook', { url: 'http://example.com/t' })).toMatchObject({ ok: false, code: 'bad_request' })
      expect(await callWire(core, 'alerts:test-webhook', { url: 'https://user:pw@ntfy.sh/t' })).toMatchObject({ ok: false, code: 'bad_request' })
    } finally {
      await receiver.close()
    }
  })

  it('a rule keeps "allow local network targets" when saved again without it; local targets are refused without it', async () => {
    const refused = await callWire(core, 'rules:set', { accountId, kind: 'low_balance', below: { amount: '5' }, webhookUrl: 'https://192.168.1.20/ntfy' })
    expect(refused).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringContaining('an address on your local network') })
    const allowed = await callOk(core, 'rules:set', { accountId, kind: 'low_balance', below: { amount: '5' }, webhookUrl: 'https://192.168.1.20/ntfy', webhookAllowLocal: true })
    expect(allowed).toMatchObject({ webhookAllowLocal: true })
    // The form saves the rule again without the flag: the choice stays.
    expect(await callOk(core, 'rules:set', { accountId, kind: 'low_balance', below: { amount: '6' }, webhookUrl: 'https://192.168.1.20/ntfy' })).toMatchObject({ webhookAllowLocal: true })
    expect(await callWire(core, 'budgets:set', { accountId, period: 'month', limit: '5', webhookUrl: 'https://169.254.169.254/x' })).toMatchObject({ ok: false, code: 'bad_request' })
    expect(await callOk(core, 'budgets:set', { accountId, period: 'month', limit: '5', webhookUrl: 'https://169.254.169.254/x', webhookAllowLocal: true })).toMatchObject({ webhookAllowLocal: true })
  })

  it('a local webhook stored before the rule existed (old data) is refused at send time, and the alert says why', async () => {
    const receiver = await startReceiver()
    try {
      const rule = await callOk(core, 'rules:set', { accountId, kind: 'low_balance', below: { amount: '50' } })
      const local = `https://127.0.0.1:${new URL(receiver.url).port}/hook`
      core.context.db.prepare('UPDATE alert_rules SET webhook_url = ?, webhook_allow_local = 0 WHERE id = ?').run(local, rule.id)
      await pollAt('40')
      expect(receiver.received).toEqual([])
      const [alert] = (await callOk(core, 'alerts:list', {})).alerts
      expect(alert?.webhook).toEqual({ status: 'failed', error: expect.stringMatching(/^Refused: 127\.0\.0\.1; that is an address on this machine: .*Allow local network targets/) })
    } finally {
      await receiver.close()
    }
  })
})
