import { useEffect, useState } from 'react'
import type { CreditEventView } from '../../../../shared/contract/ledger-schemas'
import { errorMessage, getBridge } from '../../bridge'
import { AccountOptions } from '../../components/account-options'
import { Spinner } from '../../components/spinner'
import { useStore } from '../../store'
import { creditKindText } from '../../../../shared/credit-kinds'
import { RecordCreditDialog } from '../ledger/record-credit-dialog'
import { creditColumns, pollColumns, spendColumns, summaryItems, usageColumns } from './columns'
import { downloadText } from './download'
import { callFilter, useRecordsStore, type RangePreset, type RecordsTab } from './records-store'
import { VirtualTable } from './virtual-table'
import './records.css'

const TABS: { id: RecordsTab; label: string; typeLabel: string; allLabel: string; empty: string }[] = [
  { id: 'spend', label: 'Spend', typeLabel: 'Line item', allLabel: 'All line items', empty: 'No spend in this range. Spend appears after polls: reported by providers with a cost API, or derived from balance drops.' },
  { id: 'usage', label: 'Usage by model', typeLabel: 'Model', allLabel: 'All models', empty: 'No usage in this range. Providers with a usage API (OpenAI, Anthropic admin keys) report tokens per model.' },
  { id: 'credits', label: 'Credit adjustments', typeLabel: 'Type', allLabel: 'All types', empty: 'No credit changes in this range. Record a top-up, grant or balance with “Record…”, or let Coffer detect top-ups from balance increases.' },
  { id: 'polls', label: 'Polls', typeLabel: 'Status', allLabel: 'All statuses', empty: 'No polls in this range. Refresh an account to poll it now.' }
]

const PRESETS: { id: RangePreset; label: string }[] = [
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
  { id: '90d', label: '3 months' },
  { id: 'all', label: 'All' }
]

