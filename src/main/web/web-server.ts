import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../shared/contract'
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, RENDERER_CSP, TOKEN_FRAGMENT_KEY } from '../../shared/http-protocol'
import type { Core } from '../core/app'
import { dispatchCall, isCallName } from '../core/dispatch'
import { readStaticFile } from './static-files'

/** Largest request body accepted (calls carry small JSON; anything bigger is not ours). */
const MAX_BODY_BYTES = 1024 * 1024

/** What {@link startWebServer} serves, and where. */
export interface WebServerOptions {
  core: Core
  /** Built renderer (out/renderer). */
  rendererDir: string
  /** 0 = any free port. */
  port?: number
  /** Fixed token (tests); random otherwise. */
  token?: string
}

/** A started `coffer serve`. */
export interface RunningWebServer {
  /** Where to point a browser, token in the fragment. */
  url: string
  origin: string
  token: string
  port: number
  close(): Promise<void>
}

/**
 * `coffer serve`: the bridge contract over HTTP on 127.0.0.1 only, plus the built renderer with a
 * strict CSP. Every /api request needs the per-start bearer token; the Host header must name the
 * loopback address, so a DNS-rebinding page cannot reach the API.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const sse = new Set<ServerResponse>()
  const unsubscribe = options.core.onEvent((event, payload) => {
    const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const client of sse) client.write(message)
  })
  let port = 0
  // Why not a static import: an ES import of node:http makes Node build its module facade, whose
  // lazy exports load the whole of undici (~30 ms), and every `coffer` command bundles this file.
  const { createServer } = process.getBuiltinModule('node:http')
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('Coffer: web request failed:', error)
      if (!response.headersSent) send(response, 500, { ok: false, code: 'internal', message: 'Internal error.' })
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response)
    const refusal = malformedRequest(request)
    if (refusal) return send(response, 400, { ok: false, code: 'bad_request', message: refusal })
    if (!isLoopbackHost(request.headers.host, port)) return send(response, 421, { ok: false, code: 'forbidden', message: 'Wrong host.' })
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(request, token)) return send(response, 401, { ok: false, code: 'forbidden', message: 'Missing or wrong token: open the URL printed by `coffer serve`.' })
      if (url.pathname === HTTP_EVENTS_PATH && request.method === 'GET') return openEventStream(response, sse)
      if (url.pathname.startsWith(HTTP_CALL_PREFIX) && request.method === 'POST') {
        const name = safeDecode(url.pathname.slice(HTTP_CALL_PREFIX.length))
        if (name === null) return send(response, 404, { ok: false, code: 'unknown_call', message: 'Unknown call: the name is not valid URL encoding.' })
        if (!isCallName(name)) return send(response, 404, { ok: false, code: 'unknown_call', message: `Unknown call "${name}".` })
        const body = await readJsonBody(request)
        if (body === INVALID) return send(response, 400, { ok: false, code: 'bad_request', message: 'The request body must be JSON (at most 1 MB).' })
        return send(response, 200, await dispatchCall(options.core.handlers as Handlers, name, body))
      }
      return send(response, 404, { ok: false, code: 'unknown_call', message: 'No such API route.' })
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { ok: false, code: 'bad_request', message: 'Method not allowed.' })
    const file = (await readStaticFile(options.rendererDir, url.pathname)) ?? (await readStaticFile(options.rendererDir, '/'))
    if (!file) return send(response, 503, { ok: false, code: 'internal', message: 'The renderer is not built: run `npm run build` first.' })
    response.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache' })
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    origin,
    token,
    port,
    close: async () => {
      unsubscribe()
      for (const client of sse) client.end()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // An open page keeps idle keep-alive sockets; without this, close() waits for them to time out.
      server.closeAllConnections()
      await closed
    }
  }
}

/** `decodeURIComponent`, or `null` for a malformed escape such as `%E0%A4%A` (not a 500). */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

const INVALID = Symbol('invalid body')

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return INVALID
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    return INVALID
  }
}

function openEventStream(response: ServerResponse, clients: Set<ServerResponse>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
  response.write(': connected\n\n')
  clients.add(response)
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000)
  keepAlive.unref()
  response.on('close', () => {
    clearInterval(keepAlive)
    clients.delete(response)
  })
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? ''
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Why a request is not one a browser on this machine sends to `coffer serve`; `null` when it is.
 * - More than one Host header: Node keeps only the first, so a proxy or a check that reads another
 *   one could disagree with ours about which host was asked for.
 * - A target that is not a path (`GET http://evil.example/api/… HTTP/1.1`, the absolute form
 *   proxies take, or `*`): the URL would otherwise be resolved to its path and answered, with a
 *   host in it that the Host check never saw.
 */
export function malformedRequest(request: Pick<IncomingMessage, 'rawHeaders' | 'url'>): string | null {
  let hosts = 0
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index]?.toLowerCase() === 'host') hosts++
  }
  if (hosts > 1) return 'A request may carry only one Host header.'
  if (!request.url?.startsWith('/') || request.url.startsWith('//')) return 'The request target must be a path such as /api/call/… (no absolute URL).'
  return null
}

/** Only `127.0.0.1:<port>` and `localhost:<port>` are our names; anything else is a rebinding attempt. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('content-security-policy', RENDERER_CSP)
  response.setHeader('x-content-type-options', 'nosniff')
  response.setHeader('referrer-policy', 'no-referrer')
  response.setHeader('x-frame-options', 'DENY')
  response.setHeader('cross-origin-opener-policy', 'same-origin')
  response.setHeader('cross-origin-resource-policy', 'same-origin')
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}
