import type { RawResponse } from '../../../shared/contract/raw-response-calls'
import { errorMessage } from '../bridge/bridge-error'
import { getBridge } from '../bridge/current-bridge'
import type { SliceCreator } from './types'

/** One account's "What the provider said" view. */
export interface RawResponsesState {
  loading: boolean
  error: string | null
  items: RawResponse[]
}

/** Recent raw provider answers per account (loaded on demand, never containing a key). */
export interface RawResponsesSlice {
  rawResponses: Record<string, RawResponsesState>
  /** Loads (or reloads) an account's recent captures; errors land in the entry's `error`. */
  loadRawResponses(accountId: string): Promise<void>
}

export const createRawResponsesSlice: SliceCreator<RawResponsesSlice> = (set, get) => {
  const put = (accountId: string, patch: Partial<RawResponsesState>): void => {
    const current = get().rawResponses[accountId] ?? { loading: false, error: null, items: [] }
    set({ rawResponses: { ...get().rawResponses, [accountId]: { ...current, ...patch } } })
  }
  return {
    rawResponses: {},
    loadRawResponses: async (accountId) => {
      put(accountId, { loading: true, error: null })
      try {
        const items = await getBridge().invoke('accounts:raw-responses', { id: accountId, limit: 20 })
        put(accountId, { loading: false, items })
      } catch (error) {
        put(accountId, { loading: false, error: errorMessage(error) })
      }
    }
  }
}
