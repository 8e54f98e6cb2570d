import { useState, type FormEvent } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { findProvider, type ProviderDescriptor } from '../../../../shared/providers'
import { editFormValues, validateEditForm } from '../../add-account/edit-form'
import { FormField } from '../../add-account/form-field'
import { useFocusFirstInvalid } from '../../add-account/use-focus-first-invalid'
import { BaseUrlField, LabelField, OptionFields, PollIntervalField } from '../../add-account/provider-fields'
import { ExportTemplateButton } from '../../add-account/template-field'
import { SecretInput } from '../../add-account/secret-input'
import type { AccountFormValues, FieldErrors } from '../../add-account/validate-form'
import { errorCode, errorMessage } from '../../bridge'
import { Dialog } from '../../components/dialog'
import { FormActions } from '../../components/form-actions'
import { describeInterval, parseIntervalMinutes } from '../../lib/interval-minutes'
import { useStore } from '../../store'
import './edit-account-dialog.css'

/** The placeholder of a replacement secret's field: empty keeps what the keychain holds. */
const KEEP_IT = 'Leave empty to keep it'

/**
 * Edits an account: label, base URL, provider options, check interval, and (only when typed) a
 * replacement key or secret option. Secrets never come back from main, so their fields start empty.
 */
export function EditAccountDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const descriptor = findProvider(account.provider)
  if (!descriptor) {
    return (
      <Dialog title={`Edit ${account.label}`} onClose={onClose}>
        <p className="form-error" role="alert">
          This version of Coffer does not know the provider “{account.provider}”. Update Coffer to edit this account.
        </p>
      </Dialog>
    )
  }
  return <EditAccountForm account={account} descriptor={descriptor} onClose={onClose} />
}

function EditAccountForm({ account, descriptor, onClose }: { account: AccountView; descriptor: ProviderDescriptor; onClose(): void }) {
  const updateAccount = useStore((state) => state.updateAccount)
  const [values, setValues] = useState<AccountFormValues>(() => editFormValues(account, descriptor))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [attempted, setAttempted] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid()

  const update = (patch: Partial<AccountFormValues>): void => {
    const next = { ...values, ...patch }
    setValues(next)
    setServerError(null)
    // Errors appear after the first Save and then follow every keystroke.
    if (attempted) {
      const check = validateEditForm(next, account, descriptor)
      setErrors(check.ok ? {} : check.errors)
    }
  }

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setAttempted(true)
    const check = validateEditForm(values, account, descriptor)
    if (!check.ok) {
      setErrors(check.errors)
      focusFirstInvalid()
      return
    }
    setErrors({})
    if (!check.changed) return onClose()
    setBusy(true)
    setServerError(null)
    try {
      await updateAccount(account.id, check.changes, check.secrets)
      onClose()
    } catch (error) {
      setBusy(false)
      // A taken label belongs next to the label field.
      if (errorCode(error) === 'conflict') {
        setErrors({ label: errorMessage(error) })
        focusFirstInvalid()
      } else setServerError(errorMessage(error))
    }
  }

  const plainOptions = { ...descriptor, options: descriptor.options.filter((field) => field.kind !== 'secret') }
  const secretOptions = descriptor.options.filter((field) => field.kind === 'secret')
  const interval = parseIntervalMinutes(values.pollIntervalMinutes)
  const groupProps = { values, errors, update }

  return (
    <Dialog
      title={`Edit ${account.label}`}
      onClose={onClose}
      wide
      description={<p>{descriptor.name} account. Its history stays as it is; changes apply from the next check.</p>}
    >
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <LabelField {...groupProps} help="A name you will recognise; each account needs its own." />
        {descriptor.usesBaseUrl !== false ? <BaseUrlField {...groupProps} descriptor={descriptor} /> : null}
        <OptionFields {...groupProps} descriptor={plainOptions} />
        {account.provider === 'custom' ? <ExportTemplateButton name={account.label} options={account.options} /> : null}
        <PollIntervalField
          {...groupProps}
          help={interval.ok ? `Between 1 and 1440 minutes: now ${describeInterval(interval.minutes)}.` : undefined}
        />

        {descriptor.key.kind !== 'none' || secretOptions.length > 0 ? (
          <fieldset className="edit-secrets">
            <legend>Replace secrets</legend>
            <p className="field-help">Leave these empty to keep what your keychain holds. Whatever you type replaces it there.</p>
            {descriptor.key.kind !== 'none' ? (
              <FormField
                label={`New ${lowerFirst(descriptor.key.label.replace(/\s*\(optional\)$/i, ''))}`}
                optional
                error={errors.key}
                help={account.keyHint ? `Saved key: ${account.keyHint}` : 'No key saved.'}
              >
                {(control) => <SecretInput control={control} placeholder={KEEP_IT} value={values.key} onChange={(key) => update({ key })} />}
              </FormField>
            ) : null}
            {secretOptions.map((field) => (
              <FormField
                key={field.key}
                label={`New ${lowerFirst(field.label.replace(/\s*\(optional\)$/i, ''))}`}
                optional
                error={errors[`option.${field.key}`]}
                help={field.help}
              >
                {(control) => (
                  <SecretInput
                    control={control}
                    placeholder={KEEP_IT}
                    value={values.options[field.key] ?? ''}
                    onChange={(value) => update({ options: { ...values.options, [field.key]: value } })}
                  />
                )}
              </FormField>
            ))}
          </fieldset>
        ) : null}

        <FormActions error={serverError} onCancel={onClose} busy={busy} submitLabel="Save changes" />
      </form>
    </Dialog>
  )
}

/** "Management key" → "management key", but "API key" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}
