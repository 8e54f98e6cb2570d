import { create } from 'zustand'
import { createAccountsSlice } from './accounts-slice'
import { createAlertsSlice } from './alerts-slice'
import { createRawResponsesSlice } from './raw-responses-slice'
import { createPlansSlice } from './plans-slice'
import { createSettingsSlice } from './settings-slice'
import type { StoreState } from './types'
import { createUiSlice } from './ui-slice'

/** The renderer's one store, composed of slices (one file each). */
export const useStore = create<StoreState>()((...args) => ({
  ...createAccountsSlice(...args),
  ...createRawResponsesSlice(...args),
  ...createUiSlice(...args),
  ...createAlertsSlice(...args),
  ...createPlansSlice(...args),
  ...createSettingsSlice(...args)
}))

export type { StoreState } from './types'
export type { AccountsSlice, RefreshProgress, TestReport } from './accounts-slice'
export type { RawResponsesSlice, RawResponsesState } from './raw-responses-slice'
export type { Theme, Toast, UiSlice } from './ui-slice'
export type { AlertSettings, AlertsSlice, ProviderLimit } from './alerts-slice'
export type { PlansSlice } from './plans-slice'
export type { SettingsSlice } from './settings-slice'
