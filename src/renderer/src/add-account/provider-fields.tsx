import { optionApplies, type ProviderDescriptor } from '../../../shared/providers'
import { ExternalLink } from '../components/external-link'
import { FormField } from './form-field'
import { SecretInput } from './secret-input'
import { optionRequiredInForm, type AccountFormValues, type FieldErrors } from './validate-form'

/** Props shared by the field groups of the add-account form. */
export interface FieldGroupProps {
  values: AccountFormValues
  errors: FieldErrors
  descriptor: ProviderDescriptor
  update(patch: Partial<AccountFormValues>): void
}

/** The account's label (1–80 characters, unique); the add and edit forms differ in help and placeholder. */
export function LabelField({
  values,
  errors,
  update,
  help,
  placeholder
}: Omit<FieldGroupProps, 'descriptor'> & { help: string; placeholder?: string }) {
  return (
    <FormField label="Label" error={errors.label} help={help}>
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete="off"
          maxLength={80}
          placeholder={placeholder}
          value={values.label}
          onChange={(event) => update({ label: event.target.value })}
        />
      )}
    </FormField>
  )
}

/** The key input, with where to create one. A password field: never shown, never autofilled. */
export function KeyField({ values, errors, descriptor, update }: FieldGroupProps) {
  if (descriptor.key.kind === 'none') return null
  return (
    <FormField
      label={descriptor.key.label}
      optional={!descriptor.key.required}
      error={errors.key}
      help={
        <>
          {descriptor.key.help}{' '}
          <ExternalLink href={descriptor.key.createUrl} className="inline-link">
            Create a key ↗
          </ExternalLink>
          <br />
          Stored in your system keychain, never in Coffer’s files.
          {descriptor.key.kind === 'admin' || descriptor.key.kind === 'management' ? (
            <>
              <br />
              <strong>An organization-level key:</strong> it could also create or revoke keys. Coffer only reads
              billing figures with it.
            </>
          ) : null}
        </>
      }
    >
      {(control) => (
        <SecretInput control={control} placeholder={descriptor.key.placeholder} value={values.key} onChange={(key) => update({ key })} />
      )}
    </FormField>
  )
}

/** Extra settings the provider needs (team id, site…), from its descriptor. */
export function OptionFields({ values, errors, descriptor, update }: FieldGroupProps) {
  const fields = descriptor.options
    .filter((field) => optionApplies(field, values.options))
    .map((field) => {
      const setValue = (value: string): void => update({ options: { ...values.options, [field.key]: value } })
      const value = values.options[field.key] ?? ''
      return (
        <FormField key={field.key} label={field.label} optional={!optionRequiredInForm(field, descriptor)} help={field.help} error={errors[`option.${field.key}`]}>
          {(control) =>
            field.kind === 'select' ? (
              <select {...control} value={value} onChange={(event) => setValue(event.target.value)}>
                <option value="">Choose…</option>
                {field.choices?.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            ) : field.kind === 'secret' ? (
              <SecretInput control={control} value={value} onChange={setValue} />
            ) : (
              <input
                {...control}
                type={field.kind === 'url' ? 'url' : 'text'}
                placeholder={field.placeholder}
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            )
          }
        </FormField>
      )
    })
  return (
    <>
      {fields}
      {errors.options ? (
        <p className="form-error" role="alert">
          {errors.options}
        </p>
      ) : null}
    </>
  )
}

/** Base URL override and poll interval, folded away by default. */
export function AdvancedFields({ values, errors, descriptor, update }: FieldGroupProps) {
  const usesBaseUrl = descriptor.usesBaseUrl !== false
  const open = Boolean(errors.baseUrl || errors.pollIntervalMinutes || (usesBaseUrl && descriptor.defaultBaseUrl === null))
  return (
    <details className="advanced" open={open || undefined}>
      <summary>Advanced</summary>
      {usesBaseUrl ? <BaseUrlField values={values} errors={errors} descriptor={descriptor} update={update} /> : null}
      <PollIntervalField values={values} errors={errors} update={update} />
    </details>
  )
}

/** Props of {@link PollIntervalField}: the field groups' props without the descriptor, plus its help. */
export interface PollIntervalFieldProps extends Omit<FieldGroupProps, 'descriptor'> {
  /** Replaces the plain range hint, e.g. to say what the typed value means. */
  help?: string
}

/** "Check every (minutes)": how often Coffer polls the account, 1 to 1440. Shared by the add and edit forms. */
export function PollIntervalField({ values, errors, update, help = 'Between 1 and 1440 minutes.' }: PollIntervalFieldProps) {
  return (
    <FormField label="Check every (minutes)" error={errors.pollIntervalMinutes} help={help}>
      {(control) => (
        <input
          {...control}
          type="number"
          min={1}
          max={1440}
          step={1}
          className="input-narrow"
          value={values.pollIntervalMinutes}
          onChange={(event) => update({ pollIntervalMinutes: event.target.value })}
        />
      )}
    </FormField>
  )
}

/** The base URL override: empty uses the provider's default, which the help text names. */
export function BaseUrlField({ values, errors, descriptor, update }: FieldGroupProps) {
  return (
    <FormField
      label="Base URL"
      optional={descriptor.defaultBaseUrl !== null}
      error={errors.baseUrl}
      help={
        descriptor.defaultBaseUrl
          ? `Leave empty to use ${descriptor.defaultBaseUrl}. Set it for a proxy or relay.`
          : 'This provider has no default address: enter yours.'
      }
    >
      {(control) => (
        <input
          {...control}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder={descriptor.defaultBaseUrl ?? 'https://'}
          value={values.baseUrl}
          onChange={(event) => update({ baseUrl: event.target.value })}
        />
      )}
    </FormField>
  )
}
