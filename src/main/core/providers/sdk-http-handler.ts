import type { ProviderHttp } from './provider-http'
import { parseRetryAfter } from './retry-after'

/** The request an AWS SDK (smithy) client hands its HTTP handler, once signed. */
interface SmithyRequest {
  method: string
  protocol: string
  hostname: string
  port?: number
  path: string
  query?: Record<string, string | string[] | null>
  headers: Record<string, string>
  body?: unknown
}

/**
 * An AWS SDK v3 `requestHandler` that sends the SDK's signed requests through Coffer's
 * {@link ProviderHttp}: the poll's deadline, size limit, abort signal and redacted raw-response
 * capture apply to SDK calls as to every other provider, and a network failure is already a typed
 * {@link import('./provider-fault').ProviderFault}. The SDK still signs (SigV4) and reads the
 * answers and errors itself. Smithy accepts any object with a `handle` function as a handler
 * (`@smithy/node-http-handler` `NodeHttpHandler.create`: "if typeof instanceOrOptions.handle ===
 * 'function' return it"); the answer's body is handed back as bytes, which `collectBody` takes as is.
 */
export class ProviderHttpSdkHandler {
  /** The Retry-After of the last answer, in ms, for a throttled call's fault. */
  retryAfterMs: number | null = null

  constructor(
    private readonly http: ProviderHttp,
    private readonly now: () => number
  ) {}

  async handle(request: SmithyRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Uint8Array } }> {
    const port = request.port ? `:${request.port}` : ''
    const query = queryString(request.query)
    const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`
    // fetch sets Host and Content-Length itself, to the same values the signature covers.
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^(host|content-length)$/i.test(name)))
    // The JSON codec hands over a Uint8Array subclass whose string methods warn; decode the bytes.
    const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : undefined
    const answer = await this.http.text({ method: request.method === 'GET' ? 'GET' : 'POST', url, headers, ...(body === undefined ? {} : { body }) })
    this.retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), this.now())
    const responseHeaders: Record<string, string> = {}
    answer.headers.forEach((value, name) => {
      responseHeaders[name] = value
    })
    return { response: { statusCode: answer.status, headers: responseHeaders, body: new TextEncoder().encode(answer.text) } }
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {}
  }
}

function queryString(query: SmithyRequest['query']): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item)
  }
  return params.toString()
}
