import { useState, type FormEvent } from 'react'
import type { AccountView } from '../../../../shared/contract'
import type { RuleView } from '../../../../shared/contract/alerts-calls'
import { errorMessage } from '../../bridge'
import { useStore } from '../../store'

const DECIMAL = /^\d+(\.\d+)?$/
const DAYS = /^\d+$/

interface Draft {
  below: string
  unit: string
  runwayDays: string
  expiringDays: string
  webhookUrl: string
}

function draftFrom(rules: readonly RuleView[]): Draft {
  const find = (kind: RuleView['kind']) => rules.find((rule) => rule.kind === kind)
  const low = find('low_balance')
  return {
    below: low?.below?.amount ?? '',
    unit: low?.below?.unit ?? '',
    runwayDays: find('runway')?.days?.toString() ?? '',
    expiringDays: find('expiring_credit')?.days?.toString() ?? '',
    webhookUrl: rules.find((rule) => rule.webhookUrl)?.webhookUrl ?? ''
  }
}

/** One account's alert rules: below an amount, runway days, expiring credit, auto-reload, webhook. */
export function AccountRulesForm({
  account,
  rules,
  autoReload,
  saved = false,
  onSaved
}: {
  account: AccountView
  rules: readonly RuleView[]
  autoReload: boolean
  /** The last save was this form's: say so beside the button (kept by the page, as saving remounts the form). */
  saved?: boolean
  onSaved?(): void
}) {
  const saveRule = useStore((state) => state.saveRule)
  const removeRule = useStore((state) => state.removeRule)
  const setAutoReload = useStore((state) => state.setAutoReload)
  const testWebhook = useStore((state) => state.testWebhook)
  const [draft, setDraft] = useState<Draft>(() => draftFrom(rules))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const primaryUnit = account.balances[0]?.unit ?? ''
  const update = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }))
  const idBase = `rules-${account.id}`

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const below = draft.below.trim()
    if (below && !DECIMAL.test(below)) return setError('“Below” takes an amount such as 5 or 12.50.')
    for (const days of [draft.runwayDays, draft.expiringDays]) {
      if (days.trim() && (!DAYS.test(days.trim()) || Number(days) < 1)) return setError('Days are whole numbers of at least 1.')
    }
    setSaving(true)
    setError(null)
    const webhookUrl = draft.webhookUrl.trim() || null
    const existing = (kind: RuleView['kind']) => rules.find((rule) => rule.kind === kind)
    try {
      const plans: Array<{ kind: RuleView['kind']; value: string; save: () => Promise<void> }> = [
        { kind: 'low_balance', value: below, save: () => saveRule({ accountId: account.id, kind: 'low_balance', below: { amount: below, unit: draft.unit.trim() || null }, webhookUrl }) },
        { kind: 'runway', value: draft.runwayDays.trim(), save: () => saveRule({ accountId: account.id, kind: 'runway', days: Number(draft.runwayDays), webhookUrl }) },
        { kind: 'expiring_credit', value: draft.expiringDays.trim(), save: () => saveRule({ accountId: account.id, kind: 'expiring_credit', days: Number(draft.expiringDays), webhookUrl }) }
      ]
      for (const plan of plans) {
        const current = existing(plan.kind)
        if (plan.value) await plan.save()
        else if (current) await removeRule(current.id)
      }
      // Said next to the button, not in a toast: a toast in the corner covered this very button.
      onSaved?.()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="panel rules-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${idBase}-title`}>
      <h3 id={`${idBase}-title`} className="rules-title">
        {account.label}
      </h3>
      <div className="rules-grid">
        <label className="field">
          <span className="field-label">Balance below</span>
          <span className="rules-inline-inputs">
            <input inputMode="decimal" className="input-narrow" value={draft.below} onChange={update('below')} placeholder="e.g. 5" aria-describedby={`${idBase}-below-help`} disabled={autoReload} />
            <input className="input-unit" value={draft.unit} onChange={update('unit')} placeholder={primaryUnit || 'unit'} aria-label="Unit" disabled={autoReload} />
          </span>
          <span id={`${idBase}-below-help`} className="field-help">
            {autoReload ? 'Off: this account reloads automatically.' : 'Empty unit = the primary balance’s.'}
          </span>
        </label>
        <label className="field">
          <span className="field-label">Runway under (days)</span>
          <input inputMode="numeric" className="input-narrow" value={draft.runwayDays} onChange={update('runwayDays')} placeholder="e.g. 7" disabled={autoReload} />
        </label>
        <label className="field">
          <span className="field-label">Credit expiring within (days)</span>
          <input inputMode="numeric" className="input-narrow" value={draft.expiringDays} onChange={update('expiringDays')} placeholder="e.g. 30" />
        </label>
        <label className="field field-wide">
          <span className="field-label">
            Webhook <span className="muted">(optional: ntfy topic or Slack incoming webhook)</span>
          </span>
          <span className="rules-inline-inputs">
            <input type="url" value={draft.webhookUrl} onChange={update('webhookUrl')} placeholder="https://ntfy.sh/your-topic" />
            <button type="button" className="button button-small" disabled={!draft.webhookUrl.trim()} onClick={() => void testWebhook(draft.webhookUrl.trim())}>
              Send test
            </button>
          </span>
        </label>
      </div>
      <div className="rules-footer">
        <label className="checkbox">
          <input type="checkbox" checked={autoReload} onChange={(event) => void setAutoReload(account.id, event.target.checked)} />
          Auto-reload is on at the provider (no low-balance alarm; top-ups are announced)
        </label>
        <span className="spacer" />
        {error ? (
          <span className="form-error" role="alert">
            {error}
          </span>
        ) : null}
        <span role="status" className="rules-saved">
          {saved && !error ? `Saved alert rules for ${account.label}.` : ''}
        </span>
        <button type="submit" className="button button-small button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save rules'}
        </button>
      </div>
    </form>
  )
}
