import { useEffect, useState } from 'react'
import type { Overview } from '../../../../shared/contract/ledger-schemas'
import { isCurrency } from '../../../../shared/money'
import { runwayText } from '../../../../shared/runway'
import { errorMessage, getBridge } from '../../bridge'
import { formatShortDate } from '../../lib/format'
import { ChartSlot } from '../../components/charts/chart-slot'
import { SourceTag } from '../../pages/overview/balance-figures'
import { useStore } from '../../store'
import { ConvertedFigure } from './converted-figure'
import { FxDialog } from './fx-dialog'
import { TotalsNote } from './totals-note'
import { LazySpendChart } from './lazy-charts'
import './ledger.css'


/**
 * The overview's ledger section: total balance and month-to-date spend in the home currency (each
 * saying what it converted and left out), total burn rate, the account that runs out first, the
 * projection, and daily spend stacked by account.
 */
export function OverviewLedger() {
  const accounts = useStore((state) => state.accounts)
  const [overview, setOverview] = useState<Overview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [days, setDays] = useState(30)
  const [editingFx, setEditingFx] = useState(false)
  const [version, setVersion] = useState(0)
  // Fetch the chart's code (chart.js) while the figures load, and show the section once both are
  // in: the totals and the chart appear together, as one piece. A failed fetch shows in the chart's
  // slot, so it does not hold the totals back.
  const [chartReady, setChartReady] = useState(false)
  useEffect(() => {
    const ready = (): void => setChartReady(true)
    LazySpendChart.preload().then(ready, ready)
  }, [])
  // Re-read whenever the accounts change (a poll, a top-up…): the store replaces the array then.
  useEffect(() => {
    let live = true
    getBridge()
      .invoke('ledger:overview', { days })
      .then((value) => {
        if (live) {
          setOverview(value)
          setError(null)
        }
      })
      .catch((cause: unknown) => live && setError(errorMessage(cause)))
    return () => {
      live = false
    }
  }, [accounts, days, version])

  if (accounts.length === 0) return null
  if (error) return <p className="form-error" role="alert">Could not load the totals: {error}</p>
  if (!overview || !chartReady) return null
  const label = (id: string): string | undefined => accounts.find((account) => account.id === id)?.label
  const first = overview.firstToRunOut
  return (
    <section className="overview-ledger" aria-label="Totals and spend">
      <dl className="panel totals-bar" data-testid="overview-totals">
        <div className="total">
          <dt>Total balance</dt>
          <dd>
            <ConvertedFigure value={overview.totalBalance} accountLabel={label} />
          </dd>
        </div>
        <div className="total">
          <dt>Spent this month</dt>
          <dd>
            <ConvertedFigure value={overview.monthToDate} accountLabel={label} />
          </dd>
        </div>
        <div className="total">
          <dt>Burn rate</dt>
          <dd>{overview.burnPerDay ? <><ConvertedFigure value={overview.burnPerDay} suffix="/day" accountLabel={label} /> <SourceTag source="derived" /></> : <span className="muted">not enough history</span>}</dd>
        </div>
        <div className="total" data-testid="first-to-run-out">
          <dt>Runs out first</dt>
          <dd>
            {first ? (
              <>
                {first.label}: {runwayText(first.days)}
                {first.date ? <span className="muted"> ({formatShortDate(first.date)})</span> : null} <SourceTag source="derived" />
              </>
            ) : (
              <span className="muted">no account is running down</span>
            )}
          </dd>
        </div>
        <div className="total">
          <dt>Month-end projection</dt>
          <dd>{overview.projection ? <><ConvertedFigure value={overview.projection} accountLabel={label} /> <SourceTag source="derived" /></> : <span className="muted">—</span>}</dd>
        </div>
        <div className="total total-action">
          <button type="button" className="button button-small button-quiet" onClick={() => setEditingFx(true)}>
            Exchange rates…
          </button>
        </div>
      </dl>
      <TotalsNote
        figures={[
          { name: 'balance', value: overview.totalBalance },
          { name: 'spent this month', value: overview.monthToDate },
          { name: 'a day', value: overview.burnPerDay },
          { name: 'by month-end', value: overview.projection }
        ]}
        accountLabel={label}
        onSetRates={() => setEditingFx(true)}
      />
      <div className="chart-header">
        <h2 className="section-title">Spend over time</h2>
        <div className="segmented" role="radiogroup" aria-label="Chart range">
          {[30, 90].map((value) => (
            <button key={value} type="button" role="radio" aria-checked={days === value} className="segmented-item" onClick={() => setDays(value)}>
              {value} days
            </button>
          ))}
        </div>
      </div>
      <ChartSlot>
        <LazySpendChart overview={overview} />
      </ChartSlot>
      {editingFx ? (
        <FxDialog
          units={[...new Set([...overview.balancesByUnit.map((entry) => entry.unit), ...overview.spendSeries.accounts.map((series) => series.unit)])].filter(isCurrency)}
          onClose={() => setEditingFx(false)}
          onSaved={() => setVersion((value) => value + 1)}
        />
      ) : null}
    </section>
  )
}
