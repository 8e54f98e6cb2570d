import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/app'
import { startWebServer, type RunningWebServer } from '../../../../src/main/web/web-server'
import { RENDERER_CSP } from '../../../../src/shared/http-protocol'
import { cofferCommand, repoRoot } from '../../../helpers/run-coffer'
import { testKeychainService } from '../../../helpers/keychain'
import { createTestCore } from '../../../helpers/test-core'
import { makeTempDir, removeTempDir } from '../../../helpers/temp-dir'

interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/**
 * One HTTP request with full control over the path (sent as is, not normalised) and the Host header,
 * which fetch does not allow.
 */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Sends `lines` as one HTTP/1.1 request over a plain socket (duplicate headers, any target) and returns the whole answer. */
function rawSocket(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

const SECRET_FILE_TEXT = 'TOP-SECRET-SIBLING-FILE'
const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>'

let parent: string
let dataDir: string
let core: Core
let server: RunningWebServer
const TOKEN = 'test-token-0123456789abcdefghijklmnop'

beforeEach(async () => {
  parent = await makeTempDir('coffer-web-')
  const renderer = join(parent, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), INDEX_HTML)
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(parent, 'secret.txt'), SECRET_FILE_TEXT)
  writeFileSync(join(parent, 'package.json'), JSON.stringify({ name: SECRET_FILE_TEXT }))
  dataDir = join(parent, 'data')
  core = createTestCore(dataDir)
  server = await startWebServer({ core, rendererDir: renderer, port: 0, token: TOKEN })
})

afterEach(async () => {
  await server.close()
  core.close()
  await removeTempDir(parent)
})

const auth = (): Record<string, string> => ({ authorization: `Bearer ${TOKEN}` })
const host = (): Record<string, string> => ({ host: `127.0.0.1:${server.port}` })
const callApi = (name: string, body: string, headers: Record<string, string> = auth()) =>
  raw(server.port, { method: 'POST', path: `/api/call/${name}`, headers: { ...host(), 'content-type': 'application/json', ...headers }, body })

