import { afterEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../../../../src/shared/contract'
import type { Core } from '../../../../../src/main/core/app'
import { accountVerdict } from '../../../../../src/shared/account-state'
import { watchLedger, type LedgerWatcher } from '../../../../../src/main/core/ledger/ledger-watcher'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'

interface Seen {
  event: EventName
  payload: unknown
  at: number
}

/**
 * Two cores on one data folder, as the desktop app (or `coffer serve`) and `coffer poll` in a
 * terminal are: what B commits, A's watcher notices and announces within 2 s.
 */
describe('the ledger watcher (two cores, one data folder)', () => {
  const dir = useTempDir('coffer-watch-')
  const cores: Core[] = []
  const watchers: LedgerWatcher[] = []
  afterEach(() => {
    for (const watcher of watchers.splice(0)) watcher.stop()
    for (const core of cores.splice(0)) core.close()
  })
  const open = (): Core => {
    const core = createTestCore(dir())
    cores.push(core)
    return core
  }
  const record = (seen: Seen[]) => (event: EventName, payload: unknown) => seen.push({ event, payload, at: Date.now() })
  const until = async (test: () => boolean, ms = 2_000): Promise<number> => {
    const start = Date.now()
    while (!test()) {
      if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return Date.now() - start
  }
  const addManual = async (core: Core, label: string): Promise<string> =>
    (await callOk(core, 'accounts:add', { draft: { provider: 'manual', label, options: { unit: 'USD' } } })).id

  it('a balance recorded through B reaches A as accounts:changed for that account, and a low-balance alert as alerts:changed', async () => {
    const a = open()
    const b = open()
    const seen: Seen[] = []
    watchers.push(watchLedger(a.context.db, record(seen), { intervalMs: 50 }))

    const id = await addManual(b, 'GPTBots')
    await until(() => seen.some((entry) => entry.event === 'accounts:changed'))
    expect(seen.find((entry) => entry.event === 'accounts:changed')?.payload).toEqual({ ids: [id] })
    // Nothing recorded yet: the card says so rather than "Up to date".
    const [fresh] = await callOk(a, 'accounts:list', {})
    expect(accountVerdict(fresh!, []).state).toBe('no_data')

    seen.length = 0
    await callOk(b, 'credits:record', { accountId: id, kind: 'balance', amount: '3' })
    await until(() => seen.some((entry) => entry.event === 'accounts:changed'))
    expect((await callOk(a, 'accounts:list', {}))[0]?.balances[0]?.amount).toMatch(/^3(\.0+)?$/)

    seen.length = 0
    await callOk(b, 'rules:set', { accountId: id, kind: 'low_balance', below: { amount: '5' } })
    await callOk(b, 'alerts:list', {})
    await until(() => seen.some((entry) => entry.event === 'alerts:changed'))
    const { alerts } = await callOk(a, 'alerts:list', { states: ['active'] })
    expect(alerts.map((alert) => alert.kind)).toContain('low_balance')
    const [account] = await callOk(a, 'accounts:list', {})
    expect(accountVerdict(account!, alerts)).toMatchObject({ state: 'warning', words: 'Below your $5.00 alert' })
  })

  it('is quiet when only the stamps of a re-evaluation change, so two dashboards never wake each other', async () => {
    const a = open()
    const b = open()
    const id = await addManual(b, 'GPTBots')
    await callOk(b, 'credits:record', { accountId: id, kind: 'balance', amount: '3' })
    await callOk(b, 'rules:set', { accountId: id, kind: 'low_balance', below: { amount: '5' } })
    await callOk(b, 'alerts:list', {})
    const seen: Seen[] = []
    const watcher = watchLedger(a.context.db, record(seen), { intervalMs: 60_000 })
    watchers.push(watcher)
    // B lists alerts again (as its dashboard does on every event): it writes, but nothing shown changes.
    await callOk(b, 'alerts:list', {})
    watcher.check()
    // A's own writes never change A's data_version.
    await callOk(a, 'alerts:list', {})
    watcher.check()
    expect(seen).toEqual([])
  })

  it('startPolling() runs the watcher: within 2 s of B recording a top-up, A emits', async () => {
    const a = open()
    const b = open()
    const id = await addManual(b, 'Manual')
    // Polled by B just now, so A's poller has nothing due and every event below is the watcher's.
    await callOk(b, 'accounts:poll', { ids: [id] })
    const seen: Seen[] = []
    a.onEvent(record(seen))
    a.startPolling()
    await new Promise((resolve) => setTimeout(resolve, 100))
    seen.length = 0
    const before = Date.now()
    await callOk(b, 'credits:record', { accountId: id, kind: 'topup', amount: '20' })
    await until(() => seen.some((entry) => entry.event === 'accounts:changed' && (entry.payload as { ids: string[] }).ids.includes(id)))
    const first = seen.find((entry) => entry.event === 'accounts:changed')
    expect(first!.at - before).toBeLessThan(2_000)
  })

  it('the desktop shell starts the watcher alone (its poller runs behind its own gate); starting twice watches once', async () => {
    const a = open()
    const b = open()
    const seen: Seen[] = []
    a.onEvent(record(seen))
    a.startUpkeep()
    a.startUpkeep()
    const id = await addManual(b, 'Desk')
    await until(() => seen.some((entry) => entry.event === 'accounts:changed'))
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(seen.filter((entry) => entry.event === 'accounts:changed').map((entry) => entry.payload)).toEqual([{ ids: [id] }])
  })
})
