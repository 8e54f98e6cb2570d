import type { CallName, EventName, PreloadApi } from '../shared/contract'
import { callNames, eventNames } from '../shared/contract/names'
import type { ErrorCode, Wire } from '../shared/errors'

/** Sends one call to main and resolves with its {@link Wire} envelope (`ipcRenderer.invoke`). */
export type InvokeFn = (name: CallName, request: unknown) => Promise<unknown>

/**
 * Listens to one event channel; `listener` receives the payload only. Returns the unsubscribe
 * function. (The preload wraps `ipcRenderer.on` so the IPC event object, which carries
 * `ipcRenderer` itself, never reaches the page.)
 */
export type SubscribeFn = (event: EventName, listener: (payload: unknown) => void) => () => void

const knownCalls: ReadonlySet<string> = new Set(callNames)
const knownEvents: ReadonlySet<string> = new Set(eventNames)

/**
 * Builds `window.coffer` from the contract's names (no zod here: the preload stays tiny).
 * `invoke` refuses names the contract does not declare before anything reaches IPC and resolves
 * with the {@link Wire} envelope — a plain object, which crosses contextBridge whole, where a
 * thrown Error would lose its `code`. `on` only accepts declared events.
 */
export function createBridgeApi(invoke: InvokeFn, subscribe: SubscribeFn): PreloadApi {
  const api = {
    async invoke(name, request) {
      if (typeof name !== 'string' || !knownCalls.has(name)) {
        return failure('unknown_call', `Unknown call "${String(name)}".`)
      }
      const reply = await invoke(name, request)
      if (!isWire(reply)) return failure('internal', 'Coffer’s main process sent an unreadable reply. Restart Coffer.')
      // The value's shape was checked against the contract by main's handler types and schemas.
      return reply as never
    },
    on(event, listener) {
      if (typeof event !== 'string' || !knownEvents.has(event)) throw new Error(`Unknown event "${String(event)}".`)
      if (typeof listener !== 'function') throw new Error('on() needs a listener function.')
      return subscribe(event, (payload) => listener(payload as never))
    }
  } satisfies PreloadApi
  return api
}

function failure(code: ErrorCode, message: string): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code, message }
}

function isWire(value: unknown): value is Wire<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return 'value' in value
  return value.ok === false && 'code' in value && typeof value.code === 'string' && 'message' in value
}
