import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../../src/main/core/app'
import { MemoryPreferencesStore } from '../../../../src/main/core/preferences/preferences-store'
import { MemorySecretStore } from '../../../../src/main/core/secrets/memory-secret-store'
import { resolveAppOrigin } from '../../../../src/main/shell/app-origin'
import {
  forwardCoreEvents,
  registerCallRoutes,
  type InvokeRegistry,
  type SenderEvent
} from '../../../../src/main/shell/ipc-routes'
import { calls, type Handlers } from '../../../../src/shared/contract'
import { callNames, eventNames } from '../../../../src/shared/contract/names'
import type { Wire } from '../../../../src/shared/errors'
import { useTempDir } from '../../../helpers/temp-dir'

const indexHtmlPath = '/opt/Coffer/out/renderer/index.html'
const app = resolveAppOrigin({ devServerUrl: undefined, isPackaged: true, indexHtmlPath })
const appUrl = pathToFileURL(indexHtmlPath).href

type Listener = (event: SenderEvent, request?: unknown) => Promise<Wire<unknown>>

/** An ipcMain stand-in that records handlers and refuses duplicates, as Electron does. */
class FakeRegistry implements InvokeRegistry {
  readonly handlers = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  invoke(channel: string, event: SenderEvent, request?: unknown): Promise<Wire<unknown>> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return listener(event, request)
  }
}

/** Handlers that only count calls: proves a refused call never reaches core. */
function countingHandlers(): { handlers: Handlers; called: string[] } {
  const called: string[] = []
  const handlers = new Proxy({} as Handlers, {
    get: (_target, name) => async () => {
      called.push(String(name))
      return {}
    }
  })
  return { handlers, called }
}

const topFrame = (url: string | null): SenderEvent => ({ senderFrame: url === null ? null : { url, parent: null } })

describe('registerCallRoutes', () => {
  it('registers exactly one handler per contract call, channel = call name', () => {
    const registry = new FakeRegistry()
    registerCallRoutes(registry, { handlers: countingHandlers().handlers, app, onRefused: () => undefined })
    expect([...registry.handlers.keys()].sort()).toEqual(Object.keys(calls).sort())
    expect([...registry.handlers.keys()].sort()).toEqual([...callNames].sort())
  })

  const foreign: [string, SenderEvent][] = [
    ['no frame', topFrame(null)],
    ['another origin', topFrame('https://evil.example/')],
    ['another local file', topFrame('file:///tmp/evil.html')],
    ['a look-alike path', topFrame(`${appUrl}.evil/x.html`)],
    ['the app page inside a sub-frame', { senderFrame: { url: appUrl, parent: {} } }]
  ]

  it.each(foreign)('refuses every call from %s with forbidden, without calling core', async (_name, event) => {
    const registry = new FakeRegistry()
    const { handlers, called } = countingHandlers()
    const refused: string[] = []
    registerCallRoutes(registry, { handlers, app, onRefused: (name) => refused.push(name) })
    for (const name of callNames) {
      const reply = await registry.invoke(name, event, {})
      expect(reply).toMatchObject({ ok: false, code: 'forbidden' })
    }
    expect(called).toEqual([])
    expect(refused).toEqual([...callNames])
  })

  it('validates requests before core sees them (bad_request, core not called)', async () => {
    const registry = new FakeRegistry()
    const { handlers, called } = countingHandlers()
    registerCallRoutes(registry, { handlers, app })
    const reply = await registry.invoke('accounts:remove', topFrame(appUrl), { id: 'not-an-id' })
    expect(reply).toMatchObject({ ok: false, code: 'bad_request' })
    const extra = await registry.invoke('accounts:list', topFrame(appUrl), { sneaky: true })
    expect(extra).toMatchObject({ ok: false, code: 'bad_request' })
    expect(called).toEqual([])
  })

  it('removes its handlers again', () => {
    const registry = new FakeRegistry()
    const unregister = registerCallRoutes(registry, { handlers: countingHandlers().handlers, app })
    unregister()
    expect(registry.handlers.size).toBe(0)
  })

  describe('with a real core', () => {
    const dir = useTempDir()
    let core: Core | null = null
    afterEach(() => core?.close())

    it('runs trusted calls through core and returns the Wire envelope', async () => {
      core = createCore({ runtime: 'test', dataDir: dir(), secrets: new MemorySecretStore(), preferences: new MemoryPreferencesStore() })
      const registry = new FakeRegistry()
      registerCallRoutes(registry, { handlers: core.handlers, app })
      expect(await registry.invoke('accounts:list', topFrame(`${appUrl}#/`), {})).toEqual({ ok: true, value: [] })
      const info = await registry.invoke('app:info', topFrame(appUrl), undefined)
      expect(info).toMatchObject({ ok: true, value: { runtime: 'test', dataDir: dir() } })
      const missing = await registry.invoke('accounts:remove', topFrame(appUrl), { id: 'acc_0000000000' })
      expect(missing).toMatchObject({ ok: false, code: 'not_found' })
      const link = await registry.invoke('links:open', topFrame(appUrl), { url: 'https://evil.example/' })
      expect(link).toEqual({ ok: true, value: { opened: false, reason: expect.any(String) } })
    })
  })
})

describe('forwardCoreEvents', () => {
  type Emit = (event: string, payload: unknown) => void
  function fakeCore() {
    const listeners = new Set<Emit>()
    const subscribe = (listener: Emit) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
    return { subscribe, emit: (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload)), listeners }
  }

  it('sends declared events to the open window and skips a missing or destroyed one', () => {
    const core = fakeCore()
    const sent: [string, unknown][] = []
    let window: { send: (c: string, p: unknown) => void; isDestroyed: () => boolean } | null = null
    const unsubscribe = forwardCoreEvents(core.subscribe as never, () => window)
    core.emit('accounts:changed', { ids: [] }) // no window yet: dropped, no throw
    window = { send: (channel, payload) => sent.push([channel, payload]), isDestroyed: () => false }
    for (const name of eventNames) core.emit(name, { n: name })
    core.emit('secrets:leak', { key: 'sk-nope' }) // not in the contract: never forwarded
    window = { send: () => sent.push(['destroyed', null]), isDestroyed: () => true }
    core.emit('accounts:changed', { ids: [] })
    expect(sent).toEqual(eventNames.map((name) => [name, { n: name }]))
    unsubscribe()
    expect(core.listeners.size).toBe(0)
  })
})
