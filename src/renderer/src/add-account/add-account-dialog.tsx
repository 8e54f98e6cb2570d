import type { FormEvent } from 'react'
import { providerDescriptors, providerIds, type ProviderId } from '../../../shared/providers'
import { Dialog } from '../components/dialog'
import { ExternalLink } from '../components/external-link'
import { Spinner } from '../components/spinner'
import { FormField } from './form-field'
import { useFocusFirstInvalid } from './use-focus-first-invalid'
import { AdvancedFields, KeyField, LabelField, OptionFields } from './provider-fields'
import { TemplateField } from './template-field'
import { TestResult } from './test-result'
import { useAccountForm } from './use-account-form'

/** The add-account form in a modal dialog. Saves, closes, and the new card starts polling. */
export function AddAccountDialog({ onClose }: { onClose(): void }) {
  const form = useAccountForm()
  const { values, errors, descriptor, busy } = form
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid()
  const groupProps = { values, errors, descriptor, update: form.update }

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const { check, saved } = await form.submit()
    if (!check.ok) focusFirstInvalid()
    if (saved) onClose()
  }
  const onTest = async (): Promise<void> => {
    const check = await form.test()
    if (!check.ok) focusFirstInvalid()
  }

  return (
    <Dialog title="Add an account" onClose={onClose} wide>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormField
          label="Provider"
          help={
            <>
              {descriptor.note}{' '}
              {descriptor.billingUrl ? (
                <ExternalLink href={descriptor.billingUrl} className="inline-link">
                  Billing page ↗
                </ExternalLink>
              ) : null}
            </>
          }
        >
          {(control) => (
            <select
              {...control}
              value={values.provider}
              onChange={(event) => form.update({ provider: event.target.value as ProviderId })}
            >
              {providerIds.map((id) => (
                <option key={id} value={id}>
                  {providerDescriptors[id].name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {values.provider === 'custom' ? <TemplateField values={values} update={form.update} /> : null}
        <LabelField {...groupProps} help="A name you will recognise, such as “Personal” or “Work team”." placeholder="e.g. Personal" />
        <KeyField {...groupProps} />
        <OptionFields {...groupProps} />
        <AdvancedFields {...groupProps} />

        {form.testResult ? <TestResult report={form.testResult} /> : null}
        {form.serverError ? (
          <p className="form-error" role="alert">
            {form.serverError}
          </p>
        ) : null}

        <div className="dialog-actions">
          {descriptor.key.kind !== 'none' ? (
            <button type="button" className="button" disabled={busy !== null} onClick={() => void onTest()}>
              {busy === 'test' ? <Spinner /> : null}
              Test connection
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'add' ? <Spinner /> : null}
            Add
          </button>
        </div>
      </form>
    </Dialog>
  )
}
