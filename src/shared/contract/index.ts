import type { z } from 'zod'
import type { Wire } from '../errors'
import { accountCalls } from './account-calls'
import { alertsCalls } from './alerts-calls'
import { appCalls } from './app-calls'
import { events } from './events'
import { plansCalls } from './plans-calls'
import { ledgerCalls } from './ledger-calls'
import { rawResponseCalls } from './raw-response-calls'
import { subscriptionsCalls } from './subscriptions-calls'

/**
 * The bridge contract: every call the renderer may make and every event main may push.
 * Core implements {@link Handlers}; the preload, the IPC router and `coffer serve` are derived
 * from these tables. Adding a domain = a `*-calls.ts` table spread in here.
 */
export const calls = {
  ...appCalls,
  ...plansCalls,
  ...accountCalls,
  ...alertsCalls,
  ...ledgerCalls,
  ...rawResponseCalls,
  ...subscriptionsCalls
}

export { events }

export type Calls = typeof calls
export type CallName = keyof Calls
export type Req<N extends CallName> = z.input<Calls[N]['request']>
export type ParsedReq<N extends CallName> = z.output<Calls[N]['request']>
export type Res<N extends CallName> = z.output<Calls[N]['response']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

/** What core must implement: a missing or misspelled call does not compile. */
export type Handlers = { [N in CallName]: (req: ParsedReq<N>) => Promise<Res<N>> }

/** Emits a push event to whichever transport is attached. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** The renderer's view of the bridge (`window.coffer` in Electron, HTTP under `coffer serve`). */
export interface CofferApi {
  invoke<N extends CallName>(name: N, request: Req<N>): Promise<Res<N>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/**
 * What the Electron preload exposes as `window.coffer`. It resolves with the {@link Wire} envelope
 * instead of throwing, because contextBridge keeps only the message of a thrown Error (its `code`
 * would be lost); the page unwraps it into a {@link CofferApi}.
 */
export interface PreloadApi {
  invoke<N extends CallName>(name: N, request: Req<N>): Promise<Wire<Res<N>>>
  on: CofferApi['on']
}

export * from './schemas'
