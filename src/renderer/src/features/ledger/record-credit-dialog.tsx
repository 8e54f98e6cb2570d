import { useState, type FormEvent } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { creditKinds, type CreditEventView, type CreditKind } from '../../../../shared/contract/ledger-schemas'
import { FormField } from '../../add-account/form-field'
import { errorMessage, getBridge } from '../../bridge'
import { Dialog } from '../../components/dialog'
import { FormActions } from '../../components/form-actions'
import { useStore } from '../../store'
import { addsCredit, creditKindText } from '../../../../shared/credit-kinds'
import { creditKindHelp } from './credit-kind-text'

const DECIMAL = /^-?\d+(\.\d+)?$/

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
function localInput(iso: string): string {
  const date = new Date(iso)
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** Props of {@link RecordCreditDialog}: a new entry for `account`, or a correction of `event`. */
export interface RecordCreditDialogProps {
  account: Pick<AccountView, 'id' | 'label'> & { unit: string | null }
  event?: CreditEventView
  initialKind?: CreditKind
  onClose(): void
  onSaved?(event: CreditEventView): void
}

/**
 * Records a top-up, grant, expiration… or the balance the provider's console shows; or corrects an
 * event (a detected top-up becomes the user's own once corrected).
 */
export function RecordCreditDialog({ account, event, initialKind = 'topup', onClose, onSaved }: RecordCreditDialogProps) {
  const notify = useStore((state) => state.notify)
  const loadAccounts = useStore((state) => state.loadAccounts)
  const [kind, setKind] = useState<CreditKind>(event?.kind ?? initialKind)
  const [amount, setAmount] = useState(event ? event.amount.replace(/^-/, '') : '')
  const [unit, setUnit] = useState(event?.unit ?? account.unit ?? '')
  const [at, setAt] = useState(localInput(event?.occurredAt ?? new Date().toISOString()))
  const [expires, setExpires] = useState(event?.expiresAt ? event.expiresAt.slice(0, 10) : '')
  const [note, setNote] = useState(event?.note ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  // The provider reports this balance itself: the entry waits for a reading that shows it.
  const reportsBalance = useStore((state) =>
    Boolean(state.accounts.find((candidate) => candidate.id === account.id)?.balances.some((b) => b.kind === 'total' && b.source === 'official' && b.unit === unit.trim()))
  )

  const submit = async (form: FormEvent): Promise<void> => {
    form.preventDefault()
    const found: Record<string, string> = {}
    if (!DECIMAL.test(amount.trim())) found.amount = 'Enter a number such as 50 or 12.40.'
    if (!event && !unit.trim()) found.unit = 'Say which unit, e.g. USD, CNY or credits.'
    if (!at || Number.isNaN(Date.parse(at))) found.at = 'Pick when it happened.'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    setFailure(null)
    try {
      const when = new Date(at).toISOString()
      const expiresAt = expires ? new Date(`${expires}T00:00:00Z`).toISOString() : undefined
      const saved = event
        ? await getBridge().invoke('credits:update', { id: event.id, kind, amount: amount.trim(), at: when, expiresAt: expiresAt ?? null, note: note.trim() || null })
        : await getBridge().invoke('credits:record', { accountId: account.id, kind, amount: amount.trim(), unit: unit.trim(), at: when, expiresAt, note: note.trim() || undefined })
      notify('success', event ? `Corrected the ${creditKindText[saved.kind].toLowerCase()} for ${account.label}.` : `Recorded for ${account.label}.`)
      void loadAccounts()
      onSaved?.(saved)
      onClose()
    } catch (error) {
      setFailure(errorMessage(error))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={event ? `Correct ${creditKindText[event.kind].toLowerCase()}` : `Record for ${account.label}`}
      description={
        event?.source === 'derived' ? (
          <p>Coffer detected this from the balance going up. Correct it if the amount or type is wrong; it becomes your entry.</p>
        ) : !event && reportsBalance && addsCredit(kind) ? (
          <p>The provider reports this balance itself, so Coffer will match this entry to the balance when it shows it.</p>
        ) : undefined
      }
      onClose={onClose}
      // Wide: at the normal width the date-time field beside Expires clips its AM/PM.
      wide
    >
      <form className="form" onSubmit={(form) => void submit(form)} noValidate>
        <FormField label="Type" help={creditKindHelp[kind]}>
          {(control) => (
            <select {...control} value={kind} onChange={(change) => setKind(change.target.value as CreditKind)} data-autofocus>
              {creditKinds.map((value) => (
                <option key={value} value={value}>
                  {creditKindText[value]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="form-row">
          <FormField label="Amount" error={errors.amount}>
            {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={amount} onChange={(change) => setAmount(change.target.value)} placeholder="50.00" />}
          </FormField>
          <FormField label="Unit" error={errors.unit}>
            {(control) => <input {...control} className="input-narrow" value={unit} disabled={Boolean(event)} onChange={(change) => setUnit(change.target.value)} placeholder="e.g. USD" />}
          </FormField>
        </div>
        <div className="form-row">
          <FormField label="When" error={errors.at}>
            {(control) => <input {...control} type="datetime-local" value={at} onChange={(change) => setAt(change.target.value)} />}
          </FormField>
          {kind !== 'balance' && kind !== 'expiration' ? (
            <FormField label="Expires" optional>
              {(control) => <input {...control} type="date" value={expires} onChange={(change) => setExpires(change.target.value)} />}
            </FormField>
          ) : null}
        </div>
        <FormField label="Note" optional>
          {(control) => <input {...control} maxLength={500} value={note} onChange={(change) => setNote(change.target.value)} />}
        </FormField>
        <FormActions error={failure} onCancel={onClose} busy={busy} submitLabel={event ? 'Save correction' : 'Record'} />
      </form>
    </Dialog>
  )
}
