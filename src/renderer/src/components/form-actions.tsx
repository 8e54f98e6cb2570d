import type { ReactNode } from 'react'
import { Spinner } from './spinner'

/** Props of {@link FormActions}. */
export interface FormActionsProps {
  /** Why the last submit failed, shown above the buttons and announced; nothing when empty. */
  error?: string | null
  onCancel(): void
  /** The submit button's content, e.g. `busy ? 'Saving…' : 'Save'`. */
  submitLabel: ReactNode
  /** Disables the submit button and shows a spinner in it (a save is under way). */
  busy?: boolean
  /** Disables the submit button without a spinner: the form cannot be sent yet (still loading, or failed to). */
  disabled?: boolean
}

/**
 * The end of a dialog's form: the failure message, then Cancel and the primary submit button.
 * Render it inside the `<form>` so Enter and the button both submit.
 */
export function FormActions({ error, onCancel, submitLabel, busy = false, disabled = false }: FormActionsProps) {
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || disabled}>
          {busy ? <Spinner /> : null}
          {submitLabel}
        </button>
      </div>
    </>
  )
}
