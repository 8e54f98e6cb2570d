import { getBridge, onSessionExpired } from '../bridge'
import { useStore } from './index'

let started = false

/**
 * Subscribes to the bridge's push events and loads the first data. Runs once per page, outside
 * React, so StrictMode's double effects cannot subscribe twice.
 */
export function startStore(): void {
  if (started) return
  started = true
  const bridge = getBridge()
  const store = useStore.getState()
  onSessionExpired(() => useStore.getState().markSessionExpired())
  bridge.on('accounts:changed', () => void useStore.getState().loadAccounts())
  bridge.on('poll:progress', (payload) => useStore.getState().handlePollProgress(payload))
  void store.loadPreferences()
  void store.loadAccounts()
}
