import { baseUrlSchema, type AccountView, type Req } from '../../../shared/contract'
import type { ProviderDescriptor, ProviderId } from '../../../shared/providers'
import { parseIntervalMinutes } from '../lib/interval-minutes'
import { validateAccountForm, type AccountFormValues, type FieldErrors } from './validate-form'

/** The fields of `accounts:update` besides the id: only those that changed are present. */
export type AccountChanges = Omit<Req<'accounts:update'>, 'id'>

/** Secrets typed into the edit form: each travels only when filled, straight to the keychain. */
export interface EditSecrets {
  /** A replacement for the account's key (`accounts:set-key`). */
  key?: string
  /** Replacements for secret options (OpenRouter's management key), by option key. */
  options: Record<string, string>
}

/** The outcome of {@link validateEditForm}. */
export type EditCheck =
  | {
      ok: true
      changes: AccountChanges
      secrets: EditSecrets
      /** False when nothing differs from the saved account and no secret was typed. */
      changed: boolean
    }
  | { ok: false; errors: FieldErrors }

/**
 * The edit form's starting values for `account`: the saved label, options and interval; the base
 * URL only when it overrides the provider's default (empty = default); the key and secret options
 * empty, because secrets never come back from main (typing one replaces it).
 */
export function editFormValues(account: AccountView, descriptor: ProviderDescriptor): AccountFormValues {
  const options: Record<string, string> = {}
  for (const field of descriptor.options) {
    options[field.key] = field.kind === 'secret' ? '' : (account.options[field.key] ?? '')
  }
  return {
    provider: account.provider as ProviderId,
    label: account.label,
    key: '',
    baseUrl: account.baseUrlOverridden ? (account.baseUrl ?? '') : '',
    pollIntervalMinutes: String(account.pollIntervalMinutes),
    options
  }
}

/**
 * Checks the edit form with the add form's rules (the contract's zod schemas and the descriptor's
 * option rules), except that the key is optional (empty keeps the stored one) and the interval is
 * required. Builds the smallest `accounts:update`: only what changed, with the whole set of plain
 * options when any changed (the server replaces them as a whole).
 */
export function validateEditForm(values: AccountFormValues, account: AccountView, descriptor: ProviderDescriptor): EditCheck {
  const optionalKey = { ...descriptor, key: { ...descriptor.key, required: false } }
  const check = validateAccountForm(values, optionalKey)
  const errors: FieldErrors = check.ok ? {} : { ...check.errors }
  const interval = parseIntervalMinutes(values.pollIntervalMinutes)
  if (!interval.ok) errors.pollIntervalMinutes = interval.error
  if (!check.ok || !interval.ok) return { ok: false, errors }

  const { draft } = check
  const changes: AccountChanges = {}
  const label = draft.label.trim()
  if (label !== account.label) changes.label = label

  if (descriptor.usesBaseUrl !== false) {
    // Compare what the server would store: the schema trims and drops trailing slashes.
    const wanted = draft.baseUrl === undefined ? null : baseUrlSchema.parse(draft.baseUrl)
    const saved = account.baseUrlOverridden ? account.baseUrl : null
    if (wanted !== saved) changes.baseUrl = wanted
  }

  const plain: Record<string, string> = {}
  const secretOptions: Record<string, string> = {}
  for (const field of descriptor.options) {
    const value = draft.options?.[field.key]
    if (value === undefined) continue
    if (field.kind === 'secret') secretOptions[field.key] = value
    else plain[field.key] = value
  }
  if (!sameOptions(plain, account.options)) changes.options = plain

  if (interval.minutes !== account.pollIntervalMinutes) changes.pollIntervalMinutes = interval.minutes

  const secrets: EditSecrets = { options: secretOptions }
  if (check.key !== undefined) secrets.key = check.key
  const changed = Object.keys(changes).length > 0 || secrets.key !== undefined || Object.keys(secretOptions).length > 0
  return { ok: true, changes, secrets, changed }
}

/**
 * Whether the plain options typed equal the saved ones. An option left empty matches a saved
 * default only through the server, so an empty field against a saved value counts as a change.
 */
function sameOptions(typed: Record<string, string>, saved: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(typed), ...Object.keys(saved)])
  for (const key of keys) if ((typed[key] ?? '') !== (saved[key] ?? '')) return false
  return true
}
