import type { SnoozeChoice } from '../../../shared/alerts'
import type { Req } from '../../../shared/contract'
import type { AlertLevel, AlertView, BudgetView, RuleView } from '../../../shared/contract/alerts-calls'
import { snoozeChoiceText } from '../../../shared/alerts'
import { errorMessage } from '../bridge/bridge-error'
import { getBridge } from '../bridge/current-bridge'
import type { SliceCreator } from './types'
import { coalesced } from '../lib/coalesced'

/** A provider-side spend limit Coffer can read (OpenRouter key limit…). */
export interface ProviderLimit {
  accountId: string
  kind: 'key_limit' | 'key_limit_remaining'
  amount: string
  unit: string
}

/** Alert settings as the page edits them. */
export interface AlertSettings {
  quietHours: { enabled: boolean; start: string; end: string }
  autoReload: string[]
}

/** Alerts, their rules, budgets and alert settings. */
export interface AlertsSlice {
  alerts: AlertView[]
  alertLevel: AlertLevel
  alertsLoaded: boolean
  alertsError: string | null
  rules: RuleView[]
  budgets: BudgetView[]
  providerLimits: ProviderLimit[]
  alertSettings: AlertSettings | null
  /** Active alerts the user closed in the banner this session (the alerts stay on the Alerts page). */
  bannerHidden: Record<number, true>
  loadAlerts(): Promise<void>
  /** Rules, budgets and settings (the editors). */
  loadAlertConfig(): Promise<void>
  snoozeAlert(id: number, snooze: SnoozeChoice): Promise<void>
  dismissAlert(id: number): Promise<void>
  hideBanner(ids: number[]): void
  /** Saves a rule; throws the server's error for the form. */
  saveRule(rule: Req<'rules:set'>): Promise<void>
  removeRule(id: number): Promise<void>
  /** Saves a budget; throws the server's error for the form. */
  saveBudget(budget: Req<'budgets:set'>): Promise<void>
  removeBudget(id: number): Promise<void>
  setAutoReload(accountId: string, autoReload: boolean): Promise<void>
  /** Saves quiet hours; throws the server's error for the form. */
  saveQuietHours(quietHours: AlertSettings['quietHours']): Promise<void>
  /** Sends a test message to a webhook and says how it went (a toast). */
  testWebhook(url: string): Promise<void>
  /** Records a top-up (a credit event) after the user paid on the provider's page. Throws for the form. */
  recordTopUp(accountId: string, amount: string, unit: string | undefined, expiresAt: string | undefined): Promise<void>
}

export const createAlertsSlice: SliceCreator<AlertsSlice> = (set, get) => {
  const readAlerts = async (): Promise<void> => {
    try {
      const [list, budgets] = await Promise.all([
        getBridge().invoke('alerts:list', { limit: 200 }),
        getBridge().invoke('budgets:list', {})
      ])
      set({ alerts: list.alerts, alertLevel: list.level, budgets: budgets.budgets, providerLimits: budgets.providerLimits, alertsLoaded: true, alertsError: null })
    } catch (error) {
      set({ alertsLoaded: true, alertsError: errorMessage(error) })
    }
  }
  const refreshAll = async (): Promise<void> => {
    await Promise.all([get().loadAlerts(), get().loadAlertConfig()])
  }

  return {
    alerts: [],
    alertLevel: 'ok',
    alertsLoaded: false,
    alertsError: null,
    rules: [],
    budgets: [],
    providerLimits: [],
    alertSettings: null,
    bannerHidden: {},

    // Coalesced like accounts: a poll of ten accounts emits ten `alerts:changed` events.
    loadAlerts: coalesced(readAlerts),

    loadAlertConfig: async () => {
      try {
        const [rules, settings] = await Promise.all([getBridge().invoke('rules:list', {}), getBridge().invoke('alerts:settings', {})])
        set({ rules, alertSettings: settings })
      } catch (error) {
        get().notify('error', `Could not read alert rules: ${errorMessage(error)}`)
      }
    },

    snoozeAlert: async (id, snooze) => {
      try {
        await getBridge().invoke('alerts:snooze', { id, snooze })
        get().notify('success', `Snoozed ${snoozeChoiceText[snooze]}.`)
      } catch (error) {
        get().notify('error', `Could not snooze: ${errorMessage(error)}`)
      }
      await get().loadAlerts()
    },

    dismissAlert: async (id) => {
      try {
        await getBridge().invoke('alerts:dismiss', { id })
      } catch (error) {
        get().notify('error', `Could not dismiss: ${errorMessage(error)}`)
      }
      await get().loadAlerts()
    },

    hideBanner: (ids) =>
      set((state) => {
        const bannerHidden = { ...state.bannerHidden }
        for (const id of ids) bannerHidden[id] = true
        return { bannerHidden }
      }),

    saveRule: async (rule) => {
      await getBridge().invoke('rules:set', rule)
      await refreshAll()
    },

    removeRule: async (id) => {
      try {
        await getBridge().invoke('rules:remove', { id })
      } catch (error) {
        get().notify('error', `Could not remove the rule: ${errorMessage(error)}`)
      }
      await refreshAll()
    },

    saveBudget: async (budget) => {
      await getBridge().invoke('budgets:set', budget)
      await refreshAll()
    },

    removeBudget: async (id) => {
      try {
        await getBridge().invoke('budgets:remove', { id })
      } catch (error) {
        get().notify('error', `Could not remove the spend limit: ${errorMessage(error)}`)
      }
      await refreshAll()
    },

    setAutoReload: async (accountId, autoReload) => {
      try {
        await getBridge().invoke('alerts:set-auto-reload', { accountId, autoReload })
      } catch (error) {
        get().notify('error', `Could not save: ${errorMessage(error)}`)
      }
      await refreshAll()
    },

    saveQuietHours: async (quietHours) => {
      const settings = await getBridge().invoke('alerts:update-settings', { quietHours })
      set({ alertSettings: settings })
    },

    testWebhook: async (url) => {
      try {
        const result = await getBridge().invoke('alerts:test-webhook', { url })
        if (result.ok) get().notify('success', 'Test message sent: check your phone or channel.')
        else get().notify('error', `The webhook did not take it: ${result.error}`)
      } catch (error) {
        get().notify('error', errorMessage(error))
      }
    },

    recordTopUp: async (accountId, amount, unit, expiresAt) => {
      await getBridge().invoke('credits:record', { accountId, kind: 'topup', amount, unit, expiresAt, note: 'Recorded after opening the top-up page' })
      get().notify('success', 'Top-up recorded. Checking the balance…')
      // The provider's own figure settles the alert: poll now rather than at the next interval.
      await get().pollAccounts([accountId])
      await get().loadAlerts()
    }
  }
}
