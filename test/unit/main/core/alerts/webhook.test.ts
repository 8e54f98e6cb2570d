import { describe, expect, it } from 'vitest'
import { buildWebhookRequest, resolveFormat, sendWebhook, webhookDestinationProblem, type LookupAll } from '../../../../../src/main/core/alerts/webhook'
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
    const result = await sendWebhook({ url: 'http://127.0.0.1:9/secret-token', headers: {}, body: 'x' }, { timeoutMs: 2000, allowLocal: true })
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain('secret-token')
  })

  describe('the resolved address is checked at send time', () => {
    /** A resolver that answers `addresses` for every name, and remembers what it was asked. */
    const resolver = (...addresses: string[]): LookupAll & { asked: string[] } => {
      const asked: string[] = []
      const lookup = async (hostname: string) => {
        asked.push(hostname)
        return addresses.map((address) => ({ address }))
      }
      return Object.assign(lookup, { asked })
    }
    /** A fetch that records its calls and answers 200. */
    const recordingFetch = () => {
      const calls: string[] = []
      const fetchStub = (async (input: string | URL | Request) => {
        calls.push(String(input))
        return new Response('ok', { status: 200 })
      }) as typeof fetch
      return { fetch: fetchStub, calls }
    }
    const request = (url: string) => ({ url, headers: {}, body: 'x' })

    it('a public name that resolves to 127.0.0.1 is refused, with the reason recorded, and nothing is sent', async () => {
      const lookup = resolver('127.0.0.1')
      const sent = recordingFetch()
      const result = await sendWebhook(request('https://ntfy.example.com/topic'), { fetch: sent.fetch, lookup })
      expect(lookup.asked).toEqual(['ntfy.example.com'])
      expect(sent.calls).toEqual([])
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Refused: ntfy\.example\.com resolves to 127\.0\.0\.1; that is an address on this machine: .*Allow local network targets/) })
    })

    it('one inward address among public ones is enough to refuse (169.254.169.254, 10.0.0.7, fd00::1)', async () => {
      for (const inward of ['169.254.169.254', '10.0.0.7', 'fd00::1', '::ffff:192.168.1.1']) {
        const sent = recordingFetch()
        const result = await sendWebhook(request('https://hooks.example.com/x'), { fetch: sent.fetch, lookup: resolver('93.184.216.34', inward) })
        expect(result.ok, inward).toBe(false)
        expect(sent.calls).toEqual([])
      }
    })

    it('is sent when local targets are allowed for the rule, or when every address is public', async () => {
      const allowed = recordingFetch()
      expect(await sendWebhook(request('https://ntfy.example.com/t'), { fetch: allowed.fetch, lookup: resolver('127.0.0.1'), allowLocal: true })).toEqual({ ok: true, status: 200 })
      expect(allowed.calls).toEqual(['https://ntfy.example.com/t'])
      const publicOnly = recordingFetch()
      expect(await sendWebhook(request('https://ntfy.example.com/t'), { fetch: publicOnly.fetch, lookup: resolver('93.184.216.34', '2606:4700::1111') })).toEqual({ ok: true, status: 200 })
    })

    it('localhost resolves to this machine: refused unless allowed', async () => {
      expect(await webhookDestinationProblem('https://localhost:9/x', false, resolver('::1', '127.0.0.1'))).toMatch(/localhost resolves to ::1; that is an address on this machine/)
      expect(await webhookDestinationProblem('https://localhost:9/x', true, resolver('::1', '127.0.0.1'))).toBeNull()
    })

    it('plain http must stay on this machine even when the name says localhost', async () => {
      expect(await webhookDestinationProblem('http://localhost/x', true, resolver('10.1.2.3'))).toMatch(/plain http:\/\/ goes only to this machine/)
    })

    it('IP literals are judged without DNS; a failing resolver is a delivery failure, not a crash', async () => {
      const lookup = resolver('8.8.8.8')
      expect(await webhookDestinationProblem('https://10.0.0.1/x', false, lookup)).toMatch(/^Refused: 10\.0\.0\.1; that is an address on your local network/)
      expect(lookup.asked).toEqual([])
      const failing: LookupAll = async () => {
        throw new Error('ENOTFOUND')
      }
      expect(await webhookDestinationProblem('https://nowhere.example/x', false, failing)).toBe('Could not find nowhere.example (DNS lookup failed).')
      const silent: LookupAll = () => new Promise(() => undefined)
      expect(await webhookDestinationProblem('https://slow.example/x', false, silent, 20)).toBe('Could not find slow.example (DNS lookup failed).')
    })
  })
})
