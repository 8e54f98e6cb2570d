import { useState, type FormEvent } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { apiKeySchema } from '../../../../shared/contract'
import { findProvider } from '../../../../shared/providers'
import { FormField } from '../../add-account/form-field'
import { SecretInput } from '../../add-account/secret-input'
import { errorMessage } from '../../bridge'
import { Dialog } from '../../components/dialog'
import { FormActions } from '../../components/form-actions'
import { ExternalLink } from '../../components/external-link'
import { useStore } from '../../store'

/** Pastes a new key for an account whose key was rejected. The key stays in this dialog only. */
export function ReplaceKeyDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const replaceKey = useStore((state) => state.replaceKey)
  const provider = findProvider(account.provider)
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const parsed = apiKeySchema.safeParse(key)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'That key is not valid.')
      return
    }
    setError(undefined)
    setServerError(null)
    setBusy(true)
    try {
      await replaceKey(account.id, parsed.data)
      setKey('')
      onClose()
    } catch (cause) {
      setServerError(errorMessage(cause))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="Replace key"
      onClose={onClose}
      description={
        <p>
          Paste a new {provider?.key.label ?? 'key'} for <strong>{account.label}</strong>. The old key is overwritten in
          your keychain; the account’s history stays.
        </p>
      }
    >
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormField
          label={provider?.key.label ?? 'Key'}
          error={error}
          help={
            <>
              {provider?.key.help}{' '}
              <ExternalLink href={provider?.key.createUrl} className="inline-link">
                Create a key ↗
              </ExternalLink>
            </>
          }
        >
          {(control) => <SecretInput control={control} placeholder={provider?.key.placeholder} value={key} onChange={setKey} />}
        </FormField>
        <FormActions error={serverError} onCancel={onClose} busy={busy} submitLabel="Save key" />
      </form>
    </Dialog>
  )
}
