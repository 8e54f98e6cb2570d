import { describe, expect, it } from 'vitest'
import type { AccountView } from '../../../../src/shared/contract'
import { editFormValues, validateEditForm } from '../../../../src/renderer/src/add-account/edit-form'
import { providerDescriptors } from '../../../../src/shared/providers'

function account(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc_abcdefghij',
    provider: 'openrouter',
    label: 'Personal',
    baseUrl: 'https://openrouter.ai',
    baseUrlOverridden: false,
    options: {},
    pollIntervalMinutes: 15,
    hasKey: true,
    keyHint: 'sk-or…f00d',
    status: 'ok',
    stale: false,
    polling: false,
    lastPolledAt: null,
    lastSuccessAt: null,
    error: null,
    balances: [],
    spend: null,
    runwayDays: null,
    billingUrl: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides
  }
}

const openrouter = providerDescriptors.openrouter
const manual = providerDescriptors.manual

describe('editFormValues', () => {
  it('starts from the saved account, with the default base URL left empty and secrets empty', () => {
    expect(editFormValues(account(), openrouter)).toEqual({
      provider: 'openrouter',
      label: 'Personal',
      key: '',
      baseUrl: '',
      pollIntervalMinutes: '15',
      options: { managementKey: '' }
    })
  })

  it('shows an overriding base URL and the saved plain options', () => {
    const saved = account({ provider: 'manual', baseUrl: null, options: { unit: 'credits', plan: 'Pro' }, pollIntervalMinutes: 1440 })
    expect(editFormValues(saved, manual).options).toEqual({ unit: 'credits', creditValue: '', creditValueCurrency: '', plan: 'Pro', notes: '', billingUrl: '' })
    const relay = account({ baseUrl: 'https://relay.example.com', baseUrlOverridden: true })
    expect(editFormValues(relay, openrouter).baseUrl).toBe('https://relay.example.com')
  })
})

describe('validateEditForm', () => {
  it('reports no change when the form is saved untouched', () => {
    const saved = account()
    expect(validateEditForm(editFormValues(saved, openrouter), saved, openrouter)).toEqual({ ok: true, changes: {}, secrets: { options: {} }, changed: false })
  })

  it('sends only what changed: a trimmed label and a new interval', () => {
    const saved = account()
    const values = { ...editFormValues(saved, openrouter), label: '  Work  ', pollIntervalMinutes: '60' }
    expect(validateEditForm(values, saved, openrouter)).toEqual({
      ok: true,
      changes: { label: 'Work', pollIntervalMinutes: 60 },
      secrets: { options: {} },
      changed: true
    })
  })

  it('sends a base URL override without its trailing slash, and null to go back to the default', () => {
    const saved = account()
    const relay = validateEditForm({ ...editFormValues(saved, openrouter), baseUrl: ' https://relay.example.com/ ' }, saved, openrouter)
    expect(relay).toMatchObject({ ok: true, changes: { baseUrl: 'https://relay.example.com' } })

    const overridden = account({ baseUrl: 'https://relay.example.com', baseUrlOverridden: true })
    const same = validateEditForm({ ...editFormValues(overridden, openrouter), baseUrl: 'https://relay.example.com/' }, overridden, openrouter)
    expect(same).toMatchObject({ ok: true, changed: false })
    const back = validateEditForm({ ...editFormValues(overridden, openrouter), baseUrl: '' }, overridden, openrouter)
    expect(back).toMatchObject({ ok: true, changes: { baseUrl: null } })
  })

  it('keeps the key and secret options out of the changes: they travel only when typed', () => {
    const saved = account()
    const values = { ...editFormValues(saved, openrouter), key: ' sk-or-v1-new0123456789 ', options: { managementKey: 'sk-or-v1-mgmt0123456789' } }
    expect(validateEditForm(values, saved, openrouter)).toEqual({
      ok: true,
      changes: {},
      secrets: { key: 'sk-or-v1-new0123456789', options: { managementKey: 'sk-or-v1-mgmt0123456789' } },
      changed: true
    })
  })

  it('sends the whole set of plain options when one changed (the server replaces them)', () => {
    const saved = account({ provider: 'manual', baseUrl: null, options: { unit: 'USD', plan: 'Plus' }, pollIntervalMinutes: 1440 })
    const values = editFormValues(saved, manual)
    const check = validateEditForm({ ...values, options: { ...values.options, plan: 'Pro' } }, saved, manual)
    expect(check).toEqual({ ok: true, changes: { options: { unit: 'USD', plan: 'Pro' } }, secrets: { options: {} }, changed: true })
  })

  it('shows the contract’s messages inline, requires an interval and checks a typed key', () => {
    const saved = account()
    const values = { ...editFormValues(saved, openrouter), label: ' ', baseUrl: 'ftp://x.example', pollIntervalMinutes: '', key: 'short' }
    expect(validateEditForm(values, saved, openrouter)).toEqual({
      ok: false,
      errors: {
        label: 'Give the account a label.',
        baseUrl: 'Only https:// base URLs are allowed (http:// only to this machine).',
        pollIntervalMinutes: 'Enter whole minutes between 1 and 1440.',
        key: 'That key looks too short: paste the whole key.'
      }
    })
  })

  it('applies the provider’s option rules (a manual account’s unit pattern)', () => {
    const saved = account({ provider: 'manual', baseUrl: null, options: { unit: 'USD' }, pollIntervalMinutes: 1440 })
    const values = editFormValues(saved, manual)
    const check = validateEditForm({ ...values, options: { ...values.options, unit: 'not a unit!' } }, saved, manual)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(Object.keys(check.errors)).toEqual(['option.unit'])
  })
})
