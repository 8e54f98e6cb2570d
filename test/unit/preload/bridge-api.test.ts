import { describe, expect, it } from 'vitest'
import { createBridgeApi, type InvokeFn, type SubscribeFn } from '../../../src/preload/bridge-api'
import type { CallName } from '../../../src/shared/contract'

/** An ipcRenderer stand-in: records invokes, answers with scripted Wire replies, keeps listeners. */
function fakeIpc(reply: (name: string, request: unknown) => unknown = () => ({ ok: true, value: 'done' })) {
  const invoked: [string, unknown][] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const invoke: InvokeFn = async (name, request) => {
    invoked.push([name, request])
    return reply(name, request)
  }
  const subscribe: SubscribeFn = (event, listener) => {
    const set = listeners.get(event) ?? new Set()
    set.add(listener)
    listeners.set(event, set)
    return () => set.delete(listener)
  }
  const emit = (event: string, payload: unknown): void => listeners.get(event)?.forEach((listener) => listener(payload))
  return { invoked, listeners, invoke, subscribe, emit }
}

describe('createBridgeApi', () => {
  it('exposes only invoke and on', () => {
    const ipc = fakeIpc()
    expect(Object.keys(createBridgeApi(ipc.invoke, ipc.subscribe)).sort()).toEqual(['invoke', 'on'])
  })

  it('passes declared calls through and resolves with the Wire envelope', async () => {
    const ipc = fakeIpc(() => ({ ok: true, value: [] }))
    const api = createBridgeApi(ipc.invoke, ipc.subscribe)
    await expect(api.invoke('accounts:list', {})).resolves.toEqual({ ok: true, value: [] })
    expect(ipc.invoked).toEqual([['accounts:list', {}]])
  })

  it.each(['accounts:dump-keys', '__proto__', 'constructor', 'toString', ''])(
    'rejects the undeclared call %j before anything reaches IPC',
    async (name) => {
      const ipc = fakeIpc()
      const api = createBridgeApi(ipc.invoke, ipc.subscribe)
      await expect(api.invoke(name as CallName, {} as never)).resolves.toMatchObject({ ok: false, code: 'unknown_call' })
      expect(ipc.invoked).toEqual([])
    }
  )

  it('hands a failed Wire over as a plain object, so its code survives contextBridge', async () => {
    const wire = { ok: false, code: 'not_found', message: 'No account acc_0000000000. Run accounts list.' }
    const ipc = fakeIpc(() => wire)
    const api = createBridgeApi(ipc.invoke, ipc.subscribe)
    const reply = await api.invoke('accounts:remove', { id: 'acc_0000000000' })
    expect(reply).toEqual(wire)
    expect(Object.getPrototypeOf(reply)).toBe(Object.prototype)
  })

  it.each([undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: true }])('treats the unreadable reply %j as internal', async (reply) => {
    const ipc = fakeIpc(() => reply)
    const api = createBridgeApi(ipc.invoke, ipc.subscribe)
    await expect(api.invoke('app:info', {})).resolves.toMatchObject({ ok: false, code: 'internal' })
  })

  it('delivers declared events and unsubscribes', () => {
    const ipc = fakeIpc()
    const api = createBridgeApi(ipc.invoke, ipc.subscribe)
    const seen: unknown[] = []
    const off = api.on('accounts:changed', (payload) => seen.push(payload))
    ipc.emit('accounts:changed', { ids: ['acc_0000000001'] })
    off()
    ipc.emit('accounts:changed', { ids: ['acc_0000000002'] })
    expect(seen).toEqual([{ ids: ['acc_0000000001'] }])
    expect(ipc.listeners.get('accounts:changed')?.size).toBe(0)
  })

  it('refuses undeclared events and non-function listeners', () => {
    const ipc = fakeIpc()
    const api = createBridgeApi(ipc.invoke, ipc.subscribe)
    expect(() => api.on('electron-store-get-data' as never, () => undefined)).toThrow(/Unknown event/)
    expect(() => api.on('accounts:changed', 'nope' as never)).toThrow(/listener/)
    expect(ipc.listeners.size).toBe(0)
  })
})
