import { useState, type FormEvent } from 'react'
import { BUDGET_DISCLAIMER, budgetPeriods, type BudgetPeriod } from '../../../../shared/alerts'
import { balanceKindText } from '../../../../shared/balance-kinds'
import { formatMoney } from '../../../../shared/money'
import { errorMessage } from '../../bridge'
import { AccountOptions } from '../../components/account-options'
import { useStore } from '../../store'
import { BudgetBar } from './budget-bar'

const PERIOD_TEXT: Record<BudgetPeriod, string> = { day: 'Per day', week: 'Per week', month: 'Per month' }

/** Spend limits (per account and global) with progress, and the provider-side limits Coffer can read. */
export function BudgetsSection() {
  const budgets = useStore((state) => state.budgets)
  const providerLimits = useStore((state) => state.providerLimits)
  const accounts = useStore((state) => state.accounts)
  const removeBudget = useStore((state) => state.removeBudget)
  const labelOf = (id: string) => accounts.find((account) => account.id === id)?.label ?? id

  return (
    <section className="alerts-section" aria-labelledby="budgets-title">
      <h2 id="budgets-title" className="alerts-section-title">
        Spend limits
      </h2>
      <p className="muted section-lead">
        Warnings at 50, 80 and 100 % of a limit per UTC day, week or month. <strong>{BUDGET_DISCLAIMER}</strong>
      </p>
      {budgets.length === 0 ? (
        <p className="empty-hint">No spend limits yet. Add one below: for one account, or for all of them together.</p>
      ) : (
        <ul className="budget-list">
          {budgets.map((budget) => (
            <li key={budget.id} className="budget-row">
              <BudgetBar budget={budget} />
              <button type="button" className="button button-small button-quiet-danger" aria-label={`Remove the ${budget.period} limit of ${budget.accountLabel ?? 'all accounts'}`} onClick={() => void removeBudget(budget.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {providerLimits.length > 0 ? (
        <div className="provider-limits">
          <h3 className="subsection-title">Limits set at the provider</h3>
          <ul>
            {providerLimits.map((limit) => (
              <li key={`${limit.accountId}-${limit.kind}`}>
                {labelOf(limit.accountId)} — {balanceKindText[limit.kind]}: {formatMoney({ amount: limit.amount, unit: limit.unit })}
              </li>
            ))}
          </ul>
          <p className="field-help">These are enforced by the provider itself; Coffer only reads them.</p>
        </div>
      ) : null}
      <BudgetForm />
    </section>
  )
}

function BudgetForm() {
  const accounts = useStore((state) => state.accounts)
  const saveBudget = useStore((state) => state.saveBudget)
  const notify = useStore((state) => state.notify)
  const [scope, setScope] = useState('global')
  const [period, setPeriod] = useState<BudgetPeriod>('month')
  const [limit, setLimit] = useState('')
  const [unit, setUnit] = useState('')
  const [thresholds, setThresholds] = useState('50, 80, 100')
  const [webhookUrl, setWebhookUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const scopeAccount = accounts.find((account) => account.id === scope)
  const defaultUnit = scopeAccount?.balances[0]?.unit ?? 'USD'

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!/^\d+(\.\d+)?$/.test(limit.trim()) || Number(limit) <= 0) return setError('Enter a limit above zero, e.g. 50.')
    const parts = thresholds.split(',').map((part) => part.trim()).filter(Boolean)
    if (parts.some((part) => !/^\d+$/.test(part))) return setError('Thresholds are whole percentages, e.g. 50, 80, 100.')
    setSaving(true)
    setError(null)
    try {
      await saveBudget({
        accountId: scope === 'global' ? null : scope,
        period,
        limit: limit.trim(),
        unit: unit.trim() || undefined,
        thresholds: parts.map(Number),
        webhookUrl: webhookUrl.trim() || null
      })
      notify('success', 'Spend limit saved.')
      setLimit('')
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="budget-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Add or change a spend limit">
      <label className="field">
        <span className="field-label">For</span>
        <select value={scope} onChange={(event) => setScope(event.target.value)}>
          <AccountOptions allValue="global" />
        </select>
      </label>
      <label className="field">
        <span className="field-label">Period (UTC)</span>
        <select value={period} onChange={(event) => setPeriod(event.target.value as BudgetPeriod)}>
          {budgetPeriods.map((value) => (
            <option key={value} value={value}>
              {PERIOD_TEXT[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Limit</span>
        <input inputMode="decimal" className="input-narrow" value={limit} onChange={(event) => setLimit(event.target.value)} placeholder="50" />
      </label>
      <label className="field">
        <span className="field-label">Unit</span>
        <input className="input-unit" value={unit} onChange={(event) => setUnit(event.target.value)} placeholder={defaultUnit} />
      </label>
      <label className="field">
        <span className="field-label">Warn at (%)</span>
        <input className="input-narrow" value={thresholds} onChange={(event) => setThresholds(event.target.value)} />
      </label>
      <label className="field budget-webhook">
        <span className="field-label">
          Webhook <span className="muted">(optional)</span>
        </span>
        <input type="url" value={webhookUrl} onChange={(event) => setWebhookUrl(event.target.value)} placeholder="https://ntfy.sh/your-topic" />
      </label>
      <button type="submit" className="button button-primary" disabled={saving}>
        {saving ? 'Saving…' : 'Save limit'}
      </button>
      {error ? (
        <p className="form-error budget-form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
