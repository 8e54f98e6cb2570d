import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { BACKOFF_BASE_MS } from '../../../../../src/main/core/poller/next-poll-delay'
import { ProviderSimulator } from '../../../../simulator/provider-simulator'
import { deepseekBalance } from '../../../../simulator/shapes/deepseek'
import { FakeClock, settle } from '../../../../helpers/fake-clock'
import { callOk, callWire, countRows, createTestCore } from '../../../../helpers/test-core'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'

const MIN = 60_000
const key = 'sk-scheduling-0123456789'

let dir: string
let simulator: ProviderSimulator
let clock: FakeClock
let core: Core

beforeEach(async () => {
  dir = await makeTempDir('coffer-scheduling-')
  simulator = await ProviderSimulator.start()
  simulator.route('GET', '/user/balance', deepseekBalance([{ currency: 'CNY', total: '10', granted: '0', toppedUp: '10' }]))
  clock = new FakeClock()
  core = createTestCore(dir, { clock, now: () => new Date(clock.now()), random: () => 0.5 })
})

afterEach(async () => {
  core.close()
  await simulator.close()
  await removeTempDir(dir)
})

/** Waits (real time) until no poll is in flight: polls do real HTTP, which the fake clock does not drive. */
async function idle(): Promise<void> {
  const deadline = Date.now() + 10_000
  while (core.context.accounts.list().some((account) => core.context.poller.isPolling(account.id))) {
    if (Date.now() > deadline) throw new Error('a poll did not finish within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await settle()
}

async function add(label: string, pollIntervalMinutes?: number): Promise<string> {
  const view = await callOk(core, 'accounts:add', { draft: { provider: 'deepseek', label, baseUrl: simulator.baseUrl, pollIntervalMinutes }, key })
  return view.id
}

describe('background polling through createCore (fake clock, real HTTP and SQLite)', () => {
  it('a new account is polled at once, then every interval (default 15 min)', async () => {
    core.startPolling()
    const id = await add('DS')
    expect(clock.pending()).toEqual([0])

    await clock.advance(0)
    await idle()
    expect(simulator.requests).toHaveLength(1)
    expect((await callOk(core, 'accounts:list', {}))[0]).toMatchObject({ id, status: 'ok', pollIntervalMinutes: 15 })
    expect(clock.pending()).toEqual([15 * MIN])

    await clock.advance(15 * MIN)
    await idle()
    expect(simulator.requests).toHaveLength(2)
  })

  it('the interval is per account and user-settable: accounts:update reschedules', async () => {
    core.startPolling()
    const id = await add('DS', 30)
    await clock.advance(0)
    await idle()
    expect(clock.pending()).toEqual([30 * MIN])

    await clock.advance(2 * MIN)
    await callOk(core, 'accounts:update', { id, pollIntervalMinutes: 5 })
    expect(clock.pending()).toEqual([3 * MIN]) // 5 min after the last poll, 2 of which have passed
  })

  it('the default interval for new accounts comes from preferences', async () => {
    await callOk(core, 'preferences:set', { defaultPollIntervalMinutes: 60 })
    await add('DS')
    expect((await callOk(core, 'accounts:list', {}))[0]?.pollIntervalMinutes).toBe(60)
  })

  it('after restart, an account polled recently waits for the rest of its interval', async () => {
    const id = await add('DS')
    await callOk(core, 'accounts:poll', { ids: [id] })
    core.close()
    await clock.advance(4 * MIN)
    core = createTestCore(dir, { clock, now: () => new Date(clock.now()), random: () => 0.5 })
    core.startPolling()
    expect(clock.pending()).toEqual([11 * MIN])
  })

  it('after restart, a rate-limited account still waits for its Retry-After', async () => {
    simulator.route('GET', '/user/balance', { status: 429, headers: { 'retry-after': '3600' }, body: { error: { message: 'slow down' } } })
    const id = await add('DS')
    await callOk(core, 'accounts:poll', { ids: [id] })
    core.close()
    await clock.advance(10 * MIN)
    core = createTestCore(dir, { clock, now: () => new Date(clock.now()), random: () => 0.5 })
    core.startPolling()
    expect(clock.pending()).toEqual([50 * MIN])
  })

  it('backs off after a transient failure instead of waiting the full interval', async () => {
    simulator.route('GET', '/user/balance', { status: 503, body: { error: { message: 'busy' } } })
    core.startPolling()
    await add('DS')
    await clock.advance(0)
    await idle()
    expect(clock.pending()).toEqual([0.5 * BACKOFF_BASE_MS])
  })

  it('refresh-now while a poll is in flight joins it: one request, one poll run', async () => {
    simulator.route('GET', '/user/balance', { ...deepseekBalance([{ currency: 'CNY', total: '1', granted: '0', toppedUp: '1' }]), delayMs: 200 })
    const id = await add('DS')
    const [a, b] = await Promise.all([callOk(core, 'accounts:poll', { ids: [id] }), callOk(core, 'accounts:poll', { ids: [] })])
    expect(a[0]?.status).toBe('ok')
    expect(b[0]?.status).toBe('ok')
    expect(simulator.requests).toHaveLength(1)
    expect(countRows(core.context.db, 'poll_runs')).toBe(1)
  })

  it('a removed account is no longer scheduled, and stop (close) clears every timer', async () => {
    core.startPolling()
    const id = await add('DS')
    await add('Other')
    await clock.advance(0)
    await idle()
    expect(clock.pending()).toEqual([15 * MIN, 15 * MIN])
    await callOk(core, 'accounts:remove', { id })
    expect(clock.pending()).toEqual([15 * MIN])
    core.context.poller.stop()
    expect(clock.pending()).toEqual([])
  })

  it('removing an account while its poll is in flight: the poll ends quietly and writes nothing', async () => {
    simulator.route('GET', '/user/balance', { ...deepseekBalance([{ currency: 'CNY', total: '1', granted: '0', toppedUp: '1' }]), delayMs: 300 })
    core.startPolling()
    const id = await add('DS')
    const polling = callWire(core, 'accounts:poll', { ids: [id] })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(core.context.poller.isPolling(id)).toBe(true)

    expect(await callWire(core, 'accounts:remove', { id })).toEqual({ ok: true, value: { removed: true } })
    const result = await polling

    expect(result.ok).toBe(true)
    expect(countRows(core.context.db, 'poll_runs')).toBe(0)
    expect(countRows(core.context.db, 'balance_snapshots')).toBe(0)
    expect(await callOk(core, 'accounts:list', {})).toEqual([])
    await idle()
    expect(clock.pending()).toEqual([])
  })

  it('the CLI never starts background polling: adding schedules nothing', async () => {
    await add('DS')
    expect(clock.pending()).toEqual([])
    expect(simulator.requests).toHaveLength(0)
  })
})
