import type { AppInfo, Preferences } from '../../../shared/contract'
import { errorMessage } from '../bridge/bridge-error'
import { getBridge } from '../bridge/current-bridge'
import type { SliceCreator } from './types'

/** What the Settings page reads besides the preferences (kept in the ui slice): runtime facts. */
export interface SettingsSlice {
  /** Version, runtime, data folder and keychain state; null until loaded. */
  appInfo: AppInfo | null
  /** Why the Settings page could not load (preferences or app info), or null. */
  settingsError: string | null
  /** Reads the preferences and the app info again (the keychain may have been unlocked since). */
  loadSettings(): Promise<void>
  /**
   * Saves some preferences and keeps the store in step (the header's theme select included).
   * Throws the server's error, so the form can show it next to the field.
   */
  savePreferences(changes: Partial<Preferences>): Promise<Preferences>
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  appInfo: null,
  settingsError: null,

  loadSettings: async () => {
    try {
      const bridge = getBridge()
      const [preferences, appInfo] = await Promise.all([bridge.invoke('preferences:get', {}), bridge.invoke('app:info', {})])
      set({ preferences, theme: preferences.theme, appInfo, settingsError: null })
    } catch (error) {
      set({ settingsError: errorMessage(error) })
    }
  },

  savePreferences: async (changes) => {
    const preferences = await getBridge().invoke('preferences:set', changes)
    set({ preferences, theme: preferences.theme })
    return preferences
  }
})
