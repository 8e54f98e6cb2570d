import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../shared/contract'
import { CofferError } from '../../shared/errors'
import { HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, RENDERER_CSP, TOKEN_FRAGMENT_KEY } from '../../shared/http-protocol'
import type { Core } from '../core/app'
import { dispatchCall, isCallName } from '../core/dispatch'
import type { MetricsExposition } from '../core/metrics/coffer-metrics'
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
  /**
   * Address to listen on; 127.0.0.1 unless given. Another address only makes `/metrics` reachable
   * from elsewhere: every other route still answers this machine only.
   */
  host?: string
  /** `coffer serve --metrics`: `GET /metrics` behind its own bearer token (not the dashboard's). */
  metrics?: { token: string; render: () => Promise<MetricsExposition> }
}

/** A started `coffer serve`. */
export interface RunningWebServer {
  /** Where to point a browser, token in the fragment. */
  url: string
  origin: string
  token: string
  port: number
  /** `http://<host>:<port>/metrics` when metrics are on. */
  metricsUrl: string | null
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
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      console.error('Coffer: web request failed:', error)
      if (!response.headersSent) send(response, 500, { ok: false, code: 'internal', message: 'Internal error.' })
      else response.end()
    })
  }
  const server: Server = createServer(listener)

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response)
    const refusal = malformedRequest(request)
    if (refusal) return send(response, 400, { ok: false, code: 'bad_request', message: refusal })
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    // Bound elsewhere than loopback, /metrics answers any name a scraper uses for this machine (its
    // bearer token is what protects it); on loopback the Host check still applies.
    const isMetrics = options.metrics !== undefined && url.pathname === METRICS_PATH
    if (!(isMetrics && !onLoopback) && !isLoopbackHost(request.headers.host, port)) return send(response, 421, { ok: false, code: 'forbidden', message: 'Wrong host.' })
    if (!isMetrics && !isLoopbackAddress(request.socket.remoteAddress)) return send(response, 403, { ok: false, code: 'forbidden', message: 'Only /metrics is served to other machines.' })
    if (isMetrics && options.metrics) return serveMetrics(request, response, options.metrics)
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

  const host = options.host ?? '127.0.0.1'
  const onLoopback = isLoopbackName(host)
  await listen(server, options.port ?? 0, host)
  port = (server.address() as AddressInfo).port
  // Bound to one other address (a LAN IP), loopback is not covered: the dashboard gets its own
  // listener on 127.0.0.1 at the same port, so the printed URL works. 0.0.0.0 and :: include it.
  const servers = [server]
  if (!onLoopback && host !== '0.0.0.0' && host !== '::') {
    const local = createServer(listener)
    await listen(local, port, '127.0.0.1').catch(async (error: unknown) => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      throw error
    })
    servers.push(local)
  }
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    origin,
    token,
    port,
    metricsUrl: options.metrics ? `http://${host.includes(':') ? `[${host}]` : host}:${port}${METRICS_PATH}` : null,
    close: async () => {
      unsubscribe()
      for (const client of sse) client.end()
      const closed = servers.map((each) => new Promise<void>((resolve) => each.close(() => resolve())))
      // An open page keeps idle keep-alive sockets; without this, close() waits for them to time out.
      for (const each of servers) each.closeAllConnections()
      await Promise.all(closed)
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenProblem(error, host, port)))
    server.listen(port, host, () => resolve())
  })
}

/** A listen failure the user can fix (port taken, address not on this machine) as a sentence; others as they are. */
function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`
  if (error.code === 'EADDRINUSE') return new CofferError('bad_request', `Port ${port} on ${host} is already in use: choose another with --port, or 0 for any free one.`)
  if (error.code === 'EADDRNOTAVAIL') return new CofferError('bad_request', `Cannot listen on ${where}: ${host} is not an address of this machine.`)
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return new CofferError('bad_request', `Cannot listen on ${where}: the host name ${host} does not resolve.`)
  if (error.code === 'EACCES') return new CofferError('bad_request', `Cannot listen on ${where}: permission denied (ports below 1024 need privileges).`)
  return error
}

/** Where `coffer serve --metrics` answers Prometheus. */
export const METRICS_PATH = '/metrics'

async function serveMetrics(request: IncomingMessage, response: ServerResponse, metrics: NonNullable<WebServerOptions['metrics']>): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { ok: false, code: 'bad_request', message: 'Method not allowed.' })
  if (!hasToken(request, metrics.token)) {
    response.setHeader('www-authenticate', 'Bearer realm="coffer-metrics"')
    return send(response, 401, { ok: false, code: 'forbidden', message: 'Missing or wrong token: send `Authorization: Bearer <token>` with the token `coffer serve --print-metrics-token` prints.' })
  }
  const { contentType, body } = await metrics.render()
  response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' })
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** Loopback listen addresses: the server then answers this machine only. */
export function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** A peer on this machine (IPv4, IPv6 or IPv4-mapped loopback). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false
  return address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(address)
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
