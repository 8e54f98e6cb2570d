import type { CallName, CofferApi, EventName, EventPayload, Events, Req, Res } from '../../../shared/contract'
import { eventNames } from '../../../shared/contract/names'
import { errorCodes, type ErrorCode } from '../../../shared/errors'
import { HTTP_CALL_PREFIX } from '../../../shared/http-protocol'
import { BridgeError } from './bridge-error'
import { startEventStream } from './event-stream'
import type { SseMessage } from './sse-parser'

/** Options of {@link createHttpBridge}. */
export interface HttpBridgeOptions {
  token: string
  /** `''` in the page (same origin); an absolute origin such as `http://127.0.0.1:4000` in tests. */
  baseUrl?: string
  fetch?: typeof fetch
  /** Called once the server refuses the token (it restarted, or the token was mistyped). */
  onUnauthorized?(): void
  /** Backoff of the event stream's reconnects. */
  reconnect?: { initialDelayMs: number; maxDelayMs: number }
}

const SESSION_EXPIRED =
  'This page’s session is no longer valid. Open the address that `coffer serve` printed in your terminal (it carries a fresh token).'
const UNREACHABLE =
  'Cannot reach Coffer. Is `coffer serve` still running? Start it again and open the address it prints.'

type Listener = (payload: unknown) => void

/**
 * The bridge over HTTP, for pages served by `coffer serve` (see src/shared/http-protocol.ts).
 * `invoke` POSTs to `/api/call/<name>` and unwraps the `Wire` envelope; `on` shares one event
 * stream between all listeners, opened with the first and closed with the last.
 */
export function createHttpBridge(options: HttpBridgeOptions): CofferApi {
  const baseUrl = options.baseUrl ?? ''
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const listeners = new Map<string, Set<Listener>>()
  let stopStream: (() => void) | null = null
  let expired = false
  const unauthorized = (): void => {
    if (!expired) options.onUnauthorized?.()
    expired = true
  }

  const dispatch = (event: string, payload: unknown): void => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
  }
  // The event schemas (zod and the whole contract) load with the first event, not before the first
  // paint (issue 10.5); events wait for them in a queue, so they still arrive in order.
  let schemas: Promise<Events> | null = null
  let queue: Promise<void> = Promise.resolve()
  const onMessage = ({ event, data }: SseMessage): void => {
    if (!(eventNames as readonly string[]).includes(event)) return
    let json: unknown
    try {
      json = JSON.parse(data)
    } catch {
      return
    }
    schemas ??= import('../../../shared/contract').then((contract) => contract.events)
    const loading = schemas
    queue = queue.then(async () => {
      const parsed = (await loading)[event as EventName].safeParse(json)
      if (parsed.success) dispatch(event, parsed.data)
    })
  }

  return {
    async invoke<N extends CallName>(name: N, request: Req<N>): Promise<Res<N>> {
      let response: Response
      try {
        response = await fetchImpl(`${baseUrl}${HTTP_CALL_PREFIX}${name}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
          cache: 'no-store'
        })
      } catch {
        throw new BridgeError('network', UNREACHABLE)
      }
      if (response.status === 401) {
        unauthorized()
        throw new BridgeError('unauthorized', SESSION_EXPIRED)
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        throw new BridgeError('internal', `Coffer answered “${name}” with HTTP ${response.status} and no result. Try again.`)
      }
      if (response.status === 404 && !isWire(body)) {
        throw new BridgeError('unknown_call', `This Coffer server does not know “${name}”. Update Coffer and reload.`)
      }
      return unwrapWire(body) as Res<N>
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      const entry: Listener = (payload) => listener(payload as EventPayload<E>)
      set.add(entry)
      stopStream ??= startEventStream({
        baseUrl,
        token: options.token,
        fetch: fetchImpl,
        onMessage,
        // Events sent while disconnected are lost: tell listeners to re-read everything.
        onReconnect: () => dispatch('accounts:changed', { ids: [] }),
        onUnauthorized: unauthorized,
        ...options.reconnect
      })
      return () => {
        set.delete(entry)
        if ([...listeners.values()].every((s) => s.size === 0)) {
          stopStream?.()
          stopStream = null
        }
      }
    }
  }
}

function isWire(body: unknown): body is { ok: boolean } {
  return typeof body === 'object' && body !== null && 'ok' in body && typeof body.ok === 'boolean'
}

/**
 * Unwraps a `Wire<T>` envelope: returns `value` when `ok`, throws a {@link BridgeError} carrying the
 * server's code and message otherwise.
 */
export function unwrapWire(body: unknown): unknown {
  if (!isWire(body)) throw new BridgeError('internal', 'Coffer sent an answer this page does not understand. Reload the page.')
  if (body.ok) return 'value' in body ? body.value : undefined
  const failure = body as { code?: unknown; message?: unknown }
  const code: ErrorCode = errorCodes.includes(failure.code as ErrorCode) ? (failure.code as ErrorCode) : 'internal'
  const message = typeof failure.message === 'string' && failure.message ? failure.message : 'The request failed.'
  throw new BridgeError(code, message)
}
