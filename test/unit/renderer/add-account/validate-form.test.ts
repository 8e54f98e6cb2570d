import { describe, expect, it } from 'vitest'
import { fieldOfProblem, optionRequiredInForm, validateAccountForm, type AccountFormValues } from '../../../../src/renderer/src/add-account/validate-form'
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

  it('refuses a poll interval under the provider’s minimum (AWS Cost Explorer bills each request)', () => {
    const aws = { ...valid, provider: 'aws-bedrock' as const, key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', options: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' } }
    const tooOften = validateAccountForm({ ...aws, pollIntervalMinutes: '60' }, providerDescriptors['aws-bedrock'])
    expect(tooOften.ok ? '' : tooOften.errors.pollIntervalMinutes).toBe('At least 360 minutes: each check is billed by the provider.')
    expect(validateAccountForm({ ...aws, pollIntervalMinutes: '360' }, providerDescriptors['aws-bedrock']).ok).toBe(true)
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

describe('the custom endpoint’s URL (issue 14.7)', () => {
  const custom: AccountFormValues = { ...valid, provider: 'custom', key: '', options: { balancePath: 'data.balance' } }
  const urlField = providerDescriptors.custom.options.find((field) => field.key === 'url')

  it('is required in the form, where no base URL can stand in, and says so under the field', () => {
    expect(urlField && optionRequiredInForm(urlField, providerDescriptors.custom)).toBe(true)
    // So is the JSON path to the balance (a relay hides the field: its paths are known).
    const pathField = providerDescriptors.custom.options.find((field) => field.key === 'balancePath')
    expect(pathField && optionRequiredInForm(pathField, providerDescriptors.custom)).toBe(true)
    const check = validateAccountForm(custom, providerDescriptors.custom)
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors).toEqual({ 'option.url': 'URL is required.' })
  })

  it('a problem the cross-option check finds shows under the field it names, not at the bottom', () => {
    const http = validateAccountForm({ ...custom, options: { ...custom.options, url: 'http://example.com/balance' } }, providerDescriptors.custom)
    expect(http.ok).toBe(false)
    if (http.ok) return
    expect(Object.keys(http.errors)).toEqual(['option.url'])
    expect(http.errors['option.url']).toMatch(/^“URL”: /)

    const noPath = validateAccountForm({ ...custom, options: { url: 'https://example.com/balance' } }, providerDescriptors.custom)
    expect(noPath.ok).toBe(false)
    if (noPath.ok) return
    expect(noPath.errors).toEqual({ 'option.balancePath': 'JSON path to the balance is required.' })
  })

  it('matches the longest label a message names, and whole words only', () => {
    const fields = providerDescriptors.custom.options
    expect(fieldOfProblem('The value of one unit must be a positive decimal, e.g. 0.01 (GPTBots: 100 credits = $1).', fields)).toBe('creditValue')
    expect(fieldOfProblem('Scale “x” is not valid: use a power of ten such as -2 (cents) or a divisor such as /500000.', fields)).toBe('scale')
    expect(fieldOfProblem('Something about nothing in particular.', fields)).toBeNull()
    // "unit" inside "units" is not the Unit field.
    expect(fieldOfProblem('Several units disagree.', fields)).toBeNull()
  })

  it('other providers’ optional options stay optional', () => {
    for (const descriptor of Object.values(providerDescriptors)) {
      if (descriptor.id === 'custom') continue
      for (const field of descriptor.options) expect(optionRequiredInForm(field, descriptor), `${descriptor.id}.${field.key}`).toBe(field.required)
    }
  })
})
