import type { RawCapture } from '../ledger/facts'
import { DEFAULT_MAX_RESPONSE_BYTES, describeBytes, readBoundedBody, type BoundedBody } from './bounded-body'
import { ProviderFault, quote } from './provider-fault'
import type { Redactor } from './redactor'
import { parseRetryAfter } from './retry-after'

/** Default deadline for one provider request. undici's own timeouts are 300 s, so we always set ours. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000

/** One request an adapter sends. */
export interface ProviderRequest {
  method?: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  /** JSON-serialised into the body. */
  json?: unknown
  /** A body already serialised (an SDK's signed request); `json` is ignored when set. */
  body?: string
  /** The most to read of this answer, for an endpoint documented to answer more than the client's limit. */
  maxBytes?: number
  /**
   * The secrets this answer hands out (an OAuth token endpoint's access token): the redactor learns
   * them before the answer is captured, so neither the capture nor anything later shows them.
   */
  secretsIn?: (text: string) => string[]
}

/** A successful (2xx) JSON answer. */
export interface ProviderResponse {
  status: number
  headers: Headers
  json: unknown
}

/** How {@link ProviderHttp} sends: its fetch, deadline, size limit, abort signal and the secrets to redact. */
export interface ProviderHttpOptions {
  fetch?: typeof fetch
  timeoutMs?: number
  /** The most read of one answer ({@link DEFAULT_MAX_RESPONSE_BYTES} unless set); a request may allow more. */
  maxResponseBytes?: number
  now?: () => number
  /** Removes the secrets in use (the account's keys) from captures; fault messages are finished by the caller with it. */
  redactor: Redactor
  /** Aborts every request of this poll (app quit, account removed). */
  signal?: AbortSignal
}

/**
 * The HTTP client adapters use: one deadline per request, every answer captured (redacted) for
 * the raw-response view, and every failure turned into a {@link ProviderFault} with a status.
 */
export class ProviderHttp {
  /** What the provider said during this poll, in order. */
  readonly captures: RawCapture[] = []
  private readonly fetch: typeof fetch
  private readonly timeoutMs: number
  private readonly maxBytes: number
  private readonly now: () => number

  constructor(private readonly options: ProviderHttpOptions) {
    this.fetch = options.fetch ?? globalThis.fetch
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    this.maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    this.now = options.now ?? Date.now
  }

  /** Sends a request and returns the parsed JSON of a 2xx answer; throws {@link ProviderFault} otherwise. */
  async json(request: ProviderRequest): Promise<ProviderResponse> {
    const { response, text } = await this.send(request)
    if (response.status < 200 || response.status >= 300) throw this.statusFault(response, text)
    return { status: response.status, headers: response.headers, json: this.parse(text, response.headers.get('content-type')) }
  }

  /**
   * Sends a request and returns the answer whatever its status, for a provider SDK that reads its
   * own errors (aws-bedrock.ts): the same deadline, size limit, abort signal and redacted capture
   * as {@link json}. A network failure or an oversized answer still throws {@link ProviderFault}.
   */
  async text(request: ProviderRequest): Promise<{ status: number; headers: Headers; text: string }> {
    const { response, text } = await this.send(request)
    return { status: response.status, headers: response.headers, text }
  }

  private async send(request: ProviderRequest): Promise<{ response: Response; text: string }> {
    const method = request.method ?? 'GET'
    const maxBytes = request.maxBytes ?? this.maxBytes
    // Ours, to drop the connection once an answer passes the size limit.
    const tooLarge = new AbortController()
    const signals = [AbortSignal.timeout(this.timeoutMs), tooLarge.signal, ...(this.options.signal ? [this.options.signal] : [])]
    let response: Response
    let body: BoundedBody
    try {
      response = await this.fetch(request.url, {
        method,
        headers: {
          accept: 'application/json',
          ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers
        },
        body: request.body ?? (request.json === undefined ? undefined : JSON.stringify(request.json)),
        signal: AbortSignal.any(signals),
        redirect: 'error'
      })
      // The deadline covers the body too: the same signal stops a stalled read.
      body = await readBoundedBody(response, maxBytes, () => tooLarge.abort())
    } catch (error) {
      this.capture(method, request.url, null, null, '')
      throw this.networkFault(error)
    }
    const { text } = body
    for (const secret of request.secretsIn?.(text) ?? []) this.options.redactor.add(secret)
    this.capture(method, request.url, response.status, response.headers.get('content-type'), text)
    if (body.overLimit) {
      const limit = describeBytes(maxBytes)
      throw new ProviderFault('bad_response', 'too_large', `Coffer stopped reading: the provider's answer is larger than ${limit}.`, response.status)
    }
    return { response, text }
  }

