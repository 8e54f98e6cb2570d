import { describe, expect, it } from 'vitest'
import { alibabaEndpoint } from '../../../../../src/main/core/providers/alibaba-bss'
import { ProviderFault } from '../../../../../src/main/core/providers/provider-fault'

describe('alibabaEndpoint: which BSS OpenAPI host an account asks', () => {
  it('the China site by default, the international endpoint for site=intl (the SDK’s endpoint map)', () => {
    expect(alibabaEndpoint(undefined, null)).toMatchObject({ site: 'cn' })
    expect(alibabaEndpoint(undefined, null).origin.host).toBe('business.aliyuncs.com')
    expect(alibabaEndpoint('cn', null).origin.host).toBe('business.aliyuncs.com')
    const intl = alibabaEndpoint('intl', null)
    expect(intl.site).toBe('intl')
    expect(intl.origin.host).toBe('business.ap-southeast-1.aliyuncs.com')
    expect(intl.origin.protocol).toBe('https:')
  })

  it('a base URL override wins (host and port kept, for the SDK’s endpoint), and keeps the site for the currency', () => {
    const local = alibabaEndpoint('intl', 'http://127.0.0.1:4567/')
    expect(local.site).toBe('intl')
    expect(local.origin.host).toBe('127.0.0.1:4567')
    expect(local.origin.protocol).toBe('http:')
  })

  it('a base URL with a path is refused in words', () => {
    expect(() => alibabaEndpoint('cn', 'https://business.aliyuncs.com/api')).toThrow(ProviderFault)
    expect(() => alibabaEndpoint('cn', 'https://business.aliyuncs.com/api')).toThrow(/root of its host/)
  })
})
