import type { CofferApi } from '../../../shared/contract'
import { useStore } from './index'

/**
 * Feeds the bridge's push events into the store and loads the first data. `poll:progress` drives
 * the per-card spinners and "Refresh all" progress; `accounts:changed` re-reads the list.
 *
 * @returns a function that unsubscribes.
 */
export function connectStore(bridge: CofferApi): () => void {
  const offChanged = bridge.on('accounts:changed', () => void useStore.getState().loadAccounts())
  const offProgress = bridge.on('poll:progress', (payload) => useStore.getState().handlePollProgress(payload))
  const state = useStore.getState()
  void state.loadPreferences()
  void state.loadAccounts()
  return () => {
    offChanged()
    offProgress()
  }
}
