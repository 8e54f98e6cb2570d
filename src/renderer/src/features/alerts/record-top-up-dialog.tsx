import { useState, type FormEvent } from 'react'
import { Dialog } from '../../components/dialog'
import { FormField } from '../../add-account/form-field'
import { FormActions } from '../../components/form-actions'
import { errorMessage } from '../../bridge'
import { useStore } from '../../store'

const DECIMAL = /^\d+(\.\d+)?$/

/** Records a top-up the user just paid: amount, unit (default: the account's), optional expiry. */
export function RecordTopUpDialog({ accountId, label, onClose }: { accountId: string; label: string; onClose(): void }) {
  const account = useStore((state) => state.accounts.find((candidate) => candidate.id === accountId))
  const recordTopUp = useStore((state) => state.recordTopUp)
  const [amount, setAmount] = useState('')
  const [unit, setUnit] = useState(account?.balances[0]?.unit ?? 'USD')
  const [expires, setExpires] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const reportsBalance = Boolean(account?.balances.some((b) => b.kind === 'total' && b.source === 'official' && b.unit === unit.trim()))
  const amountError = amount !== '' && !DECIMAL.test(amount.trim()) ? 'Enter an amount such as 20 or 12.50' : undefined

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!DECIMAL.test(amount.trim()) || Number(amount) <= 0) {
      setError('Enter the amount you topped up, e.g. 20.')
      return
    }
    setSaving(true)
    setError(null)
    try {
      await recordTopUp(accountId, amount.trim(), unit.trim() || undefined, expires || undefined)
      onClose()
    } catch (caught) {
      setError(errorMessage(caught))
      setSaving(false)
    }
  }

  return (
    <Dialog
      title={`Record a top-up for ${label}`}
      description={
        reportsBalance
          ? 'The provider reports this balance itself, so Coffer will match the top-up to the balance when it shows it.'
          : 'Coffer adds it to the ledger as a credit event (source: manual).'
      }
      onClose={onClose}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormField label="Amount" error={amountError}>
          {(control) => <input {...control} inputMode="decimal" autoFocus value={amount} onChange={(event) => setAmount(event.target.value)} placeholder="20" />}
        </FormField>
        <FormField label="Unit" help="The currency or credit unit of the top-up.">
          {(control) => <input {...control} className="input-narrow" value={unit} onChange={(event) => setUnit(event.target.value)} />}
        </FormField>
        <FormField label="Expires on" optional help="Some credit expires (OpenAI prepaid credit after a year).">
          {(control) => <input {...control} type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />}
        </FormField>
        <FormActions error={error} onCancel={onClose} busy={saving} submitLabel={saving ? 'Saving…' : 'Record top-up'} />
      </form>
    </Dialog>
  )
}
