import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../../../src/shared/contract'
import type { AlertView } from '../../../../../src/shared/contract/alerts-calls'
import type { Core } from '../../../../../src/main/core/app'
import { AlertsRepo } from '../../../../../src/main/core/alerts/alerts-repo'
import { MemorySecretStore } from '../../../../../src/main/core/secrets/memory-secret-store'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'
import { ProviderSimulator, type SimResponse } from '../../../../simulator/provider-simulator'
import { deepseekAuthError, deepseekBalance } from '../../../../simulator/shapes/deepseek'

const START = Date.parse('2026-03-10T10:00:00Z')
const MINUTE = 60_000

function cny(total: string): SimResponse {
  return deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])
}

/**
 * The alert engine end to end inside core: real SQLite in a temp dir, the simulator over loopback,
 * and a fake clock that the test moves by hand.
 */
describe('alert engine (fake clock, simulator DeepSeek)', () => {
  const dir = useTempDir('coffer-alerts-')
  let simulator: ProviderSimulator
  let clock: number
  let secrets: MemorySecretStore
  let core: Core
  let fired: EventPayload<'alerts:fired'>[]
  let accountId: string
  /** Balances the simulator answers next, one per poll. */
  let balances: string[]

  const open = (): Core => {
    const next = createTestCore(dir(), { secrets, now: () => new Date(clock) })
    next.onEvent((event, payload) => {
      if (event === 'alerts:fired') fired.push(payload as EventPayload<'alerts:fired'>)
    })
    return next
  }
  const pollAt = async (total: string, advanceMinutes = 15): Promise<void> => {
    clock += advanceMinutes * MINUTE
    balances.push(total)
    await callOk(core, 'accounts:poll', { ids: [accountId] })
    await core.alerts.settle()
  }
  const list = async (): Promise<AlertView[]> => (await callOk(core, 'alerts:list', {})).alerts
  const active = async (kind = 'low_balance'): Promise<AlertView[]> =>
    (await list()).filter((alert) => alert.state === 'active' && alert.kind === kind)
  const firedKinds = (): string[] => fired.flatMap((event) => event.alerts.map((alert) => `${alert.kind}:${alert.id}`))

  beforeEach(async () => {
    clock = START
    fired = []
    balances = []
    secrets = new MemorySecretStore()
    simulator = await ProviderSimulator.start()
    simulator.route('GET', '/user/balance', () => {
      const next = balances.shift()
      if (next === undefined) throw new Error('the test polled without scripting a balance')
      if (next === '502') return { status: 502, body: 'Bad Gateway' }
      return next === '401' ? deepseekAuthError() : cny(next)
    })
    core = open()
    const account = await callOk(core, 'accounts:add', {
      draft: { provider: 'deepseek', label: 'DeepSeek', baseUrl: simulator.baseUrl, options: {} },
      key: 'sk-test-alerts-000001'
    })
    accountId = account.id
    await callOk(core, 'rules:set', { accountId, kind: 'low_balance', below: { amount: '50', unit: 'CNY' } })
  })

  afterEach(async () => {
    core.close()
    await simulator.close()
  })

  it('fires once when the line is crossed, not on every poll', async () => {
    await pollAt('100')
    expect(await list()).toEqual([])
    await pollAt('40')
    const first = await active()
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ severity: 'warning', value: { amount: '40', unit: 'CNY' }, accountLabel: 'DeepSeek' })
    expect(first[0]?.billingUrl).toBe('https://platform.deepseek.com/top_up')
    await pollAt('30')
    await pollAt('20')
    expect(await active()).toEqual([expect.objectContaining({ id: first[0]?.id, value: { amount: '20', unit: 'CNY' } })])
    expect(firedKinds()).toEqual([`low_balance:${first[0]?.id}`])
    expect((await callOk(core, 'alerts:list', {})).level).toBe('warning')
  })

  it('resolves only past the hysteresis margin, then re-arms', async () => {
    await pollAt('49')
    const [alert] = await active()
    await pollAt('51') // above the line by less than 10 %, and a rise too small to be a top-up: hovering
    expect(await active()).toHaveLength(1)
    await pollAt('49.5') // back under: the same alert, not a new one
    expect((await active())[0]?.id).toBe(alert?.id)
    await pollAt('52') // still within the margin, rise 2.5 < 5: no flap
    expect((await active())[0]?.id).toBe(alert?.id)
    await pollAt('55') // 50 + 10 %: resolved
    expect(await active()).toEqual([])
    expect((await list()).find((row) => row.id === alert?.id)).toMatchObject({ state: 'resolved' })
    await pollAt('45') // crossed again: a new alert
    const again = await active()
    expect(again).toHaveLength(1)
    expect(again[0]?.id).not.toBe(alert?.id)
    expect(fired.flatMap((event) => event.alerts)).toHaveLength(2)
  })

  it('a real top-up that brings the balance back to the line clears the alert at once', async () => {
    await pollAt('30')
    const [alert] = await active()
    await pollAt('51') // within the margin, but it rose by 21 (≥ 10 % of the line): a top-up
    expect(await active()).toEqual([])
    expect((await list()).find((row) => row.id === alert?.id)?.state).toBe('resolved')
  })

  it('snoozes for an hour: quiet meanwhile, back and announced again after', async () => {
    await pollAt('40')
    const [alert] = await active()
    const snoozed = await callOk(core, 'alerts:snooze', { id: alert?.id as number, snooze: '1h' })
    expect(snoozed.state).toBe('snoozed')
    expect(snoozed.snoozeUntil).toBe(new Date(clock + 60 * MINUTE).toISOString())
    expect((await callOk(core, 'alerts:list', {})).level).toBe('ok')
    await pollAt('35', 30)
    expect((await list())[0]?.state).toBe('snoozed')
    expect(fired).toHaveLength(1)
    await pollAt('34', 31)
    expect(await active()).toEqual([expect.objectContaining({ id: alert?.id })])
    expect(fired).toHaveLength(2)
  })

  it('snoozes until the next top-up, even a top-up too small to clear the alert', async () => {
    await pollAt('40')
    const [alert] = await active()
    await callOk(core, 'alerts:snooze', { id: alert?.id as number, snooze: 'until_topup' })
    await pollAt('30', 24 * 60) // a day later, still falling: stays snoozed
    expect((await list())[0]).toMatchObject({ state: 'snoozed', snoozeUntilTopUp: true })
    await pollAt('45') // topped up a little: back
    expect(await active()).toEqual([expect.objectContaining({ id: alert?.id })])
  })

  it('dismissed alerts stay quiet until the condition clears, then fire on the next crossing', async () => {
    await pollAt('40')
    const [alert] = await active()
    await callOk(core, 'alerts:dismiss', { id: alert?.id as number })
    await pollAt('30')
    expect(await active()).toEqual([])
    expect((await list()).map((row) => row.id)).toEqual([alert?.id])
    await pollAt('60')
    await pollAt('20')
    expect(await active()).toHaveLength(1)
    expect((await active())[0]?.id).not.toBe(alert?.id)
  })

  it('holds notifications during quiet hours, records the alert, announces it after', async () => {
    const local = (offset: number) => {
      const date = new Date(clock + offset)
      return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
    }
    // Quiet from now until two hours from now, in this machine's local time.
    await callOk(core, 'alerts:update-settings', { quietHours: { enabled: true, start: local(0), end: local(120 * MINUTE) } })
    await pollAt('40', 1)
    expect(await active()).toHaveLength(1)
    expect(fired).toEqual([])
    await pollAt('39', 150)
    expect(firedKinds()).toEqual([`low_balance:${(await active())[0]?.id}`])
  })

  it('auto-reload accounts get no low-balance alarm; a detected top-up is announced instead', async () => {
    await pollAt('100')
    await callOk(core, 'alerts:set-auto-reload', { accountId, autoReload: true })
    expect((await callOk(core, 'alerts:settings', {})).autoReload).toEqual([accountId])
    await pollAt('10')
    expect(await active()).toEqual([])
    await pollAt('110')
    const topups = (await list()).filter((alert) => alert.kind === 'topup_detected')
    expect(topups).toEqual([expect.objectContaining({ severity: 'info', state: 'resolved', value: { amount: '100', unit: 'CNY' } })])
    expect(topups[0]?.message).toContain('topped up by')
    expect(firedKinds()).toEqual([`topup_detected:${topups[0]?.id}`])
    await pollAt('110')
    expect((await list()).filter((alert) => alert.kind === 'topup_detected')).toHaveLength(1)
  })

  it('alerts on a rejected key and resolves after a good poll', async () => {
    await pollAt('100')
    await pollAt('401')
    const auth = await active('auth_failed')
    expect(auth).toEqual([expect.objectContaining({ severity: 'critical' })])
    expect((await callOk(core, 'alerts:list', {})).level).toBe('critical')
    await pollAt('401')
    expect(await active('auth_failed')).toHaveLength(1)
    await pollAt('100')
    expect(await active('auth_failed')).toEqual([])
  })

  it('resolves a rejected key once the provider answers anything else (an HTTP 502): the banner follows the card', async () => {
    await pollAt('401')
    expect(await active('auth_failed')).toHaveLength(1)
    await pollAt('502')
    const [account] = await callOk(core, 'accounts:list', {})
    expect(account?.status).toBe('provider_error')
    expect(await active('auth_failed')).toEqual([])
  })

  it('keeps alert state across a restart (reopened ledger) and still fires only once', async () => {
    await pollAt('40')
    const [alert] = await active()
    await callOk(core, 'alerts:snooze', { id: alert?.id as number, snooze: '1d' })
    core.close()
    core = open()
    expect((await list())[0]).toMatchObject({ id: alert?.id, state: 'snoozed' })
    await pollAt('30')
    expect((await list()).filter((row) => row.kind === 'low_balance')).toHaveLength(1)
    await pollAt('80')
    expect((await list())[0]).toMatchObject({ id: alert?.id, state: 'resolved' })
  })

  it('announces alert changes only when something changed (the renderer re-lists on each one)', async () => {
    const changes: string[] = []
    core.onEvent((event) => {
      if (event === 'alerts:changed') changes.push(event)
    })
    await pollAt('100')
    await list()
    await list()
    await core.alerts.settle()
    expect(changes).toEqual([])
    await pollAt('40')
    expect(changes).toHaveLength(1)
    await list()
    await core.alerts.settle()
    expect(changes).toHaveLength(1)
    await callOk(core, 'alerts:snooze', { id: (await active())[0]?.id as number, snooze: '1h' })
    await core.alerts.settle()
    expect(changes).toHaveLength(2)
  })

  it('a poll of one account leaves the other accounts’ alerts alone', async () => {
    const other = await callOk(core, 'accounts:add', {
      draft: { provider: 'deepseek', label: 'Other', baseUrl: simulator.baseUrl, options: {} },
      key: 'sk-test-alerts-000002'
    })
    await callOk(core, 'rules:set', { accountId: other.id, kind: 'low_balance', below: { amount: '50', unit: 'CNY' } })
    balances.push('10')
    await callOk(core, 'accounts:poll', { ids: [other.id] })
    await pollAt('100')
    await pollAt('40')
    const open = await active()
    expect(open.map((alert) => alert.accountLabel).sort()).toEqual(['DeepSeek', 'Other'])
  })

  it('two processes on one ledger cannot open the same alert twice', async () => {
    await pollAt('40')
    const [alert] = await active()
    const repo = new AlertsRepo(core.context.db)
    const again = repo.fire(
      { key: `rule:${(await callOk(core, 'rules:list', { accountId }))[0]?.id}`, accountId, kind: 'low_balance', severity: 'warning', state: 'on', message: 'dup', valueMicros: 1, unit: 'CNY', ruleId: null, budgetId: null, webhook: null },
      new Date(clock).toISOString()
    )
    expect(again).toBeNull()
    expect((await list()).map((row) => row.id)).toEqual([alert?.id])
  })

  it('a failure inside alert evaluation never costs the poll its facts', async () => {
    await pollAt('100')
    // Break the alert tables the engine reads; the poll must still commit its balance.
    core.context.db.exec('DROP TABLE account_alert_settings')
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      await pollAt('42')
    } finally {
      console.error = original
    }
    const [account] = await callOk(core, 'accounts:list', {})
    expect(account?.balances[0]).toMatchObject({ amount: '42', unit: 'CNY' })
    expect(account?.status).toBe('ok')
    expect(JSON.stringify(errors)).toContain('alert evaluation')
  })

  it('removing a rule resolves its open alert', async () => {
    await pollAt('40')
    const [rule] = await callOk(core, 'rules:list', { accountId })
    await callOk(core, 'rules:remove', { id: rule?.id as number })
    expect(await active()).toEqual([])
  })

  it('runway and expiring-credit rules; validation of rule requests', async () => {
    const bad = await callWire(core, 'rules:set', { accountId, kind: 'runway' })
    expect(bad).toMatchObject({ ok: false, code: 'bad_request' })
    const http = await callWire(core, 'rules:set', { accountId, kind: 'runway', days: 3, webhookUrl: 'http://example.com/hook' })
    expect(http).toMatchObject({ ok: false, code: 'bad_request' })
    await callOk(core, 'rules:set', { accountId, kind: 'expiring_credit', days: 30 })
    await callOk(core, 'credits:record', {
      accountId,
      kind: 'grant',
      amount: '20',
      unit: 'CNY',
      at: new Date(clock).toISOString(),
      expiresAt: new Date(clock + 10 * 24 * 60 * MINUTE).toISOString()
    })
    await pollAt('100')
    const expiring = await active('expiring_credit')
    expect(expiring).toHaveLength(1)
    expect(expiring[0]?.message).toContain('expires by')
  })
})
