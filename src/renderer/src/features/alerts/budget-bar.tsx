import type { BudgetView } from '../../../../shared/contract/alerts-calls'
import { formatMoney } from '../../../../shared/money'
import { formatPercent } from '../../lib/format'
import './alert-widgets.css'

const PERIOD_WORD: Record<BudgetView['period'], string> = { day: 'today', week: 'this week', month: 'this month' }

/** The tone of a budget: past its highest threshold = danger, past any = warning. */
export function budgetTone(budget: Pick<BudgetView, 'crossed' | 'thresholds'>): 'ok' | 'warning' | 'danger' {
  if (budget.crossed === null) return 'ok'
  return budget.crossed >= Math.max(...budget.thresholds, 100) ? 'danger' : 'warning'
}

/**
 * One spend limit as a progress bar: spent of limit for the current UTC window, with ticks at the
 * warning thresholds. A native <meter> would hide the ticks; this is a labelled `role="meter"`.
 */
export function BudgetBar({ budget, compact = false }: { budget: BudgetView; compact?: boolean }) {
  const spent = formatMoney({ amount: budget.spent, unit: budget.limit.unit })
  const limit = formatMoney(budget.limit)
  const tone = budgetTone(budget)
  const label = `${budget.accountLabel ?? 'All accounts'}: ${spent} of ${limit} ${PERIOD_WORD[budget.period]} (${formatPercent(budget.percent)})`
  return (
    <div className={`budget-bar tone-${tone}${compact ? ' budget-bar-compact' : ''}`} data-testid="budget-bar">
      <div className="budget-bar-text">
        <span>
          {compact ? 'Limit' : budget.accountLabel ?? 'All accounts'} · {PERIOD_WORD[budget.period]}
        </span>
        <span className="budget-bar-figures">
          {spent} / {limit}
        </span>
      </div>
      <div
        className="budget-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, budget.percent)}
        aria-valuetext={formatPercent(budget.percent)}
        title={label}
      >
        <div className="budget-fill" style={{ width: `${Math.min(100, budget.percent)}%` }} />
        {budget.thresholds
          .filter((threshold) => threshold < 100)
          .map((threshold) => (
            <span key={threshold} className="budget-tick" style={{ left: `${threshold}%` }} aria-hidden="true" />
          ))}
      </div>
    </div>
  )
}
