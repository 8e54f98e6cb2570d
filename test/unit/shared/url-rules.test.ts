import { describe, expect, it } from 'vitest'
import { keyUrlProblem, urlHasCredentials, webhookTargetProblem, webhookUrlProblem } from '../../../src/shared/url-rules'

describe('keyUrlProblem: where an account key may be sent', () => {
  it.each([
    'https://api.example.com',
    'https://openrouter.ai/api',
    'https://10.0.0.5:8443/relay',
    'http://127.0.0.1:8080',
    'http://127.9.9.9',
    'http://localhost:3000/v1',
    'http://[::1]:9000',
    'http://LOCALHOST'
  ])('accepts %s', (url) => {
    expect(keyUrlProblem(url)).toBeNull()
  })

  const hostile: [string, RegExp][] = [
    ['http://admin:pw@relay.example.com', /user name and password/],
    ['https://admin:pw@relay.example.com', /user name and password/],
    ['https://admin@relay.example.com', /user name and password/],
    ['http://169.254.169.254/latest', /^Use https:.*unencrypted to 169\.254\.169\.254/],
    ['http://10.0.0.1', /Use https:\/\//],
    ['http://example.com', /unencrypted/],
    ['http://127.0.0.1.evil.com', /unencrypted/],
    ['http://localhost.evil.com', /unencrypted/],
    ['http://foo.localhost', /unencrypted/],
    ['ftp://files.example.com', /Only https/],
    ['file:///etc/passwd', /full URL|Only https/],
    ['javascript:alert(1)', /full URL/],
    ['not a url', /full URL/],
    ['', /full URL/]
  ]
  it.each(hostile)('refuses %s with a sentence that says what to change', (url, message) => {
    const problem = keyUrlProblem(url)
    expect(problem).toMatch(message)
    // The password must never be repeated back.
    expect(problem).not.toContain('pw')
  })

  it('urlHasCredentials', () => {
    expect(urlHasCredentials('https://u:p@x.com/')).toBe(true)
    expect(urlHasCredentials('https://u@x.com/')).toBe(true)
    expect(urlHasCredentials('https://x.com/@me')).toBe(false)
    expect(urlHasCredentials('nonsense')).toBe(false)
  })
})

describe('webhook URLs', () => {
  it('the shape: https, or http to this machine; no credentials, no fragment', () => {
    expect(webhookUrlProblem('https://ntfy.sh/topic')).toBeNull()
    expect(webhookUrlProblem('http://127.0.0.1:8080/x')).toBeNull()
    expect(webhookUrlProblem('http://ntfy.sh/topic')).toMatch(/https:\/\//)
    expect(webhookUrlProblem('https://u:p@ntfy.sh/t')).toMatch(/user name and password/)
    expect(webhookUrlProblem('https://ntfy.sh/t#x')).toMatch(/#/)
    expect(webhookUrlProblem('gopher://x')).toMatch(/https:\/\//)
  })

  const local = [
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/',
    'https://172.16.5.4/hook',
    'https://192.168.0.2/hook',
    'https://[fe80::1]/x',
    'https://[fd00::1]/x',
    'https://[::ffff:a9fe:a9fe]/x',
    'https://127.0.0.1/x',
    'https://localhost/x',
    'https://0.0.0.0/x',
    'http://127.0.0.1:8080/x',
    'http://localhost/x',
    'http://[::1]/x'
  ]
  it.each(local)('refuses the local target %s unless local targets are allowed', (url) => {
    expect(webhookTargetProblem(url, false)).toMatch(/Allow local network targets.*--allow-local-webhook/)
    expect(webhookTargetProblem(url, true)).toBeNull()
  })

  it('public targets need nothing; multicast never works', () => {
    expect(webhookTargetProblem('https://ntfy.sh/t', false)).toBeNull()
    expect(webhookTargetProblem('https://8.8.8.8/t', false)).toBeNull()
    expect(webhookTargetProblem('https://224.0.0.1/t', true)).toMatch(/cannot receive webhooks/)
    expect(webhookTargetProblem('http://10.0.0.1/t', true)).toMatch(/https:\/\//)
  })
})
