import type { ChartOptions } from 'chart.js'
import { Bar } from 'react-chartjs-2'
import type { PlanOption } from '../../../../shared/contract/plans-calls'
import { useChartColors } from '../../components/charts/chart-colors'
import '../../components/charts/register-chart-js'

const dollars = (value: number): string => `$${value.toFixed(2)}`

/** Priced options as horizontal bars, cheapest first; "what you pay now" in the accent colour. */
export function CostChart({ options }: { options: readonly PlanOption[] }) {
  const colors = useChartColors()
  const priced = options.filter((option) => option.rank !== null)
  if (priced.length === 0) return null
  const data = {
    labels: priced.map((option) => option.name),
    datasets: [
      {
        label: 'Per month',
        data: priced.map((option) => Number(option.monthlyCost)),
        backgroundColor: priced.map((option) => (option.key === 'current' ? colors.current : option.rank === 1 ? colors.highlight : colors.bar)),
        borderRadius: 4,
        barThickness: 18
      }
    ]
  }
  const chartOptions: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (item) => `${dollars(item.parsed.x ?? 0)} a month` } }
    },
    scales: {
      x: { beginAtZero: true, ticks: { color: colors.muted, callback: (value) => dollars(Number(value)) }, grid: { color: colors.grid } },
      y: { ticks: { color: colors.text }, grid: { display: false } }
    }
  }
  const summary = priced.map((option) => `${option.rank}. ${option.name}: ${dollars(Number(option.monthlyCost))}`).join('; ')
  return (
    <figure className="plans-chart">
      <div style={{ height: `${Math.max(120, priced.length * 30 + 40)}px` }}>
        <Bar data={data} options={chartOptions} role="img" aria-label={`Monthly cost by option, cheapest first: ${summary}`} />
      </div>
      <figcaption className="muted">Monthly cost at your usage, cheapest first. Green: cheapest. Blue: what you pay now.</figcaption>
    </figure>
  )
}
