import type { ChartOptions } from 'chart.js'
import { Bar } from 'react-chartjs-2'
import type { Overview } from '../../../../shared/contract/ledger-schemas'
import { formatMoney } from '../../../../shared/money'
import { formatShortDate } from '../../lib/format'
import { SERIES_COLORS, useChartColors } from '../../components/charts/chart-colors'
import '../../components/charts/register-chart-js'

/** Daily spend stacked by account, in the home currency (accounts without a rate are listed, not drawn). */
export function SpendChart({ overview }: { overview: Overview }) {
  const theme = useChartColors()
  const drawn = overview.spendSeries.accounts.filter((series) => series.converted)
  const left = overview.spendSeries.accounts.filter((series) => !series.converted)
  const money = (value: number): string => formatMoney({ amount: value.toFixed(2), unit: overview.home }, undefined, { compact: true })
  const data = {
    labels: overview.spendSeries.days.map((day) => formatShortDate(day)),
    datasets: drawn.map((series, index) => ({
      label: series.label,
      data: series.values,
      backgroundColor: SERIES_COLORS[index % SERIES_COLORS.length],
      stack: 'spend',
      borderRadius: 2
    }))
  }
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { color: theme.text, boxWidth: 12 } },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${money(item.parsed.y ?? 0)}` } }
    },
    scales: {
      x: { stacked: true, ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
      y: { stacked: true, beginAtZero: true, ticks: { color: theme.muted, callback: (value) => money(Number(value)) }, grid: { color: theme.grid } }
    }
  }
  const total = drawn.reduce((sum, series) => sum + series.values.reduce((a, b) => a + b, 0), 0)
  if (drawn.length === 0) {
    return <p className="muted chart-empty">No spend to chart yet. It appears after a few polls.</p>
  }
  return (
    <figure className="ledger-chart">
      <div className="chart-box">
        <Bar
          data={data}
          options={options}
          role="img"
          aria-label={`Daily spend over ${overview.spendSeries.days.length} days, stacked by account, about ${money(total)} in total (${overview.home}, approximate).`}
        />
      </div>
      <figcaption className="muted">
        Daily spend by account in {overview.home}, ≈ converted with your exchange rates.
        {left.length > 0 ? ` Not shown (no exchange rate): ${left.map((series) => `${series.label} (${series.unit})`).join(', ')}.` : ''}
      </figcaption>
    </figure>
  )
}
