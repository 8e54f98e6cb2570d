import type { HttpClient, HttpHeaders, PipelineRequest, PipelineResponse, RawHttpHeaders } from '@azure/core-rest-pipeline'
import { ProviderFault } from './provider-fault'
import type { ProviderHttp, ProviderRequest } from './provider-http'
import { parseRetryAfter } from './retry-after'

/**
 * An Azure SDK `httpClient` (`@azure/core-rest-pipeline` `HttpClient`: "the required interface
 * for a client that makes HTTP requests on behalf of a pipeline", accepted by every client's
 * `CommonClientOptions.httpClient`, Azure Identity's credentials included) that sends the
 * pipeline's requests through Coffer's {@link ProviderHttp}: the poll's deadline, size limit,
 * abort signal and redacted raw capture apply to the token request and the Cost Management query
 * as to every other provider, and a network failure is already a typed
 * {@link import('./provider-fault').ProviderFault}. The pipeline still adds the bearer token and
 * reads answers and errors itself. TLS is Node's own fetch with its default verification: nothing
 * here trusts more than the system does.
 */
export class ProviderHttpAzureClient implements HttpClient {
  /** The Retry-After of the last answer, in ms, for a throttled call's fault. */
  retryAfterMs: number | null = null
  /**
   * Coffer's own fault (network, deadline, size) on the last request, if it failed so. Why: MSAL
   * turns whatever its network client throws into its own error, so the typed fault is kept here.
   */
  lastFault: ProviderFault | null = null
  /** The HTTP status of the last answer: MSAL's errors do not carry the token endpoint's. */
  lastStatus: number | null = null

  constructor(
    private readonly http: ProviderHttp,
    private readonly now: () => number,
    /** Whether an answer to this URL hands out a token (the Entra ID token endpoint). */
    private readonly isTokenEndpoint: (url: string) => boolean
  ) {}

  async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    if (request.method !== 'GET' && request.method !== 'POST') throw new Error(`Coffer sends no ${request.method} requests to Azure`)
    if (request.body !== undefined && request.body !== null && typeof request.body !== 'string') throw new Error('Coffer sends only text bodies to Azure')
    // fetch sets Host and Content-Length itself; it also decodes gzip, so ask for nothing else.
    const headers = Object.fromEntries(Object.entries(request.headers.toJSON()).filter(([name]) => !/^(host|content-length|accept-encoding)$/i.test(name)))
    this.lastFault = null
    this.lastStatus = null
    const answer = await this.send({
      method: request.method,
      url: request.url,
      headers,
      ...(typeof request.body === 'string' ? { body: request.body } : {}),
      // Why: the token endpoint's answer carries the access token; the redactor must know it
      // before that answer is captured for the raw-response view.
      ...(this.isTokenEndpoint(request.url) ? { secretsIn: accessTokens } : {})
    })
    this.lastStatus = answer.status
    this.retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), this.now())
    const responseHeaders = new PlainHttpHeaders()
    answer.headers.forEach((value, name) => responseHeaders.set(name, value))
    return { request, status: answer.status, headers: responseHeaders, bodyAsText: answer.text }
  }

  private async send(request: ProviderRequest): Promise<Awaited<ReturnType<ProviderHttp['text']>>> {
    try {
      return await this.http.text(request)
    } catch (error) {
      if (error instanceof ProviderFault) this.lastFault = error
      throw error
    }
  }
}

/** The `access_token` (and any `refresh_token`/`id_token`) of an OAuth 2.0 token answer (RFC 6749 §5.1). */
function accessTokens(text: string): string[] {
  try {
    const body = JSON.parse(text) as Record<string, unknown>
    return ['access_token', 'refresh_token', 'id_token'].map((name) => body[name]).filter((value): value is string => typeof value === 'string')
  } catch {
    return []
  }
}

/**
 * The pipeline's header collection (`HttpHeaders`), case-insensitive, without loading
 * `@azure/core-rest-pipeline`, which is not a direct dependency (the build would bundle a copy).
 */
export class PlainHttpHeaders implements HttpHeaders {
  private readonly values = new Map<string, string>()

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase())
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase())
  }

  set(name: string, value: string | number | boolean): void {
    this.values.set(name.toLowerCase(), String(value))
  }

  delete(name: string): void {
    this.values.delete(name.toLowerCase())
  }

  toJSON(): RawHttpHeaders {
    return Object.fromEntries(this.values)
  }

  [Symbol.iterator](): Iterator<[string, string]> {
    return this.values.entries()
  }
}
