import { describe, expect, it } from 'vitest'
import { validateAccountForm, type AccountFormValues } from '../../../../src/renderer/src/add-account/validate-form'
import { providerDescriptors } from '../../../../src/shared/providers'

const valid: AccountFormValues = {
  provider: 'deepseek',
  label: '  Personal ',
  key: ' sk-1234567890abcdef ',
  baseUrl: '',
  pollIntervalMinutes: '15',
  options: {}
}

describe('validateAccountForm', () => {
  it('builds the draft the contract expects, trimming the key and leaving the default base URL out', () => {
    const check = validateAccountForm(valid, providerDescriptors.deepseek)
    expect(check).toEqual({
      ok: true,
      draft: { provider: 'deepseek', label: '  Personal ', baseUrl: undefined, options: {}, pollIntervalMinutes: 15 },
      key: 'sk-1234567890abcdef'
    })
  })

  it('shows the contract schemas’ own messages next to the fields', () => {
    const check = validateAccountForm(
      { ...valid, label: 'acc_x', key: 'short', baseUrl: 'ftp://example.com', pollIntervalMinutes: '0' },
      providerDescriptors.deepseek
    )
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors).toEqual({
      label: 'Labels cannot start with "acc_" (reserved for ids).',
      key: 'That key looks too short: paste the whole key.',
      baseUrl: 'Only https:// base URLs are allowed (http:// only to this machine).',
      pollIntervalMinutes: 'Enter whole minutes between 1 and 1440.'
    })
  })

  it('asks for the key when the provider requires one', () => {
    const check = validateAccountForm({ ...valid, key: '   ' }, providerDescriptors.openrouter)
    expect(check).toEqual({ ok: false, errors: { key: 'Paste your API key.' } })
  })

  it('accepts an empty poll interval (server default) and a base URL override without its trailing slash', () => {
    const check = validateAccountForm({ ...valid, pollIntervalMinutes: ' ', baseUrl: 'https://relay.example.com/v1/' }, providerDescriptors.deepseek)
    expect(check).toMatchObject({ ok: true, draft: { baseUrl: 'https://relay.example.com/v1/', pollIntervalMinutes: undefined } })
  })
})
