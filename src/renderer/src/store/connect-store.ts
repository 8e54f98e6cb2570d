import type { CofferApi } from '../../../shared/contract'
import { useStore } from './index'

/**
 * Feeds the bridge's push events into the store and loads the first data. `poll:progress` drives
 * the per-card spinners and "Refresh all" progress; `accounts:changed` re-reads the list.
 *
 * @returns a function that unsubscribes.
 */
export function connectStore(bridge: CofferApi): () => void {
  const offChanged = bridge.on('accounts:changed', () => {
    void useStore.getState().loadAccounts()
    // A poll moves spend: budget bars re-read too (alert changes have their own event).
    void useStore.getState().loadAlerts()
  })
  const offProgress = bridge.on('poll:progress', (payload) => useStore.getState().handlePollProgress(payload))
  // Each page of a long history read (a first poll's 90-day backfill): the card says how far it is.
  const offStep = bridge.on('poll:step', (payload) => useStore.getState().handlePollStep(payload))
  // Alerts: `alerts:fired` also drives the in-app banner (the fallback for native notifications).
  const offAlerts = bridge.on('alerts:changed', () => void useStore.getState().loadAlerts())
  const offFired = bridge.on('alerts:fired', () => void useStore.getState().loadAlerts())
  const state = useStore.getState()
  void state.loadPreferences()
  void state.loadAccounts()
  void state.loadAlerts()
  return () => {
    offChanged()
    offProgress()
    offStep()
    offAlerts()
    offFired()
  }
}