describe('startWebServer (coffer serve)', () => {
  it('listens on 127.0.0.1 only and prints the token in the URL fragment', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`)
  })

  it('generates a long random token when none is given', async () => {
    const other = await startWebServer({ core, rendererDir: join(parent, 'renderer'), port: 0 })
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{32,}$/)
      expect(other.token).not.toBe(TOKEN)
    } finally {
      await other.close()
    }
  })

  describe('the token', () => {
    it('is required: no Authorization header → 401', async () => {
      const response = await callApi('accounts:list', '{}', {})
      expect(response.status).toBe(401)
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, code: 'forbidden' })
      expect(JSON.parse(response.body).message).toMatch(/coffer serve/)
    })

    for (const [name, header] of [
      ['a wrong token', `Bearer ${TOKEN.slice(0, -1)}x`],
      ['a shorter token', `Bearer ${TOKEN.slice(0, 10)}`],
      ['the token without "Bearer "', TOKEN],
      ['Basic auth', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`]
    ] as const) {
      it(`rejects ${name} with 401`, async () => {
        const response = await callApi('accounts:list', '{}', { authorization: header })
        expect(response.status).toBe(401)
      })
    }

    it('is required for the event stream too', async () => {
      const response = await raw(server.port, { path: '/api/events', headers: host() })
      expect(response.status).toBe(401)
    })
  })

  describe('DNS rebinding', () => {
    for (const foreign of ['evil.example', 'evil.example:80', '127.0.0.1', '127.0.0.1:1', '0.0.0.0:PORT', 'localhost.evil.example:PORT']) {
      it(`a Host header of ${foreign} → 421, even with the token`, async () => {
        const response = await callApi('accounts:list', '{}', { ...auth(), host: foreign.replace('PORT', String(server.port)) })
        expect(response.status).toBe(421)
        expect(response.body).not.toContain('"ok":true')
      })
    }

    it('static files are refused to a foreign Host as well', async () => {
      const response = await raw(server.port, { path: '/', headers: { host: 'evil.example' } })
      expect(response.status).toBe(421)
      expect(response.body).not.toContain('<div id="root">')
    })

    it('two Host headers → 400, even when one of them is ours', async () => {
      for (const hosts of [[`127.0.0.1:${server.port}`, 'evil.example'], ['evil.example', `127.0.0.1:${server.port}`], [`127.0.0.1:${server.port}`, `127.0.0.1:${server.port}`]]) {
        const answer = await rawSocket(server.port, [
          'POST /api/call/accounts:list HTTP/1.1',
          ...hosts.map((name) => `Host: ${name}`),
          `Authorization: Bearer ${TOKEN}`,
          'Content-Length: 0',
          'Connection: close'
        ])
        expect(answer).toMatch(/^HTTP\/1\.1 400 /)
        expect(answer).toContain('only one Host header')
        expect(answer).not.toContain('"ok":true')
      }
    })

    for (const target of ['http://evil.example/api/call/accounts:list', `http://127.0.0.1:PORT/api/call/accounts:list`, '//evil.example/api/call/accounts:list', '*']) {
      it(`an absolute-form request target ${target.replace('PORT', '<port>')} → 400, even with the token`, async () => {
        const answer = await rawSocket(server.port, [
          `POST ${target.replace('PORT', String(server.port))} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Authorization: Bearer ${TOKEN}`,
          'Content-Length: 0',
          'Connection: close'
        ])
        expect(answer).toMatch(/^HTTP\/1\.1 400 /)
        expect(answer).not.toContain('"ok":true')
      })
    }

    it('localhost:<port> is accepted', async () => {
      const response = await callApi('accounts:list', '{}', { ...auth(), host: `localhost:${server.port}` })
      expect(response.status).toBe(200)
    })
  })

  describe('static files', () => {
    it('serves index.html with a strict CSP and nosniff', async () => {
      const response = await raw(server.port, { path: '/', headers: host() })
      expect(response.status).toBe(200)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['content-security-policy']).toBe(RENDERER_CSP)
      expect(RENDERER_CSP).toContain("script-src 'self'")
      expect(RENDERER_CSP).not.toContain('unsafe')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['x-frame-options']).toBe('DENY')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.body).toBe(INDEX_HTML)
    })

    it('serves the renderer when its folder is given with a trailing slash', async () => {
      const other = await startWebServer({ core, rendererDir: `${join(parent, 'renderer')}/`, port: 0, token: TOKEN })
      try {
        const response = await raw(other.port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${other.port}` } })
        expect(response.status).toBe(200)
        expect(response.body).toBe('console.log("app")')
        const escape = await raw(other.port, { path: '/../secret.txt', headers: { host: `127.0.0.1:${other.port}` } })
        expect(escape.body).not.toContain(SECRET_FILE_TEXT)
      } finally {
        await other.close()
      }
    })

    it('serves assets with their content type and the same headers', async () => {
      const response = await raw(server.port, { path: '/assets/app.js', headers: host() })
      expect(response.status).toBe(200)
      expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(response.headers['content-security-policy']).toBe(RENDERER_CSP)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
    })

    it('API answers carry the security headers too', async () => {
      const response = await callApi('accounts:list', '{}')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['cache-control']).toBe('no-store')
    })

    it('unknown paths fall back to index.html (client-side routes)', async () => {
      const response = await raw(server.port, { path: '/some/page', headers: host() })
      expect(response.status).toBe(200)
      expect(response.body).toBe(INDEX_HTML)
    })

    it('refuses other methods than GET and HEAD on static paths', async () => {
      const response = await raw(server.port, { method: 'POST', path: '/', headers: host(), body: 'x' })
      expect(response.status).toBe(405)
    })

    for (const path of [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%2Fpackage.json',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e%5csecret.txt',
      '/..\\secret.txt',
      '/ABSOLUTE',
      '//secret.txt',
      '/%00/../secret.txt',
      '/%E0%A4%A'
    ]) {
      it(`path traversal ${path === '/ABSOLUTE' ? '/<absolute path, encoded>' : path} does not leak files outside the renderer`, async () => {
        const sent = path === '/ABSOLUTE' ? `/${encodeURIComponent(join(parent, 'secret.txt'))}` : path
        const response = await raw(server.port, { path: sent, headers: host() })
        expect(response.body).not.toContain(SECRET_FILE_TEXT)
        expect([200, 400, 404]).toContain(response.status)
        if (response.status === 200) expect(response.body).toBe(INDEX_HTML)
      })
    }
  })

  describe('calls', () => {
    it('a valid call works: app:info and accounts:list', async () => {
      const info = await callApi('app:info', '{}')
      expect(info.status).toBe(200)
      expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { runtime: 'test', dataDir } })

      const list = await callApi('accounts:list', '')
      expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] })
    })

    it('an unknown call → 404 unknown_call (prototype names included)', async () => {
      for (const name of ['nope:nothing', '__proto__', 'constructor', 'toString', '%E0%A4%A', 'accounts%3Alist%00']) {
        const response = await callApi(name, '{}')
        expect(response.status).toBe(404)
        expect(JSON.parse(response.body)).toMatchObject({ ok: false, code: 'unknown_call' })
      }
    })

    it('a malformed escape in the call name says so (not `Unknown call "null"`)', async () => {
      const response = await callApi('%E0%A4%A', '{}')
      expect(response.status).toBe(404)
      expect(JSON.parse(response.body)).toEqual({ ok: false, code: 'unknown_call', message: 'Unknown call: the name is not valid URL encoding.' })
    })

    it('GET on a call path is not a call', async () => {
      const response = await raw(server.port, { path: '/api/call/accounts:list', headers: { ...host(), ...auth() } })
      expect(response.status).toBe(404)
    })

    it('invalid JSON → 400 bad_request', async () => {
      const response = await callApi('accounts:list', '{"not json')
      expect(response.status).toBe(400)
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, code: 'bad_request' })
    })

    it('a body over 1 MB → 400', async () => {
      const response = await callApi('accounts:list', JSON.stringify({ padding: 'x'.repeat(1_100_000) }))
      expect(response.status).toBe(400)
    })

    it('a request that fails validation → Wire bad_request with a readable message', async () => {
      const response = await callApi('accounts:add', JSON.stringify({ draft: { provider: 'deepseek', label: '  ' }, key: 'sk-0123456789' }))
      expect(response.status).toBe(200)
      const wire = JSON.parse(response.body) as { ok: boolean; code: string; message: string }
      expect(wire).toMatchObject({ ok: false, code: 'bad_request' })
      expect(wire.message).toBe('draft.label: Give the account a label.')

      const unknownField = JSON.parse((await callApi('accounts:list', JSON.stringify({ evil: true }))).body) as { ok: boolean; code: string; message: string }
      expect(unknownField).toMatchObject({ ok: false, code: 'bad_request' })
      expect(unknownField.message).toMatch(/evil/)
    })

    it('adding an account over HTTP returns its view without the key', async () => {
      const key = 'sk-http-0123456789abcdef'
      const response = await callApi('accounts:add', JSON.stringify({ draft: { provider: 'deepseek', label: 'Web' }, key }))
      const wire = JSON.parse(response.body) as { ok: true; value: { label: string; hasKey: boolean; keyHint: string } }
      expect(wire.ok).toBe(true)
      expect(wire.value).toMatchObject({ label: 'Web', hasKey: true, keyHint: 'sk-http-…cdef' })
      expect(response.body).not.toContain(key)
    })
  })

  it('the event stream delivers accounts:changed after accounts:add', async () => {
    const controller = new AbortController()
    const stream = await fetch(`${server.origin}/api/events`, { headers: auth(), signal: controller.signal })
    expect(stream.status).toBe(200)
    expect(stream.headers.get('content-type')).toBe('text/event-stream')
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let received = ''
    const first = await reader.read()
    received += decoder.decode(first.value)
    expect(received).toContain(': connected')

    const added = JSON.parse((await callApi('accounts:add', JSON.stringify({ draft: { provider: 'deepseek', label: 'Events' }, key: 'sk-events-0123456789' }))).body) as {
      value: { id: string }
    }
    const deadline = Date.now() + 5_000
    while (!received.includes('event: accounts:changed') && Date.now() < deadline) {
      const chunk = await reader.read()
      if (chunk.done) break
      received += decoder.decode(chunk.value)
    }
    controller.abort()

    const message = /event: accounts:changed\ndata: (.*)\n\n/.exec(received)
    expect(message).not.toBeNull()
    expect(JSON.parse(message?.[1] ?? '{}')).toEqual({ ids: [added.value.id] })
    expect(received).not.toContain('sk-events-0123456789')
  })
})

/** Starts `coffer serve …` and resolves with the URL it prints. */
function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: URL; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cofferCommand(), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`coffer serve printed no URL within 30 s:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: new URL(match[0]), output: () => output })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`coffer serve exited with ${code} before printing a URL:\n${output}`))
    })
  })
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  return exited
}

