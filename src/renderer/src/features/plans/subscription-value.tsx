import type { ChartOptions } from 'chart.js'
import { Bar } from 'react-chartjs-2'
import type { SubscriptionReport } from '../../../../shared/contract/subscriptions-calls'
import { formatMoney } from '../../../../shared/money'
import { useChartColors } from '../../components/charts/chart-colors'
import '../../components/charts/register-chart-js'
import { useSubscriptionReports } from './use-subscription-reports'

const money = (value: { amount: string; unit: string }): string => formatMoney(value)

/** API-equivalent value against the fee, one pair of bars per billing cycle (oldest first). */
function CycleChart({ report }: { report: SubscriptionReport }) {
  const colors = useChartColors()
  const labels = report.cycles.map((cycle) => cycle.cycleStart)
  const data = {
    labels,
    datasets: [
      { label: 'API-equivalent value', data: report.cycles.map((cycle) => Number(cycle.apiEquivalent.amount)), backgroundColor: colors.highlight, borderRadius: 4 },
      ...(report.fee ? [{ label: 'Fee', data: report.cycles.map((cycle) => Number(cycle.fee?.amount ?? 0)), backgroundColor: colors.current, borderRadius: 4 }] : [])
    ]
  }
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { labels: { color: colors.text } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: $${(item.parsed.y ?? 0).toFixed(2)}` } } },
    scales: {
      x: { ticks: { color: colors.muted }, grid: { display: false } },
      y: { beginAtZero: true, ticks: { color: colors.muted, callback: (value) => `$${Number(value).toFixed(0)}` }, grid: { color: colors.grid } }
    }
  }
  const summary = report.cycles.map((cycle) => `cycle from ${cycle.cycleStart}: ${money(cycle.apiEquivalent)}${cycle.fee ? ` against ${money(cycle.fee)}` : ''}`).join('; ')
  return (
    <figure className="plans-chart">
      <div style={{ height: '180px' }}>
        <Bar data={data} options={options} role="img" aria-label={`API-equivalent value per billing cycle: ${summary}`} />
      </div>
      <figcaption className="muted">API-equivalent value of each billing cycle{report.fee ? ' against the fee' : ''}; the last cycle is still running.</figcaption>
    </figure>
  )
}

/** One subscription: the plain sentence, tokens, what was not priced, the cheapest alternative, the chart. */
function SubscriptionCard({ report }: { report: SubscriptionReport }) {
  return (
    <section className="card" aria-label={`Subscription value: ${report.label}`} data-testid="subscription-value">
      <h3 className="plans-section-title">{report.label}</h3>
      <p>
        <strong>{report.summary}</strong>
      </p>
      <p className="muted">
        Cycle {report.cycleStart} to {report.cycleEnd} · {report.requests.toLocaleString()} requests · {report.tokens.input.toLocaleString()} input,{' '}
        {report.tokens.output.toLocaleString()} output, {report.tokens.cacheWrite.toLocaleString()} cache-write and {report.tokens.cacheRead.toLocaleString()} cache-read tokens
      </p>
      {report.unpricedModels.length > 0 ? (
        <p className="muted">
          Not priced: {report.unpricedModels.map((model) => `${model.model} (${(model.input + model.output + model.cacheWrite + model.cacheRead).toLocaleString()} tokens)`).join(', ')}
        </p>
      ) : null}
      {report.cheapest?.cost ? (
        <p>
          Cheapest alternative: {report.cheapest.name}, {money(report.cheapest.cost)} this cycle{report.cheapest.note ? ` (${report.cheapest.note})` : ''}.
        </p>
      ) : null}
      {report.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      <CycleChart report={report} />
      <p className="muted">
        Prices: {report.prices.package} {report.prices.version}, data as of {report.prices.publishedAt}. API-equivalent value is what the same tokens would cost on the API; it is
        never counted as spend.
      </p>
    </section>
  )
}

/** The Plans page's "Your subscriptions" section; nothing when no Claude Code or Codex account exists. */
export function SubscriptionValueSection() {
  const { reports, error } = useSubscriptionReports()
  if (error) return <p className="muted">Could not value your subscriptions: {error}</p>
  if (!reports || reports.length === 0) return null
  return (
    <section aria-label="Your subscriptions">
      <h2 className="plans-section-title">Your subscriptions, at API prices</h2>
      {reports.map((report) => (
        <SubscriptionCard key={report.accountId} report={report} />
      ))}
    </section>
  )
}
