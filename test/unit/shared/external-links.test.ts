import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, providerLinkHosts } from '../../../src/shared/external-links'

describe('isAllowedExternalUrl', () => {
  it('opens the providers’ billing and key pages', () => {
    expect(isAllowedExternalUrl('https://openrouter.ai/settings/credits')).toBe(true)
    expect(isAllowedExternalUrl('https://platform.deepseek.com/top_up')).toBe(true)
    expect(isAllowedExternalUrl('https://OPENROUTER.AI/settings/credits')).toBe(true) // hosts are case-insensitive
    expect(isAllowedExternalUrl('https://openrouter.ai/settings/credits?tab=1#top')).toBe(true)
  })

  it('opens the billing pages of the providers added in issue 13 (the allowlist comes from their descriptors)', () => {
    for (const url of [
      'https://fal.ai/dashboard/billing',
      'https://vercel.com/d?to=%2F%5Bteam%5D%2F%7E%2Fai-gateway',
      'https://venice.ai/settings/api',
      'https://console.deepgram.com',
      'https://poe.com/api_key',
      'https://dev.runwayml.com',
      'https://deepinfra.com/dash/billing',
      'https://github.com/settings/billing',
      'https://console.aws.amazon.com/cost-management/home#/cost-explorer',
      'https://portal.azure.com/#view/Microsoft_Azure_CostManagement/Menu/~/costanalysis'
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(true)
    }
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: disguised with a tab', 'java\tscript:alert(1)'],
    ['javascript: with a host-like comment', 'javascript://openrouter.ai/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['plain http', 'http://openrouter.ai/settings/credits'],
    ['protocol-relative', '//openrouter.ai/settings/credits'],
    ['a look-alike suffix', 'https://openrouter.ai.evil.com/settings/credits'],
    ['the host in the path', 'https://evil.com/openrouter.ai'],
    ['the host in the query', 'https://evil.com/?next=https://openrouter.ai'],
    ['userinfo', 'https://openrouter.ai@evil.com/'],
    ['userinfo with password', 'https://openrouter.ai:pw@evil.com/'],
    ['credentials on an allowed host', 'https://user:pw@openrouter.ai/'],
    ['a subdomain', 'https://evil.openrouter.ai/'],
    ['a prefix look-alike', 'https://myopenrouter.ai/'],
    ['a trailing dot', 'https://openrouter.ai./settings/credits'],
    ['an explicit port', 'https://openrouter.ai:8443/settings/credits'],
    ['a Cyrillic “о” (IDN homograph)', 'https://\u043epenrouter.ai/'],
    ['punycode of the homograph', 'https://xn--penrouter-7hg.ai/'],
    ['fullwidth letters', 'https://\uff4fpenrouter.ai/'],
    ['leading whitespace', ' https://openrouter.ai/'],
    ['an embedded newline', 'https://openrouter.ai/\nsettings'],
    ['a backslash trick', 'https://evil.com\\@openrouter.ai/'],
    ['a zero-width space', 'https://openrouter.ai\u200b.evil.com/'],
    ['empty', ''],
    ['not a URL', 'openrouter.ai/settings/credits'],
    ['an IP address', 'https://104.18.2.115/'],
    ['too long', `https://openrouter.ai/${'a'.repeat(3000)}`]
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('adds the exact host of a URL the user set on an account, and nothing broader', () => {
    const extras = ['https://billing.example.com/topup']
    expect(isAllowedExternalUrl('https://billing.example.com/other', extras)).toBe(true)
    expect(isAllowedExternalUrl('https://example.com/', extras)).toBe(false)
    expect(isAllowedExternalUrl('https://billing.example.com.evil.com/', extras)).toBe(false)
    expect(isAllowedExternalUrl('http://billing.example.com/', extras)).toBe(false)
  })

  it('ignores user URLs that are not plain https on a domain name', () => {
    for (const extra of ['http://billing.example.com/', 'javascript:alert(1)', 'https://127.0.0.1/', 'https://localhost/', 'https://u:p@x.example.com/', 'https://[::1]/']) {
      const host = extra.replace(/^[a-z]+:\/\/(?:[^@/]*@)?/, '').split('/')[0] ?? ''
      expect(isAllowedExternalUrl(`https://${host}/`, [extra]), extra).toBe(false)
    }
  })

  it('property: anything not https never passes', () => {
    const scheme = fc.constantFrom('http', 'javascript', 'file', 'data', 'ftp', 'ws', 'wss', 'blob', 'chrome', 'vbscript', 'about', 'mailto')
    fc.assert(
      fc.property(scheme, fc.constantFrom(...providerLinkHosts()), fc.webPath(), (protocol, host, path) => {
        expect(isAllowedExternalUrl(`${protocol}://${host}${path}`)).toBe(false)
        expect(isAllowedExternalUrl(`${protocol}:${host}${path}`)).toBe(false)
      }),
      { numRuns: 500 }
    )
  })

  it('property: an https URL passes only when its parsed host is exactly on the allowlist', () => {
    const allowed = providerLinkHosts()
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (url) => {
        const passed = isAllowedExternalUrl(url)
        if (passed) expect(allowed.has(new URL(url).hostname)).toBe(true)
        const host = new URL(url).hostname
        if (!allowed.has(host)) expect(passed).toBe(false)
      }),
      { numRuns: 1000 }
    )
  })

  it('property: decorating an allowed host never passes (suffixes, prefixes, userinfo)', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/)
    fc.assert(
      fc.property(fc.constantFrom(...providerLinkHosts()), label, (host, extra) => {
        expect(isAllowedExternalUrl(`https://${host}.${extra}.com/`)).toBe(false)
        expect(isAllowedExternalUrl(`https://${extra}${host}/`)).toBe(false)
        expect(isAllowedExternalUrl(`https://${host}@${extra}.com/`)).toBe(false)
        expect(isAllowedExternalUrl(`https://${extra}.com/${host}`)).toBe(false)
      }),
      { numRuns: 300 }
    )
  })
})
