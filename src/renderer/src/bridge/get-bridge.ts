import type { CofferApi } from '../../../shared/contract'
import { setBridge } from './current-bridge'
import { createHttpBridge } from './http-bridge'
import { createPreloadBridge } from './preload-bridge'
import { takeSessionToken } from './session-token'

/** Which transport the page talks through. */
export type BridgeKind = 'electron' | 'http'

/** The outcome of looking for a bridge when the page starts. */
export type ResolvedBridge = { kind: BridgeKind; api: CofferApi } | { kind: 'missing-token' }

let resolved: ResolvedBridge | null = null
const expiryListeners = new Set<() => void>()

/**
 * Finds the bridge once: `window.coffer` (exposed by the Electron preload) when present, otherwise
 * the HTTP client of `coffer serve`, which needs the session token from the URL.
 */
export function resolveBridge(): ResolvedBridge {
  if (resolved) return resolved
  if (window.coffer) {
    resolved = { kind: 'electron', api: createPreloadBridge(window.coffer) }
    setBridge(resolved.api)
    return resolved
  }
  const token = takeSessionToken({
    hash: window.location.hash,
    storage: window.sessionStorage,
    clearHash: () => window.history.replaceState(null, '', window.location.pathname + window.location.search)
  })
  resolved = token
    ? {
        kind: 'http',
        api: createHttpBridge({ token, onUnauthorized: () => expiryListeners.forEach((listener) => listener()) })
      }
    : { kind: 'missing-token' }
  if (resolved.kind !== 'missing-token') setBridge(resolved.api)
  return resolved
}

/** `electron` inside the app, `http` under `coffer serve`. */
export function bridgeKind(): BridgeKind | 'missing-token' {
  return resolveBridge().kind
}

/** Calls `listener` when the HTTP server refuses the session token. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener)
  return () => expiryListeners.delete(listener)
}
