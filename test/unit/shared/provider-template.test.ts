import { describe, expect, it } from 'vitest'
import { bundledTemplates } from '../../../src/shared/bundled-templates'
import {
  credentialInUrl,
  parseProviderTemplate,
  templateFileName,
  templateFileText,
  templateFromOptions,
  type ProviderTemplate
} from '../../../src/shared/provider-template'

const base = { kind: 'coffer-provider-template', version: 1, name: 'My relay', provider: 'custom' }
const parse = (value: unknown) => parseProviderTemplate(typeof value === 'string' ? value : JSON.stringify(value))

describe('provider templates: a custom account’s settings, never its key', () => {
  it('round-trips: options → file text → the same template, empty settings left out', () => {
    const template = templateFromOptions('New-API (CNY)', { preset: 'openai-compatible-relay', url: 'https://relay.example.com', unit: 'CNY', scale: '', balancePath: '' })
    expect(template).toEqual({
      kind: 'coffer-provider-template',
      version: 1,
      name: 'New-API (CNY)',
      provider: 'custom',
      options: { preset: 'openai-compatible-relay', url: 'https://relay.example.com', unit: 'CNY' }
    })
    const text = templateFileText(template)
    expect(text.endsWith('}\n')).toBe(true)
    expect(parse(text)).toEqual({ ok: true, template })
    expect(templateFileName(template)).toBe('new-api-cny.coffer-template.json')
  })

  it('an export never carries a secret option or anything that is not a custom setting', () => {
    const template = templateFromOptions('x', { url: 'https://a.example/b', balancePath: 'data.balance', managementKey: 'sk-or-v1-secret', key: 'sk-live-1' } as Record<string, string>)
    expect(Object.keys(template.options).sort()).toEqual(['balancePath', 'url'])
    expect(JSON.stringify(template)).not.toMatch(/sk-/)
  })

  it('refuses a field that looks like a credential, without quoting its value', () => {
    for (const name of ['key', 'apiKey', 'token', 'authorization', 'password', 'sessionCookie']) {
      const result = parse({ ...base, options: { url: 'https://a.example/b', balancePath: 'x', [name]: 'sk-ant-api03-SECRETSECRET' } })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.message).toMatch(/looks like a credential: a template never carries a key or token/)
        expect(result.message).not.toContain('SECRET')
      }
    }
    const top = parse({ ...base, apiKey: 'sk-123', options: {} })
    expect(top).toEqual({ ok: false, message: 'This template cannot be used: the file: unknown field “apiKey”.' })
  })

  it('refuses a URL with a credential in its query', () => {
    expect(credentialInUrl('https://api.example.com/balance?api_key=sk-1&x=2')).toMatch(/“api_key”/)
    expect(credentialInUrl('https://api.example.com/balance?currency=usd')).toBeNull()
    const result = parse({ ...base, options: { url: 'https://api.example.com/balance?token=abc', balancePath: 'x' } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).not.toContain('abc')
  })

  it('says what is wrong with a file that is not a template, in a sentence', () => {
    expect(parse('not json')).toEqual({ ok: false, message: 'This file is not JSON, so it is not a Coffer template.' })
    expect(parse({ name: 'x' })).toEqual({ ok: false, message: 'This is not a Coffer provider template (its "kind" is not "coffer-provider-template").' })
    expect(parse({ ...base, version: 2, options: {} })).toMatchObject({ ok: false, message: expect.stringMatching(/^This template cannot be used: version: /) })
    expect(parse({ ...base, provider: 'openai', options: {} })).toMatchObject({ ok: false, message: expect.stringMatching(/provider/) })
    expect(parse({ ...base, options: { unknownThing: 'x' } })).toMatchObject({ ok: false, message: expect.stringMatching(/“unknownThing” is not a setting of a custom account/) })
    expect(parse({ ...base, options: { preset: 'json', url: 'https://a.example' } })).toMatchObject({ ok: false, message: expect.stringMatching(/JSON path to the balance/) })
    expect(parse({ ...base, options: { preset: 'soap' } })).toMatchObject({ ok: false, message: expect.stringMatching(/must be one of json, openai-compatible-relay/) })
    expect(parse({ ...base, options: { preset: 'openai-compatible-relay', scale: '/0' } })).toMatchObject({ ok: false, message: expect.stringMatching(/Scale/) })
    expect(parse('x'.repeat(70_000))).toMatchObject({ ok: false, message: expect.stringMatching(/larger than a template can be/) })
  })

  it('a relay template may leave the URL for the importer to fill in', () => {
    expect(parse({ ...base, options: { preset: 'openai-compatible-relay', unit: 'CNY' } })).toMatchObject({ ok: true })
  })

  it('every bundled template is valid, has a documented source, and carries no key', () => {
    const bundled = bundledTemplates()
    expect(bundled.map((b) => b.id)).toEqual(['new-api-relay-usd', 'new-api-relay-cny', 'one-api-relay-raw-quota', 'stepfun', 'ollama-cloud'])
    for (const { template } of bundled) {
      expect(template.source).toMatch(/^https:\/\//)
      expect(template.provider).toBe('custom')
    }
    const byId = Object.fromEntries(bundled.map((b) => [b.id, b.template])) as Record<string, ProviderTemplate>
    expect(byId['one-api-relay-raw-quota']?.options).toEqual({ preset: 'openai-compatible-relay', unit: 'USD', scale: '/500000', relayFlavor: 'one-api' })
    expect(byId.stepfun?.options).toMatchObject({ url: 'https://api.stepfun.com/v1/accounts', balancePath: 'balance', unit: 'CNY' })
  })
})
