import { useState } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { errorMessage } from '../../bridge'
import { Dialog } from '../../components/dialog'
import { Spinner } from '../../components/spinner'
import { useStore } from '../../store'

/** Asks before deleting an account, naming it and saying its history goes too. */
export function RemoveAccountDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const removeAccount = useStore((state) => state.removeAccount)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await removeAccount(account.id)
      onClose()
    } catch (cause) {
      setError(errorMessage(cause))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Remove account?"
      role="alertdialog"
      onClose={onClose}
      description={
        <p>
          Remove <strong>{account.label}</strong>? Its whole balance and spend history is deleted and its key is removed
          from your keychain. This cannot be undone.
        </p>
      }
    >
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm()}>
          {busy ? <Spinner /> : null}
          Remove
        </button>
      </div>
    </Dialog>
  )
}
