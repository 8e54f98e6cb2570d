import { describe, expect, it } from 'vitest'
import { validateAccountForm, type AccountFormValues } from '../../../../src/renderer/src/add-account/validate-form'
import { providerDescriptors, providerIds, type ProviderId } from '../../../../src/shared/providers'

const form = (provider: ProviderId, patch: Partial<AccountFormValues> = {}): AccountFormValues => ({
  provider,
  label: 'Mine',
  key: 'sk-0123456789abcdef',
  baseUrl: '',
  pollIntervalMinutes: '15',
  options: {},
  ...patch
})

describe('add-account form per provider', () => {
  it('every provider has a billing page or a billing URL option, and a key kind with help', () => {
    for (const id of providerIds) {
      const d = providerDescriptors[id]
      expect(d.billingUrl ?? d.options.find((o) => o.key === 'billingUrl'), id).toBeTruthy()
      if (d.key.kind !== 'none') expect(d.key.help.length, id).toBeGreaterThan(10)
    }
  })

  it('admin-key providers say so in words', () => {
    expect(providerDescriptors.openai.key.help).toMatch(/sk-admin-/)
    expect(providerDescriptors.anthropic.key.help).toMatch(/sk-ant-admin/)
    expect(providerDescriptors.anthropic.key.help).toMatch(/Individual Anthropic accounts cannot create one/)
    expect(providerDescriptors.xai.key.kind).toBe('management')
  })

  it('providers without options validate with only a key; xAI needs its team id', () => {
    for (const id of ['moonshot', 'moonshot-cn', 'siliconflow', 'siliconflow-cn', 'openai', 'anthropic', 'novita', 'stability', 'elevenlabs', 'fireworks'] as const) {
      expect(validateAccountForm(form(id), providerDescriptors[id]).ok, id).toBe(true)
    }
    const xai = validateAccountForm(form('xai'), providerDescriptors.xai)
    expect(xai.ok).toBe(false)
    if (!xai.ok) expect(xai.errors['option.teamId']).toMatch(/Team ID/)
    expect(validateAccountForm(form('xai', { options: { teamId: 'team-1' } }), providerDescriptors.xai).ok).toBe(true)
  })

  it('manual accounts need no key, no base URL and not even a unit (USD unless told)', () => {
    expect(validateAccountForm(form('manual', { key: '' }), providerDescriptors.manual)).toMatchObject({ ok: true, key: undefined })
    expect(providerDescriptors.manual.options.find((o) => o.key === 'unit')?.default).toBe('USD')
    const ok = validateAccountForm(form('manual', { key: '', options: { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' } }), providerDescriptors.manual)
    expect(ok).toMatchObject({ ok: true, key: undefined, draft: { provider: 'manual', baseUrl: undefined } })
  })

  it('custom accounts are checked as a whole (path syntax)', () => {
    const bad = validateAccountForm(form('custom', { options: { url: 'https://x.test/b', balancePath: 'a..b' } }), providerDescriptors.custom)
    expect(bad.ok).toBe(false)
    expect(validateAccountForm(form('custom', { options: { url: 'https://x.test/b', balancePath: 'data.balance' } }), providerDescriptors.custom).ok).toBe(true)
  })

  it('the OpenRouter management key goes with the draft (to the keychain), and is optional', () => {
    const withKey = validateAccountForm(form('openrouter', { options: { managementKey: ' sk-or-v1-mgmt-0123456789 ' } }), providerDescriptors.openrouter)
    expect(withKey).toMatchObject({ ok: true, draft: { options: { managementKey: 'sk-or-v1-mgmt-0123456789' } } })
    expect(validateAccountForm(form('openrouter'), providerDescriptors.openrouter)).toMatchObject({ ok: true, draft: { options: {} } })
  })
})

describe('options that depend on another option', () => {
  it('the relay preset hides and drops the JSON paths, but keeps unit and scale (a relay may display CNY, tokens or raw quota: issue 13.2)', () => {
    const check = validateAccountForm(
      form('custom', { options: { preset: 'openai-compatible-relay', url: 'https://relay.test', balancePath: 'a..b', usedPath: 'x[', unit: 'CNY', scale: '/500000' } }),
      providerDescriptors.custom
    )
    expect(check).toMatchObject({ ok: true, draft: { options: { preset: 'openai-compatible-relay', url: 'https://relay.test', unit: 'CNY', scale: '/500000' } } })
    if (check.ok) expect(Object.keys(check.draft.options ?? {}).sort()).toEqual(['preset', 'scale', 'unit', 'url'])
    const unitField = providerDescriptors.custom.options.find((field) => field.key === 'unit')
    expect(unitField?.hiddenWhen).toBeUndefined()
    expect(unitField?.help).toMatch(/new-api sends its “usd” figures in CNY or tokens/)
    const bad = validateAccountForm(form('custom', { options: { preset: 'openai-compatible-relay', url: 'https://relay.test', scale: 'x' } }), providerDescriptors.custom)
    expect(bad.ok).toBe(false)
    // The relay software only applies to the relay preset: a JSON endpoint drops it.
    const json = validateAccountForm(form('custom', { options: { preset: 'json', url: 'https://a.test', balancePath: 'b', relayFlavor: 'one-api' } }), providerDescriptors.custom)
    expect(json.ok).toBe(true)
    if (json.ok) expect(json.draft.options?.relayFlavor).toBeUndefined()
    const oneApi = validateAccountForm(form('custom', { options: { preset: 'openai-compatible-relay', url: 'https://relay.test', relayFlavor: 'one-api' } }), providerDescriptors.custom)
    expect(oneApi).toMatchObject({ ok: true, draft: { options: { relayFlavor: 'one-api' } } })
  })
})
