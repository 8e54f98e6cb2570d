import { describe, expect, it } from 'vitest'
import { buildWebhookRequest, resolveFormat, sendWebhook } from '../../../../../src/main/core/alerts/webhook'
import { isAllowedWebhookUrl } from '../../../../../src/shared/alerts'

const alert = { id: 4, kind: 'low_balance' as const, severity: 'critical' as const, accountLabel: 'Café', message: 'Café has no credit left.', firedAt: '2026-03-10T10:00:00.000Z' }

describe('webhooks', () => {
  it('accepts https anywhere and http only to this machine', () => {
    expect(isAllowedWebhookUrl('https://ntfy.sh/my-topic')).toBe(true)
    expect(isAllowedWebhookUrl('https://hooks.slack.com/services/T0/B0/XYZ')).toBe(true)
    expect(isAllowedWebhookUrl('http://127.0.0.1:8080/alerts')).toBe(true)
    expect(isAllowedWebhookUrl('http://localhost/alerts')).toBe(true)
    expect(isAllowedWebhookUrl('http://[::1]:9/alerts')).toBe(true)
    for (const bad of ['http://ntfy.sh/t', 'http://127.0.0.1.evil.com/', 'http://localhost.evil.com/', 'ftp://x.com/', 'javascript:alert(1)', 'https://u:p@ntfy.sh/t', 'https://ntfy.sh/t#x', 'not a url', 'file:///tmp/x']) {
      expect(isAllowedWebhookUrl(bad), bad).toBe(false)
    }
  })

  it('picks Slack JSON for Slack hosts, ntfy text otherwise', () => {
    expect(resolveFormat('https://hooks.slack.com/services/x', 'auto')).toBe('slack')
    expect(resolveFormat('https://ntfy.sh/x', 'auto')).toBe('ntfy')
    expect(resolveFormat('https://ntfy.sh/x', 'json')).toBe('json')
  })

  it('ntfy: text body with Title/Priority/Tags, non-ASCII titles RFC 2047-encoded', () => {
    const request = buildWebhookRequest('https://ntfy.sh/t', 'auto', alert)
    expect(request.body).toBe('Café has no credit left.')
    expect(request.headers).toMatchObject({ priority: '5', tags: 'rotating_light', 'content-type': 'text/plain; charset=utf-8' })
    expect(request.headers.title).toMatch(/^=\?UTF-8\?B\?/)
    expect(Buffer.from(request.headers.title?.slice(10, -2) ?? '', 'base64').toString('utf8')).toBe('Coffer: Low balance (Café)')
  })

  it('slack and json bodies', () => {
    expect(JSON.parse(buildWebhookRequest('https://hooks.slack.com/services/x', 'auto', alert).body)).toEqual({ text: '*Coffer: Low balance (Café)*\nCafé has no credit left.' })
    expect(JSON.parse(buildWebhookRequest('https://example.com/hook', 'json', alert).body)).toMatchObject({ source: 'coffer', kind: 'low_balance', text: 'Café has no credit left.' })
  })

  it('refuses a disallowed URL without sending, and reports unreachable hosts without the path', async () => {
    expect(await sendWebhook({ url: 'http://example.com/secret-token', headers: {}, body: '' })).toEqual({ ok: false, error: expect.stringContaining('Refused') })
    const result = await sendWebhook({ url: 'http://127.0.0.1:9/secret-token', headers: {}, body: 'x' }, { timeoutMs: 2000 })
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain('secret-token')
  })
})