/** Usage records: spend, usage by model, credit adjustments and polls, filtered, summed, exported. */
export function RecordsPage() {
  const store = useRecordsStore()
  const accounts = useStore((state) => state.accounts)
  const notify = useStore((state) => state.notify)
  const [recording, setRecording] = useState<{ event?: CreditEventView; accountId?: string } | null>(null)
  const [exporting, setExporting] = useState(false)
  const load = store.load
  // Reload when accounts change too (a poll finished, a credit was recorded elsewhere).
  useEffect(() => {
    void load()
  }, [load, accounts])
  const tab = TABS.find((entry) => entry.id === store.tab) ?? (TABS[0] as (typeof TABS)[number])
  const data = store.data?.tab === store.tab ? store.data : null

  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    setExporting(true)
    try {
      const result = await getBridge().invoke('records:export', { what: store.tab, format, filter: callFilter(store) })
      downloadText(result.filename, result.mimeType, result.text)
      notify('success', `Exported ${result.rows} ${result.rows === 1 ? 'row' : 'rows'} to ${result.filename}.`)
    } catch (error) {
      notify('error', `Could not export: ${errorMessage(error)}`)
    } finally {
      setExporting(false)
    }
  }

  const confirm = async (event: CreditEventView): Promise<void> => {
    try {
      await getBridge().invoke('credits:confirm', { id: event.id })
      notify('success', `Confirmed the ${creditKindText[event.kind].toLowerCase()} on ${event.account}.`)
      void load()
    } catch (error) {
      notify('error', errorMessage(error))
    }
  }
  const remove = async (event: CreditEventView): Promise<void> => {
    try {
      await getBridge().invoke('credits:remove', { id: event.id })
      notify('success', 'Deleted the entry.')
      void load()
      void useStore.getState().loadAccounts()
    } catch (error) {
      notify('error', errorMessage(error))
    }
  }
  const creditActions = (row: CreditEventView) => (
    <span className="row-actions">
      {!row.confirmed ? (
        <button type="button" className="button button-small" onClick={() => void confirm(row)} aria-label={`Confirm ${creditKindText[row.kind]} of ${row.amount} ${row.unit} on ${row.account}`}>
          Confirm
        </button>
      ) : null}
      <button type="button" className="button button-small button-quiet" onClick={() => setRecording({ event: row })} aria-label={`Correct ${creditKindText[row.kind]} on ${row.account}`}>
        Correct
      </button>
      {row.source === 'manual' ? (
        <button type="button" className="button button-small button-quiet-danger" onClick={() => void remove(row)} aria-label={`Delete ${creditKindText[row.kind]} on ${row.account}`}>
          Delete
        </button>
      ) : null}
    </span>
  )

  const recordAccount = accounts.find((account) => account.id === (recording?.event?.accountId ?? recording?.accountId ?? store.accountIds[0] ?? accounts[0]?.id))

  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title">Records</h1>
        {store.tab === 'credits' && accounts.length > 0 ? (
          <button type="button" className="button button-primary" onClick={() => setRecording({})}>
            Record…
          </button>
        ) : null}
      </div>

      <div role="tablist" aria-label="Record type" className="records-tabs">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`records-tab-${entry.id}`}
            aria-selected={entry.id === store.tab}
            aria-controls="records-panel"
            tabIndex={entry.id === store.tab ? 0 : -1}
            className="records-tab focus-inset"
            onClick={() => store.setTab(entry.id)}
            onKeyDown={(key) => {
              if (key.key !== 'ArrowRight' && key.key !== 'ArrowLeft') return
              const index = TABS.findIndex((candidate) => candidate.id === store.tab)
              const next = TABS[(index + (key.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] as (typeof TABS)[number]
              store.setTab(next.id)
              document.getElementById(`records-tab-${next.id}`)?.focus()
            }}
          >
            {entry.label}
          </button>
        ))}
      </div>

      <section id="records-panel" role="tabpanel" aria-labelledby={`records-tab-${store.tab}`} className="records-panel">
        <div className="records-filters">
          <div className="segmented" role="radiogroup" aria-label="Date range">
            {PRESETS.map((preset) => (
              <button key={preset.id} type="button" role="radio" aria-checked={store.preset === preset.id} className="segmented-item" onClick={() => store.setPreset(preset.id)}>
                {preset.label}
              </button>
            ))}
          </div>
          <label className="inline-field">
            From
            <input type="date" value={store.from ?? ''} max={store.to ?? undefined} onChange={(change) => store.setRange(change.target.value || null, store.to)} />
          </label>
          <label className="inline-field">
            To
            <input type="date" value={store.to ?? ''} min={store.from ?? undefined} onChange={(change) => store.setRange(store.from, change.target.value || null)} />
          </label>
          <label className="inline-field">
            Account
            <select value={store.accountIds[0] ?? ''} onChange={(change) => store.setAccount(change.target.value || null)}>
              <AccountOptions allValue="" />
            </select>
          </label>
          <label className="inline-field">
            {tab.typeLabel}
            <select value={store.types[0] ?? ''} onChange={(change) => store.setType(change.target.value || null)}>
              <option value="">{tab.allLabel}</option>
              {(data?.page.types ?? store.types).map((type) => (
                <option key={type} value={type}>
                  {store.tab === 'credits' ? (creditKindText[type as keyof typeof creditKindText] ?? type) : type}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            Sort
            <select value={`${store.sort}-${store.dir}`} onChange={(change) => {
              const [sort, dir] = change.target.value.split('-') as ['date' | 'amount', 'asc' | 'desc']
              store.setSort(sort, dir)
            }}>
              <option value="date-desc">Newest first</option>
              <option value="date-asc">Oldest first</option>
              <option value="amount-desc">{store.tab === 'polls' ? 'Slowest first' : store.tab === 'usage' ? 'Most tokens first' : 'Largest first'}</option>
              <option value="amount-asc">{store.tab === 'polls' ? 'Fastest first' : store.tab === 'usage' ? 'Fewest tokens first' : 'Smallest first'}</option>
            </select>
          </label>
          <span className="spacer" />
          <button type="button" className="button button-small" disabled={exporting || !data || data.page.total === 0} onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" className="button button-small" disabled={exporting || !data || data.page.total === 0} onClick={() => void exportAs('json')}>
            Export JSON
          </button>
        </div>

        {store.error ? (
          <div className="banner banner-error" role="alert">
            <p>Could not load the records: {store.error}</p>
            <button type="button" className="button button-small" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : null}

        {data ? (
          <dl className="panel records-summary" aria-label="Totals of the filtered records" data-testid="records-summary">
            {summaryItems(data).map((item) => (
              <div key={item.label} className="summary-item">
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
            {store.loading ? <Spinner /> : null}
          </dl>
        ) : null}

        {!data && store.loading ? (
          <p className="loading" role="status">
            <Spinner /> Loading records…
          </p>
        ) : data && data.page.total === 0 ? (
          <p className="records-empty">{tab.empty}</p>
        ) : data ? (
          <>
            {data.page.truncated ? (
              <p className="muted records-note" role="note">
                Showing the first {data.page.rows.length.toLocaleString()} of {data.page.total.toLocaleString()} rows. The totals and the export include every row; narrow the dates to see the rest.
              </p>
            ) : null}
            {data.tab === 'spend' ? (
              <VirtualTable label="Spend" rows={data.page.rows} columns={spendColumns} rowKey={(row) => `${row.accountId}|${row.day}|${row.item}|${row.unit}`} />
            ) : data.tab === 'usage' ? (
              <VirtualTable label="Usage by model" rows={data.page.rows} columns={usageColumns} rowKey={(row) => `${row.accountId}|${row.day}|${row.model}`} />
            ) : data.tab === 'credits' ? (
              <VirtualTable label="Credit adjustments" rows={data.page.rows} columns={creditColumns(creditActions)} rowKey={(row) => String(row.id)} />
            ) : (
              <VirtualTable label="Polls" rows={data.page.rows} columns={pollColumns} rowKey={(row) => String(row.id)} />
            )}
          </>
        ) : null}
      </section>

      {recording && recordAccount ? (
        <RecordCreditDialog
          account={{ id: recordAccount.id, label: recordAccount.label, unit: recordAccount.balances[0]?.unit ?? recordAccount.spend?.unit ?? null }}
          event={recording.event}
          onClose={() => setRecording(null)}
          onSaved={() => void load()}
        />
      ) : null}
    </>
  )
}