  /** Removes every secret in use from `text` (see {@link Redactor}). */
  redact(text: string): string {
    return this.options.redactor.redact(text)
  }

  private capture(method: string, url: string, status: number | null, contentType: string | null, body: string): void {
    const { redactor } = this.options
    this.captures.push({
      method,
      url: redactor.redact(url),
      httpStatus: status,
      contentType: contentType === null ? null : redactor.redact(contentType),
      body: redactor.redact(body)
    })
  }

  private parse(text: string, contentType: string | null): unknown {
    try {
      // JSON first: some relays label JSON as text/html, and that JSON is still the answer.
      return JSON.parse(text)
    } catch {
      if (/^\s*</.test(text) || (contentType ?? '').includes('text/html')) {
        throw new ProviderFault('bad_response', 'not_json', 'The provider answered with a web page instead of JSON. Check the base URL.', 200)
      }
      const detail = text.trim() === '' ? 'an empty body' : 'incomplete or invalid JSON'
      throw new ProviderFault('bad_response', 'invalid_json', `The provider answered with ${detail}.`, 200)
    }
  }

  private statusFault(response: Response, text: string): ProviderFault {
    const status = response.status
    const said = this.providerMessage(text)
    const suffix = said ? ` The provider said: “${said}”` : ''
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.now())
    if (status === 401 || status === 403) {
      return new ProviderFault('auth_failed', `http_${status}`, `The provider rejected the key (HTTP ${status}). Check that it is correct, active and of the right kind.${suffix}`, status)
    }
    if (status === 429) {
      return new ProviderFault('rate_limited', 'http_429', `Too many requests (HTTP 429); Coffer will wait and retry.${suffix}`, status, retryAfterMs)
    }
    if (status === 402) {
      return new ProviderFault('provider_error', 'http_402', `The provider says payment is required (HTTP 402): the account may be out of credit.${suffix}`, status)
    }
    if (status === 404) {
      return new ProviderFault('provider_error', 'http_404', `The provider has no such endpoint or account (HTTP 404). Check the base URL and account options.${suffix}`, status)
    }
    if (status >= 500) {
      return new ProviderFault('provider_error', `http_${status}`, `The provider had a server error (HTTP ${status}); Coffer will retry.${suffix}`, status, retryAfterMs)
    }
    return new ProviderFault('provider_error', `http_${status}`, `The provider refused the request (HTTP ${status}).${suffix}`, status, retryAfterMs)
  }

  private networkFault(error: unknown): ProviderFault {
    const err = error as Error & { cause?: { code?: string; message?: string } }
    if (err.name === 'TimeoutError') {
      const limit = this.timeoutMs < 1000 ? `${this.timeoutMs} ms` : `${Math.round(this.timeoutMs / 1000)} s`
      return new ProviderFault('unreachable', 'timeout', `The provider did not answer within ${limit}.`)
    }
    if (err.name === 'AbortError') return new ProviderFault('unreachable', 'aborted', 'The request was cancelled.')
    const code = err.cause?.code ?? 'network'
    const reason = err.cause?.code ?? err.cause?.message ?? err.message
    return new ProviderFault('unreachable', code.toLowerCase(), `Could not reach the provider (${reason}). Check your connection and the base URL.`)
  }

  /** The human message inside common error envelopes (`error.message`, `message`, `detail.message`). */
  private providerMessage(text: string): string | null {
    let found: unknown
    try {
      const body = JSON.parse(text) as Record<string, unknown>
      const error = body.error as Record<string, unknown> | string | undefined
      const detail = body.detail as Record<string, unknown> | string | undefined
      found =
        (typeof error === 'object' ? error?.message : error) ??
        body.message ??
        (typeof detail === 'object' ? detail?.message : detail)
    } catch {
      return null
    }
    // Cut only when the message is finished, after redaction (see quote).
    return typeof found === 'string' && found.trim() ? quote(found.trim(), 240) : null
  }
}
