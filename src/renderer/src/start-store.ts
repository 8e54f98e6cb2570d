import { getBridge, onSessionExpired } from './bridge'
import { connectStore } from './store/connect-store'
import { useStore } from './store'

let started = false

/**
 * Connects the store to the page's bridge, once per page and outside React, so StrictMode's
 * double effects cannot subscribe twice. Call after `resolveBridge()` found a bridge.
 */
export function startStore(): void {
  if (started) return
  started = true
  onSessionExpired(() => useStore.getState().markSessionExpired())
  connectStore(getBridge())
  // Back / forward, a typed address or an `#/accounts/…` link: the page follows the address.
  window.addEventListener('hashchange', () => useStore.getState().followAddress())
  window.addEventListener('popstate', () => useStore.getState().followAddress())
}