describe('coffer serve as a subprocess', () => {
  let home: string
  let child: ChildProcess | null = null

  beforeAll(async () => {
    home = await makeTempDir('coffer-serve-home-')
  })

  afterEach(async () => {
    if (child) await stop(child)
    child = null
  })

  afterAll(async () => {
    await removeTempDir(home)
  })

  const post = async (url: URL, name: string, token: string, body: unknown = {}): Promise<{ ok: boolean; value: unknown }> => {
    const response = await fetch(`${url.origin}/api/call/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    return (await response.json()) as { ok: boolean; value: unknown }
  }

  it('--demo serves demo accounts with balances and never touches --home', { timeout: 60_000 }, async () => {
    const started = await startServe(['--home', home, 'serve', '--demo', '--port', '0'], { ...process.env, COFFER_HOME: home })
    child = started.child
    const token = new URLSearchParams(started.url.hash.slice(1)).get('token') as string
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(started.output()).toContain('demo ledger')

    const unauthorised = await fetch(`${started.url.origin}/api/call/accounts:list`, { method: 'POST', body: '{}' })
    expect(unauthorised.status).toBe(401)

    const list = await post(started.url, 'accounts:list', token)
    expect(list.ok).toBe(true)
    const accounts = list.value as { id: string; provider: string; balances: { amount: string; unit: string }[] }[]
    const providers = accounts.map((a) => a.provider)
    expect(providers).toContain('openrouter')
    expect(providers).toContain('deepseek')
    const balanced = accounts.filter((a) => a.provider === 'openrouter' || a.provider === 'deepseek')
    for (const account of balanced) {
      expect(account.balances.length).toBeGreaterThan(0)
      expect(account.balances[0]?.amount).toMatch(/^-?\d+(\.\d+)?$/)
    }

    const info = (await post(started.url, 'app:info', token)).value as { runtime: string; dataDir: string }
    expect(info.runtime).toBe('demo')
    expect(info.dataDir).not.toBe(home)

    // Refresh exercises the real adapters against the demo's stand-in provider.
    const polls = (await post(started.url, 'accounts:poll', token, { ids: balanced.map((a) => a.id) })).value as { status: string }[]
    expect(polls.map((p) => p.status)).toEqual(balanced.map(() => 'ok'))

    expect(await stop(child)).not.toBeNull()
    child = null
    expect(readdirSync(home)).toEqual([])
  })

  it('without --demo serves the ledger in --home', { timeout: 60_000 }, async () => {
    // A throw-away keychain service: the user's own Coffer entries are never even probed.
    const started = await startServe(['--home', home, 'serve', '--port', '0'], { ...process.env, COFFER_KEYCHAIN_SERVICE: testKeychainService() })
    child = started.child
    const token = new URLSearchParams(started.url.hash.slice(1)).get('token') as string
    expect(started.output()).toContain(home)

    const info = (await post(started.url, 'app:info', token)).value as { runtime: string; dataDir: string }
    expect(info).toMatchObject({ runtime: 'serve', dataDir: home })
    expect((await post(started.url, 'accounts:list', token)).value).toEqual([])
    const page = await fetch(started.url.origin)
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP)
  })
})
