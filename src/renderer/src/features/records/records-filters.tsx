import { useState } from 'react'
import { creditKindText } from '../../../../shared/credit-kinds'
import { errorMessage, getBridge } from '../../bridge'
import { AccountOptions } from '../../components/account-options'
import { useStore } from '../../store'
import { downloadText } from './download'
import { callFilter, useRecordsStore, type RangePreset, type RecordsPageData } from './records-store'
import type { RecordsTabDefinition } from './records-tabs'

const PRESETS: { id: RangePreset; label: string }[] = [
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: '90d', label: '3 months' },
  { id: 'all', label: 'All' }
]

/**
 * The CSV/JSON export of exactly what the filters select. It sits in the page's toolbar, at its
 * right end on every tab: in the filter bar it wrapped to another place on each tab, as the
 * filters' widths change with the tab (issue 14.7).
 */
export function RecordsExport({ data }: { data: RecordsPageData | null }) {
  const filters = useRecordsStore()
  const notify = useStore((state) => state.notify)
  const [exporting, setExporting] = useState(false)
  const canExport = !exporting && data !== null && data.page.total > 0

  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    setExporting(true)
    try {
      const result = await getBridge().invoke('records:export', { what: filters.tab, format, filter: callFilter(filters) })
      downloadText(result.filename, result.mimeType, result.text)
      notify('success', `Exported ${result.rows} ${result.rows === 1 ? 'row' : 'rows'} to ${result.filename}.`)
    } catch (error) {
      notify('error', `Could not export: ${errorMessage(error)}`)
    } finally {
      setExporting(false)
    }
  }

  return (
    <span className="records-export" role="group" aria-label="Export">
      <button type="button" className="button" disabled={!canExport} onClick={() => void exportAs('csv')}>
        Export CSV
      </button>
      <button type="button" className="button" disabled={!canExport} onClick={() => void exportAs('json')}>
        Export JSON
      </button>
    </span>
  )
}

/** The filter bar of the records page: date range (quick picks or from/to), account, type and sort. */
export function RecordsFilters({ tab, data }: { tab: RecordsTabDefinition; data: RecordsPageData | null }) {
  const filters = useRecordsStore()
  return (
    <div className="records-filters">
      <div className="segmented" role="radiogroup" aria-label="Date range">
        {PRESETS.map((preset) => (
          <button key={preset.id} type="button" role="radio" aria-checked={filters.preset === preset.id} className="segmented-item" onClick={() => filters.setPreset(preset.id)}>
            {preset.label}
          </button>
        ))}
      </div>
      <label className="inline-field">
        From
        <input type="date" value={filters.from ?? ''} max={filters.to ?? undefined} onChange={(change) => filters.setRange(change.target.value || null, filters.to)} />
      </label>
      <label className="inline-field">
        To
        <input type="date" value={filters.to ?? ''} min={filters.from ?? undefined} onChange={(change) => filters.setRange(filters.from, change.target.value || null)} />
      </label>
      <label className="inline-field">
        Account
        <select value={filters.accountIds[0] ?? ''} onChange={(change) => filters.setAccount(change.target.value || null)}>
          <AccountOptions allValue="" />
        </select>
      </label>
      <label className="inline-field">
        {tab.typeLabel}
        <select value={filters.types[0] ?? ''} onChange={(change) => filters.setType(change.target.value || null)}>
          <option value="">{tab.allLabel}</option>
          {(data?.page.types ?? filters.types).map((type) => (
            <option key={type} value={type}>
              {filters.tab === 'credits' ? (creditKindText[type as keyof typeof creditKindText] ?? type) : type}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        Sort
        <select value={`${filters.sort}-${filters.dir}`} onChange={(change) => {
          const [sort, dir] = change.target.value.split('-') as ['date' | 'amount', 'asc' | 'desc']
          filters.setSort(sort, dir)
        }}>
          <option value="date-desc">Newest first</option>
          <option value="date-asc">Oldest first</option>
          <option value="amount-desc">{filters.tab === 'polls' ? 'Slowest first' : filters.tab === 'usage' ? 'Most tokens first' : 'Largest first'}</option>
          <option value="amount-asc">{filters.tab === 'polls' ? 'Fastest first' : filters.tab === 'usage' ? 'Fewest tokens first' : 'Smallest first'}</option>
        </select>
      </label>
    </div>
  )
}
