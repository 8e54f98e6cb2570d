import { accountDraftSchema, apiKeySchema, type AccountDraft } from '../../../shared/contract'
import { optionApplies, type ProviderDescriptor, type ProviderId, type ProviderOptionField } from '../../../shared/providers'

/** What the add-account form holds while the user types. The key never leaves the form's state. */
export interface AccountFormValues {
  provider: ProviderId
  label: string
  key: string
  baseUrl: string
  pollIntervalMinutes: string
  options: Record<string, string>
}

/** Field name → message. Option fields are `option.<key>`; `options` is a cross-option problem. */
export type FieldErrors = Record<string, string>

/** The outcome of {@link validateAccountForm}: a draft ready for the bridge, or errors to show. */
export type FormCheck =
  | { ok: true; draft: AccountDraft; key: string | undefined }
  | { ok: false; errors: FieldErrors }

/**
 * Whether the form must have this option. Beyond the descriptor's own `required`: a provider whose
 * address lives in an option (`usesBaseUrl: false`, the custom endpoint's "URL") cannot work
 * without it, and the form shows no base URL that could stand in (the CLI's `--base-url` can, so
 * the descriptor leaves it optional). Labelled "(optional)" it misled people (issue 14.7).
 */
export function optionRequiredInForm(field: ProviderOptionField, descriptor: ProviderDescriptor): boolean {
  if (field.required) return true
  if (descriptor.usesBaseUrl === false && field.kind === 'url' && field.key === 'url') return true
  // A custom JSON endpoint needs the path to its balance (validateCustomOptions says so); the
  // field is hidden for a relay, whose paths are known.
  return descriptor.id === 'custom' && field.key === 'balancePath'
}

/**
 * The option a cross-option problem is about, found by the field's label in the message ("Enter
 * the URL Coffer should ask…" → `url`), longest label first so "Value of one unit" wins over
 * "Unit"; `null` when it names none. The error then shows under that field and takes the focus,
 * instead of at the bottom of the form.
 */
export function fieldOfProblem(message: string, fields: readonly ProviderOptionField[]): string | null {
  const text = message.toLowerCase()
  const byLength = [...fields].sort((a, b) => b.label.length - a.label.length)
  return byLength.find((field) => new RegExp(`(^|[^a-z])${escapeRegExp(field.label.toLowerCase())}([^a-z]|$)`).test(text))?.key ?? null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Checks the form with the contract's own schemas (the server checks again) plus the descriptor's
 * option rules, and builds the request. Messages come from the schemas, so both sides agree.
 */
export function validateAccountForm(values: AccountFormValues, descriptor: ProviderDescriptor): FormCheck {
  const errors: FieldErrors = {}
  const options: Record<string, string> = {}
  for (const field of descriptor.options) {
    if (!optionApplies(field, values.options)) continue
    const value = (values.options[field.key] ?? '').trim()
    // Secret options (OpenRouter's management key) travel like the key: core puts them in the
    // keychain (slot = option key) and never stores them with the account's options.
    if (field.kind === 'secret') {
      if (value) options[field.key] = value
      continue
    }
    if (!value) {
      if (optionRequiredInForm(field, descriptor)) errors[`option.${field.key}`] = `${field.label} is required.`
      continue
    }
    if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(value)) {
      errors[`option.${field.key}`] = `That does not look like a valid ${field.label.toLowerCase()}.`
    }
    options[field.key] = value
  }

  const intervalText = values.pollIntervalMinutes.trim()
  const interval = intervalText === '' ? undefined : Number(intervalText)
  if (interval !== undefined && !(Number.isInteger(interval) && interval >= 1 && interval <= 1440)) {
    errors.pollIntervalMinutes = 'Enter whole minutes between 1 and 1440.'
  } else if (interval !== undefined && descriptor.minPollIntervalMinutes !== undefined && interval < descriptor.minPollIntervalMinutes) {
    // Each request is billed by the provider (AWS Cost Explorer: $0.01); core refuses it too.
    errors.pollIntervalMinutes = `At least ${descriptor.minPollIntervalMinutes} minutes: each check is billed by the provider.`
  }

  if (descriptor.validateOptions && Object.keys(errors).length === 0) {
    const plain = Object.fromEntries(Object.entries(options).filter(([key]) => descriptor.options.find((f) => f.key === key)?.kind !== 'secret'))
    const problem = descriptor.validateOptions(plain)
    if (problem) {
      const applicable = descriptor.options.filter((field) => field.kind !== 'secret' && optionApplies(field, values.options))
      const key = fieldOfProblem(problem, applicable)
      errors[key ? `option.${key}` : 'options'] = problem
    }
  }

  const usesBaseUrl = descriptor.usesBaseUrl !== false
  const baseUrl = usesBaseUrl ? values.baseUrl.trim() : ''
  if (usesBaseUrl && !baseUrl && descriptor.defaultBaseUrl === null) errors.baseUrl = 'This provider needs a base URL.'
  const draft = {
    provider: values.provider,
    label: values.label,
    baseUrl: baseUrl || undefined,
    options,
    pollIntervalMinutes: errors.pollIntervalMinutes ? undefined : interval
  }
  const parsed = accountDraftSchema.safeParse(draft)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, second] = issue.path
      const name = head === 'options' && typeof second === 'string' ? `option.${second}` : String(head ?? 'form')
      errors[name] ??= issue.message
    }
  }

  const key = values.key.trim()
  if (descriptor.key.kind !== 'none' && (key || descriptor.key.required)) {
    if (!key) errors.key = `Paste your ${descriptor.key.label}.`
    else {
      const keyCheck = apiKeySchema.safeParse(key)
      if (!keyCheck.success) errors.key = keyCheck.error.issues[0]?.message ?? 'That key is not valid.'
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, draft, key: key || undefined }
}
