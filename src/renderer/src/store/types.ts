import type { StateCreator } from 'zustand'
import type { AccountsSlice } from './accounts-slice'
import type { AlertsSlice } from './alerts-slice'
import type { RawResponsesSlice } from './raw-responses-slice'
import type { PlansSlice } from './plans-slice'
import type { SettingsSlice } from './settings-slice'
import type { UiSlice } from './ui-slice'

/** The whole renderer state: every slice merged. Add a slice here and in ./index.ts. */
export type StoreState = AccountsSlice & UiSlice & AlertsSlice & RawResponsesSlice & PlansSlice & SettingsSlice

/** A slice creator that can read and call the other slices. */
export type SliceCreator<Slice> = StateCreator<StoreState, [], [], Slice>
