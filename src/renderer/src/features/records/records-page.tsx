import { useEffect, useState } from 'react'
import type { CreditEventView } from '../../../../shared/contract/ledger-schemas'
import { errorMessage, getBridge } from '../../bridge'
import { Spinner } from '../../components/spinner'
import { accountUnit } from '../../lib/account-unit'
import { formatCount } from '../../lib/format'
import { RetryBanner } from '../../components/retry-banner'
import { useStore } from '../../store'
import { creditKindText } from '../../../../shared/credit-kinds'
import { RecordCreditDialog } from '../ledger/record-credit-dialog'
import { creditColumns, pollColumns, spendColumns, summaryItems, usageColumns } from './columns'
import { RecordsExport, RecordsFilters } from './records-filters'
import { useRecordsStore } from './records-store'
import { findRecordsTab, RecordsTabList } from './records-tabs'
import { VirtualTable } from './virtual-table'
import './records.css'

/**
 * Keeps the tab and the address in step: `#/records/polls` opens the Polls tab (a reload, a link,
 * back / forward); a bare `#/records` shows the last tab and writes it into the address.
 */
function useRouteTab(): void {
  const routeTab = useStore((state) => (state.route.page === 'records' ? state.route.tab : undefined))
  const navigate = useStore((state) => state.navigate)
  const tab = useRecordsStore((state) => state.tab)
  const setTab = useRecordsStore((state) => state.setTab)
  useEffect(() => {
    if (!routeTab) navigate({ page: 'records', tab }, { replace: true })
    else if (routeTab !== tab) setTab(routeTab)
  }, [routeTab, tab, navigate, setTab])
}

/** Usage records: spend, usage by model, credit adjustments and polls, filtered, summed, exported. */
export function RecordsPage() {
  const store = useRecordsStore()
  const accounts = useStore((state) => state.accounts)
  const notify = useStore((state) => state.notify)
  const [recording, setRecording] = useState<{ event?: CreditEventView; accountId?: string } | null>(null)
  const load = store.load
  useRouteTab()
  // Reload when accounts change too (a poll finished, a credit was recorded elsewhere).
  useEffect(() => {
    void load()
  }, [load, accounts])
  const tab = findRecordsTab(store.tab)
  const data = store.data?.tab === store.tab ? store.data : null

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
      {!row.confirmed || row.match === 'pending' || row.match === 'overdue' ? (
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
        {/* Record… (credits only) comes first, so Export keeps its place at the right on every tab. */}
        <div className="records-toolbar-actions">
          {store.tab === 'credits' && accounts.length > 0 ? (
            <button type="button" className="button button-primary" onClick={() => setRecording({})}>
              Record…
            </button>
          ) : null}
          <RecordsExport data={data} />
        </div>
      </div>

      <RecordsTabList />

      <section id="records-panel" role="tabpanel" aria-labelledby={`records-tab-${store.tab}`} className="records-panel">
        <RecordsFilters tab={tab} data={data} />

        {store.error ? (
          <RetryBanner onRetry={() => void load()}>Could not load the records: {store.error}</RetryBanner>
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
                Showing the first {formatCount(data.page.rows.length)} of {formatCount(data.page.total)} rows. The totals and the export include every row; narrow the dates to see the rest.
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
          account={{ id: recordAccount.id, label: recordAccount.label, unit: accountUnit(recordAccount) }}
          event={recording.event}
          onClose={() => setRecording(null)}
          onSaved={() => void load()}
        />
      ) : null}
    </>
  )
}
