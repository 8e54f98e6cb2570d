import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

/** One scripted answer. */
export interface SimResponse {
  /** HTTP status; 200 unless set. */
  status?: number
  headers?: Record<string, string>
  /** An object or array is sent as JSON; a string is sent raw, as is. */
  body?: unknown
  /** Waits this long before answering (for timeout and slow-provider tests). */
  delayMs?: number
  /**
   * A broken answer instead of `body`:
   * - `reset`: the socket is destroyed without a response;
   * - `hang`: no answer ever comes (until {@link ProviderSimulator.close});
   * - `truncated-json`: a complete 200 `application/json` response whose body stops halfway through
   *   a JSON document (reading succeeds, parsing fails);
   * - `html`: a 200 `text/html` error page, as a captive portal or a proxy would send.
   */
  fault?: 'reset' | 'hang' | 'truncated-json' | 'html'
}

/** A request as the simulator received it. */
export interface SimRequest {
  method: string
  /** The path without the query string. */
  path: string
  query: URLSearchParams
  /** Lower-cased header names, as Node delivers them. */
  headers: Record<string, string | undefined>
  body: string
}

/** A fixed answer, or one computed from the request. */
export type SimHandler = SimResponse | ((req: SimRequest) => SimResponse)

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>502 Bad Gateway</h1><p>The upstream server is temporarily unavailable.</p></body></html>'
const TRUNCATED_JSON = '{"data":{"total_credits":100.5,"total_usage":'

/**
 * The provider simulator: a real HTTP server on loopback that answers providers' documented paths
 * with scripted responses, and records every request. It is the only fake in the test suite; code
 * under test talks to it over real sockets through a per-account base URL.
 *
 * Start one per test (`await ProviderSimulator.start()`) and close it in `afterEach`.
 */
export class ProviderSimulator {
  /** Every request received, in order of arrival. */
  readonly requests: SimRequest[] = []

  private readonly routes = new Map<string, { queue: SimHandler[]; next: number }>()
  private readonly sockets = new Set<Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:PORT` (or `https://`), no trailing slash. */
    readonly baseUrl: string
  ) {}

  /**
   * Starts a simulator on 127.0.0.1 with an ephemeral port: plain HTTP unless `https` gives a
   * certificate (see tls-certificate.ts), for clients that refuse `http://` (Azure Identity).
   */
  static async start(options: { https?: { key: string; cert: string } } = {}): Promise<ProviderSimulator> {
    const server: Server = options.https ? createHttpsServer({ key: options.https.key, cert: options.https.cert }) : createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    const simulator = new ProviderSimulator(server, `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`)
    server.on('connection', (socket) => {
      simulator.sockets.add(socket)
      socket.once('close', () => simulator.sockets.delete(socket))
    })
    server.on('request', (req, res) => simulator.handle(req, res))
    return simulator
  }

  /**
   * Queues responses for `METHOD path` (the path without its query). Each request consumes the
   * next response; the last one repeats forever. Calling it again for the same route replaces the
   * queue.
   */
  route(method: string, path: string, ...responses: SimHandler[]): this {
    if (responses.length === 0) throw new Error(`route(${method} ${path}) needs at least one response`)
    this.routes.set(routeKey(method, path), { queue: responses, next: 0 })
    return this
  }

  /** The requests received for `path` (any method), in order. */
  requestsTo(path: string): SimRequest[] {
    return this.requests.filter((request) => request.path === path)
  }

  /** Forgets every route and recorded request. */
  reset(): void {
    this.routes.clear()
    this.requests.length = 0
  }

  /** Stops listening and drops every open connection, including hanging ones. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    for (const socket of this.sockets) socket.destroy()
    await closed
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.baseUrl)
      const request: SimRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: { ...req.headers } as Record<string, string | undefined>,
        body: Buffer.concat(chunks).toString('utf8')
      }
      this.requests.push(request)
      let response: SimResponse
      try {
        response = this.pick(request)
      } catch (error) {
        // A broken handler is a bug in the test: answer loudly instead of crashing the test worker.
        const message = `simulator handler for ${request.method} ${request.path} threw: ${(error as Error).message}`
        console.error(message)
        response = { status: 500, body: { error: { message } } }
      }
      if (response.delayMs && response.delayMs > 0) {
        const timer = setTimeout(() => {
          this.timers.delete(timer)
          this.send(res, response)
        }, response.delayMs)
        this.timers.add(timer)
      } else {
        this.send(res, response)
      }
    })
  }

  private pick(request: SimRequest): SimResponse {
    const route = this.routes.get(routeKey(request.method, request.path))
    if (!route) return { status: 404, body: { error: { message: 'no route' } } }
    const handler = route.queue[Math.min(route.next, route.queue.length - 1)] as SimHandler
    route.next += 1
    return typeof handler === 'function' ? handler(request) : handler
  }

  private send(res: ServerResponse, response: SimResponse): void {
    switch (response.fault) {
      case 'reset':
        res.socket?.destroy()
        return
      case 'hang':
        // Keep the socket open and say nothing; close() destroys it.
        return
      case 'truncated-json':
        // A complete HTTP exchange whose body stops mid-document: the client reads it fine and
        // only JSON.parse fails (a dropped connection is what `reset` is for).
        res.writeHead(200, { 'content-type': 'application/json', ...response.headers })
        res.end(TRUNCATED_JSON)
        return
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...response.headers })
        res.end(HTML_PAGE)
        return
      default:
        break
    }
    const { body } = response
    const isText = typeof body === 'string'
    const payload = body === undefined ? '' : isText ? body : JSON.stringify(body)
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/json'
    res.writeHead(response.status ?? 200, { ...headers, ...response.headers })
    res.end(payload)
  }
}

function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`
}
