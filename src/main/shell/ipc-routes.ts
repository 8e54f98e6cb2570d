import type { EventName, EventPayload, Handlers } from '../../shared/contract'
import { callNames, eventNames } from '../../shared/contract/names'
import type { Wire } from '../../shared/errors'
import { dispatchCall } from '../core/dispatch'
import { isTrustedSender, type AppOrigin } from './app-origin'

/** The part of an invoke event the router looks at (Electron's `IpcMainInvokeEvent` fits). */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null
}

/** An `ipcMain`-like registry. Injected so tests can drive the routes without Electron. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: SenderEvent, request?: unknown) => Promise<Wire<unknown>>): void
  removeHandler(channel: string): void
}

/** What {@link registerCallRoutes} needs. */
export interface CallRoutesDeps {
  handlers: Handlers
  app: AppOrigin
  /** Told about every refused call (defaults to a console warning). */
  onRefused?: (name: string, frameUrl: string | null) => void
}

const forbidden: Wire<never> = {
  ok: false,
  code: 'forbidden',
  message: 'This call came from a page that is not Coffer, so it was refused.'
}

/**
 * Registers one invoke handler per contract call (channel = call name, e.g. `accounts:list`).
 * Each one (a) refuses a sender that is not the app's top-level page (checklist item 17),
 * (b) validates the request and runs core through {@link dispatchCall}, (c) returns the
 * {@link Wire} envelope, so errors keep their code and message across IPC.
 * Returns a function that removes every handler again.
 */
export function registerCallRoutes(registry: InvokeRegistry, deps: CallRoutesDeps): () => void {
  const onRefused =
    deps.onRefused ??
    ((name: string, frameUrl: string | null) =>
      console.warn(`Coffer: refused "${name}" from an untrusted frame (${frameUrl ?? 'no frame'}).`))
  for (const name of callNames) {
    registry.handle(name, async (event, request) => {
      const frame = event.senderFrame
      // Only the top-level frame of our own page: no frames, no foreign documents, no dead frames.
      if (!frame || frame.parent !== null || !isTrustedSender(frame.url, deps.app)) {
        onRefused(name, frame?.url ?? null)
        return forbidden
      }
      return dispatchCall(deps.handlers, name, request)
    })
  }
  return () => {
    for (const name of callNames) registry.removeHandler(name)
  }
}

/** A window's webContents as far as event forwarding is concerned. */
export interface EventSink {
  send(channel: string, payload: unknown): void
  isDestroyed(): boolean
}

/** Subscribes to core events; the same shape as `Core.onEvent`. */
export type SubscribeToCore = (
  listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void
) => () => void

/**
 * Forwards core's push events to the open window (if any), on a channel named after the event.
 * Only the contract's declared events cross; a destroyed or missing window is skipped, since the
 * window is created lazily and destroyed on close. Returns the unsubscribe function.
 */
export function forwardCoreEvents(subscribe: SubscribeToCore, sink: () => EventSink | null): () => void {
  const declared = new Set<string>(eventNames)
  return subscribe((event, payload) => {
    if (!declared.has(event)) return
    const target = sink()
    if (target && !target.isDestroyed()) target.send(event, payload)
  })
}
