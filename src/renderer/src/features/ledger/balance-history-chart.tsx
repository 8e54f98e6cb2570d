import type { ChartOptions } from 'chart.js'
import { useEffect, useState } from 'react'
import { Line } from 'react-chartjs-2'
import type { Res } from '../../../../shared/contract'
import { formatMoney } from '../../../../shared/money'
import { errorMessage, getBridge } from '../../bridge'
import { formatShortDate } from '../../lib/format'
import { SERIES_COLORS, useChartColors } from '../../components/charts/chart-colors'
import '../../components/charts/register-chart-js'

/** One account's primary balance at the end of each day (official or derived), last 90 days. */
export function BalanceHistoryChart({ accountId, label, version }: { accountId: string; label: string; version: string | null }) {
  const theme = useChartColors()
  const [history, setHistory] = useState<Res<'ledger:balance-history'> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    getBridge()
      .invoke('ledger:balance-history', { id: accountId, days: 90 })
      .then((value) => live && setHistory(value))
      .catch((cause: unknown) => live && setError(errorMessage(cause)))
    return () => {
      live = false
    }
  }, [accountId, version])
  if (error) return <p className="form-error">Could not load the balance history: {error}</p>
  if (!history) return <p className="muted">Loading balance history…</p>
  if (history.points.length < 2 || !history.unit) return <p className="muted chart-empty">The balance history shows once Coffer has readings on two different days.</p>
  const unit = history.unit
  const derived = history.points.some((point) => point.source !== 'official')
  const data = {
    labels: history.points.map((point) => formatShortDate(point.day)),
    datasets: [
      {
        label,
        data: history.points.map((point) => Number(point.amount)),
        borderColor: SERIES_COLORS[0],
        backgroundColor: 'rgba(47, 127, 209, 0.15)',
        fill: true,
        pointRadius: 0,
        tension: 0.2
      }
    ]
  }
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => formatMoney({ amount: String(item.parsed.y ?? 0), unit }) } } },
    scales: {
      x: { ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 16 }, grid: { display: false } },
      y: { beginAtZero: true, ticks: { color: theme.muted, callback: (value) => formatMoney({ amount: String(value), unit }, undefined, { compact: true }) }, grid: { color: theme.grid } }
    }
  }
  const last = history.points.at(-1)
  return (
    <figure className="ledger-chart small">
      <div className="chart-box small">
        <Line data={data} options={options} role="img" aria-label={`${label} balance over ${history.points.length} days, now ${last ? formatMoney({ amount: last.amount, unit }) : ''}.`} />
      </div>
      <figcaption className="muted">Balance at the end of each day{derived ? ' (derived by Coffer from credits and spend where the provider reports none)' : ' (as reported)'}.</figcaption>
    </figure>
  )
}
