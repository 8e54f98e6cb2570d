import { useStore } from '../../store'
import { useRecordsStore, type RecordsTab } from './records-store'

/** One tab of the records page: its label, the name of its type filter, and its teaching empty state. */
export interface RecordsTabDefinition {
  id: RecordsTab
  label: string
  typeLabel: string
  allLabel: string
  empty: string
}

/** The tabs, in order. */
const RECORDS_TABS: readonly RecordsTabDefinition[] = [
  { id: 'spend', label: 'Spend', typeLabel: 'Line item', allLabel: 'All line items', empty: 'No spend in this range. Spend appears after polls: reported by providers with a cost API, or derived from balance drops.' },
  { id: 'usage', label: 'Usage by model', typeLabel: 'Model', allLabel: 'All models', empty: 'No usage in this range. Providers with a usage API (OpenAI, Anthropic admin keys) report tokens per model.' },
  { id: 'credits', label: 'Credit adjustments', typeLabel: 'Type', allLabel: 'All types', empty: 'No credit changes in this range. Record a top-up, grant or balance with “Record…”, or let Coffer detect top-ups from balance increases.' },
  { id: 'polls', label: 'Polls', typeLabel: 'Status', allLabel: 'All statuses', empty: 'No polls in this range. Refresh an account to poll it now.' }
]

/** The tab with `id`, falling back to the first. */
export function findRecordsTab(id: RecordsTab): RecordsTabDefinition {
  return RECORDS_TABS.find((entry) => entry.id === id) ?? (RECORDS_TABS[0] as RecordsTabDefinition)
}

/**
 * The tab list (WAI-ARIA tabs, automatic activation): one tab stop, arrow keys move and select.
 * Each tab controls `#records-panel`, which the page renders.
 */
export function RecordsTabList() {
  const current = useRecordsStore((state) => state.tab)
  const navigate = useStore((state) => state.navigate)
  // Each tab has its own address (#/records/polls): the page switches the tab when the address changes.
  const setTab = (tab: RecordsTab): void => navigate({ page: 'records', tab })
  return (
    <div role="tablist" aria-label="Record type" className="records-tabs">
      {RECORDS_TABS.map((entry) => (
        <button
          key={entry.id}
          type="button"
          role="tab"
          id={`records-tab-${entry.id}`}
          aria-selected={entry.id === current}
          aria-controls="records-panel"
          tabIndex={entry.id === current ? 0 : -1}
          className="records-tab focus-inset"
          onClick={() => setTab(entry.id)}
          onKeyDown={(key) => {
            if (key.key !== 'ArrowRight' && key.key !== 'ArrowLeft') return
            const index = RECORDS_TABS.findIndex((candidate) => candidate.id === current)
            const next = RECORDS_TABS[(index + (key.key === 'ArrowRight' ? 1 : RECORDS_TABS.length - 1)) % RECORDS_TABS.length] as RecordsTabDefinition
            setTab(next.id)
            document.getElementById(`records-tab-${next.id}`)?.focus()
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  )
}
