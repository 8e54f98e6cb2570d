import { useStore } from '../../store'
import { BudgetBar } from './budget-bar'

/** The spend limits of one account, for its overview card (nothing when it has none). */
export function AccountBudgetBars({ accountId }: { accountId: string }) {
  const budgets = useStore((state) => state.budgets)
  const mine = budgets.filter((budget) => budget.accountId === accountId)
  if (mine.length === 0) return null
  return (
    <div className="card-budgets">
      {mine.map((budget) => (
        <BudgetBar key={budget.id} budget={budget} compact />
      ))}
    </div>
  )
}
