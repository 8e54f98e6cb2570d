import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/core/app'
import { startWebServer, type RunningWebServer } from '../../../src/main/web/web-server'
import { setBridge } from '../../../src/renderer/src/bridge/current-bridge'
import { createHttpBridge } from '../../../src/renderer/src/bridge/http-bridge'
import { useStore, type StoreState } from '../../../src/renderer/src/store'
import { connectStore } from '../../../src/renderer/src/store/connect-store'
import { makeTempDir, removeTempDir } from '../../helpers/temp-dir'
import { callOk, createTestCore } from '../../helpers/test-core'
import { ProviderSimulator, type SimRequest } from '../../simulator/provider-simulator'
import { deepseekBalance } from '../../simulator/shapes/deepseek'

/**
 * The renderer's store driven through the real HTTP bridge against `coffer serve`'s server and a
 * real core, with providers played by the simulator: what the Overview page shows after each action.
 */
const GOOD_KEY = 'sk-good-1234567890'
const BAD_KEY = 'sk-bad-1234567890'

let dir: string
let core: Core
let server: RunningWebServer
let simulator: ProviderSimulator
let disconnect: () => void = () => {}

/** DeepSeek answers the good key with a balance (after `delayMs`) and rejects anything else. */
function deepseek(delayMs = 0) {
  simulator.route('GET', '/user/balance', (req: SimRequest) =>
    req.headers.authorization === `Bearer ${GOOD_KEY}`
      ? { ...deepseekBalance([{ currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' }]), delayMs }
      : { status: 401, body: { error: { message: 'Authentication Fails (no such user)' } } }
  )
}

function draft(label: string) {
  return { provider: 'deepseek' as const, label, baseUrl: simulator.baseUrl, options: {} }
}

function connect(token = server.token): void {
  useStore.setState(useStore.getInitialState(), true)
  const bridge = createHttpBridge({
    token,
    baseUrl: server.origin,
    onUnauthorized: () => useStore.getState().markSessionExpired()
  })
  setBridge(bridge)
  disconnect = connectStore(bridge)
}

const state = (): StoreState => useStore.getState()
const account = (label: string) => state().accounts.find((a) => a.label === label)

beforeEach(async () => {
  dir = await makeTempDir('coffer-renderer-store-')
  simulator = await ProviderSimulator.start()
  core = createTestCore(dir)
  server = await startWebServer({ core, rendererDir: dir, port: 0 })
})

afterEach(async () => {
  disconnect()
  setBridge(null)
  await server.close()
  core.close()
  await simulator.close()
  await removeTempDir(dir)
})

describe('renderer store over coffer serve', () => {
  it('adds an account, shows it polling (from poll:progress events), then its balance; the key never enters the store', async () => {
    deepseek(300)
    connect()
    await expect.poll(() => state().accountsLoaded).toBe(true)
    expect(state().accounts).toEqual([])
    const pollingSeen = new Set<string>()
    const unsubscribe = useStore.subscribe((s) => Object.keys(s.polling).forEach((id) => pollingSeen.add(id)))

    const added = await state().addAccount(draft('Personal'), GOOD_KEY)
    expect(account('Personal')?.id).toBe(added.id)
    await expect.poll(() => account('Personal')?.status, { timeout: 5000 }).toBe('ok')
    await expect.poll(() => state().polling).toEqual({})
    unsubscribe()

    expect(pollingSeen).toEqual(new Set([added.id]))
    expect(account('Personal')?.balances[0]).toMatchObject({ unit: 'CNY', kind: 'total', source: 'official' })
    expect(Number(account('Personal')?.balances[0]?.amount)).toBe(110)
    expect(state().toasts.map((t) => t.message)).toContain('Added Personal. Checking its balance…')
    expect(JSON.stringify(state())).not.toContain(GOOD_KEY)
  })

  it('shows a poll started elsewhere (scheduler, CLI, another window) from poll:progress, then re-reads the account', async () => {
    deepseek(300)
    const added = await callOk(core, 'accounts:add', { draft: draft('Background'), key: GOOD_KEY })
    connect()
    await expect.poll(() => account('Background')?.status).toBe('never_polled')

    const polled = callOk(core, 'accounts:poll', { ids: [added.id] })
    await expect.poll(() => state().polling[added.id]).toBe(true)
    await polled
    await expect.poll(() => state().polling[added.id]).toBeUndefined()
    await expect.poll(() => account('Background')?.status).toBe('ok')
  })

  it('"Refresh all" counts finished accounts up to the total, then clears its progress', async () => {
    deepseek(200)
    await callOk(core, 'accounts:add', { draft: draft('One'), key: GOOD_KEY })
    await callOk(core, 'accounts:add', { draft: draft('Two'), key: GOOD_KEY })
    connect()
    await expect.poll(() => state().accounts.length).toBe(2)
    const progress: { total: number; done: number }[] = []
    const unsubscribe = useStore.subscribe((s) => {
      if (s.refreshProgress && progress.at(-1) !== s.refreshProgress) progress.push(s.refreshProgress)
    })

    await state().refreshAll()
    unsubscribe()

    expect(state().refreshProgress).toBeNull()
    expect(progress[0]).toEqual({ total: 2, done: 0 })
    expect(progress.every((p, i) => p.total === 2 && p.done >= (progress[i - 1]?.done ?? 0))).toBe(true)
    expect(progress.at(-1)?.done).toBeGreaterThanOrEqual(1)
    expect(state().accounts.map((a) => a.status)).toEqual(['ok', 'ok'])
    expect(state().toasts.map((t) => t.message)).toContain('All 2 accounts are up to date.')
  })

  it('"Test connection" reports a rejected key in words and saves nothing', async () => {
    deepseek()
    connect()
    const report = await state().testAccount(draft('Trial'), BAD_KEY)
    expect(report.status).toBe('auth_failed')
    expect(report.error?.message).toMatch(/key/i)
    expect(await callOk(core, 'accounts:list', {})).toEqual([])
  })

  it('shows a rejected key on the card, and "Replace key" fixes it', async () => {
    deepseek()
    connect()
    await state().addAccount(draft('Work'), BAD_KEY)
    await expect.poll(() => account('Work')?.status, { timeout: 5000 }).toBe('auth_failed')
    expect(account('Work')?.error?.message).toBeTruthy()

    await state().replaceKey(account('Work')?.id ?? '', GOOD_KEY)
    await expect.poll(() => account('Work')?.status, { timeout: 5000 }).toBe('ok')
  })

  it('rejects a duplicate label with the server’s message, and removes an account', async () => {
    deepseek()
    connect()
    const added = await state().addAccount(draft('Work'), GOOD_KEY)
    await expect(state().addAccount(draft('Work'), GOOD_KEY)).rejects.toThrow(/Work/)
    await expect.poll(() => state().polling).toEqual({})

    await state().removeAccount(added.id)
    expect(state().accounts).toEqual([])
    expect(await callOk(core, 'accounts:list', {})).toEqual([])
  })

  it('saves the theme in the preferences', async () => {
    connect()
    await expect.poll(() => state().preferences).not.toBeNull()
    await state().setTheme('dark')
    expect(state().theme).toBe('dark')
    expect((await callOk(core, 'preferences:get', {})).theme).toBe('dark')
  })

  it('marks the session expired when the server refuses the token', async () => {
    connect('not-the-token')
    await expect.poll(() => state().accountsLoaded).toBe(true)
    expect(state().accountsError).toMatch(/coffer serve/)
    expect(state().sessionExpired).toBe(true)
  })
})
