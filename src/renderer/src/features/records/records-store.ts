import { create } from 'zustand'
import type { Res } from '../../../../shared/contract'
import type { RecordKind } from '../../../../shared/contract/ledger-schemas'
import { errorMessage, getBridge } from '../../bridge'

/** The four tabs of the records page (balances are exported from the CLI, not shown as a tab). */
export type RecordsTab = Extract<RecordKind, 'spend' | 'usage' | 'credits' | 'polls'>
export type RangePreset = '7d' | '30d' | '90d' | 'all' | 'custom'

export type RecordsPageData =
  | { tab: 'spend'; page: Res<'records:spend'> }
  | { tab: 'usage'; page: Res<'records:usage'> }
  | { tab: 'credits'; page: Res<'records:credits'> }
  | { tab: 'polls'; page: Res<'records:polls'> }

/** Filters of the records page; the export uses exactly these. */
export interface RecordsFilterState {
  tab: RecordsTab
  preset: RangePreset
  from: string | null
  to: string | null
  accountIds: string[]
  types: string[]
  sort: 'date' | 'amount'
  dir: 'asc' | 'desc'
}

interface RecordsStore extends RecordsFilterState {
  data: RecordsPageData | null
  loading: boolean
  error: string | null
  setTab(tab: RecordsTab): void
  setPreset(preset: RangePreset): void
  setRange(from: string | null, to: string | null): void
  setAccount(accountId: string | null): void
  setType(type: string | null): void
  setSort(sort: 'date' | 'amount', dir: 'asc' | 'desc'): void
  load(): Promise<void>
}

const DAY_MS = 86_400_000
const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10)

/** The `[from, to]` UTC days of a quick pick, ending today. */
export function presetRange(preset: RangePreset, now = Date.now()): { from: string | null; to: string | null } {
  const days = preset === '7d' ? 7 : preset === '30d' ? 30 : preset === '90d' ? 90 : null
  if (days === null) return { from: null, to: null }
  return { from: utcDay(now - (days - 1) * DAY_MS), to: utcDay(now) }
}

/** The filter as the `records:*` calls take it. */
export function callFilter(state: RecordsFilterState): { from?: string; to?: string; accountIds: string[]; types: string[]; sort: 'date' | 'amount'; dir: 'asc' | 'desc' } {
  return {
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    accountIds: state.accountIds,
    types: state.types,
    sort: state.sort,
    dir: state.dir
  }
}

let generation = 0

/** The records page's own store: its filters survive switching pages; a newer load always wins. */
export const useRecordsStore = create<RecordsStore>()((set, get) => ({
  tab: 'spend',
  preset: '30d',
  ...presetRange('30d'),
  accountIds: [],
  types: [],
  sort: 'date',
  dir: 'desc',
  data: null,
  loading: false,
  error: null,

  // A type means something else on each tab (line item, model, kind, status): it resets.
  setTab: (tab) => {
    set({ tab, types: [], data: null })
    void get().load()
  },
  setPreset: (preset) => {
    set({ preset, ...(preset === 'custom' ? {} : presetRange(preset)) })
    void get().load()
  },
  setRange: (from, to) => {
    set({ preset: 'custom', from, to })
    void get().load()
  },
  setAccount: (accountId) => {
    set({ accountIds: accountId ? [accountId] : [] })
    void get().load()
  },
  setType: (type) => {
    set({ types: type ? [type] : [] })
    void get().load()
  },
  setSort: (sort, dir) => {
    set({ sort, dir })
    void get().load()
  },

  load: async () => {
    const mine = ++generation
    const state = get()
    set({ loading: true, error: null })
    try {
      const filter = callFilter(state)
      const bridge = getBridge()
      const data: RecordsPageData =
        state.tab === 'spend'
          ? { tab: 'spend', page: await bridge.invoke('records:spend', filter) }
          : state.tab === 'usage'
            ? { tab: 'usage', page: await bridge.invoke('records:usage', filter) }
            : state.tab === 'credits'
              ? { tab: 'credits', page: await bridge.invoke('records:credits', filter) }
              : { tab: 'polls', page: await bridge.invoke('records:polls', filter) }
      if (mine === generation) set({ data, loading: false })
    } catch (error) {
      if (mine === generation) set({ loading: false, error: errorMessage(error) })
    }
  }
}))
