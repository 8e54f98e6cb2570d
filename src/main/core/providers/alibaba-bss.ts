import { z } from 'zod'
import { emptyFacts, type BalanceFact, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { DEFAULT_REQUEST_TIMEOUT_MS } from './provider-http'
import { amount, businessError, numeric, parseShape } from './parse'
import { badResponse, ProviderFault, quote } from './provider-fault'

/**
 * The BSS OpenAPI endpoints per site, as the SDK's own endpoint map has them
 * (@alicloud/bssopenapi20171214 `Client._endpointMap`: cn-* regions → business.aliyuncs.com, the
 * international regions → business.ap-southeast-1.aliyuncs.com).
 */
const ENDPOINTS = { cn: 'https://business.aliyuncs.com', intl: 'https://business.ap-southeast-1.aliyuncs.com' } as const
/** The site's currency when an answer names none (China site: CNY; international: USD). */
const SITE_CURRENCY = { cn: 'CNY', intl: 'USD' } as const

// QueryAccountBalance (help.aliyun.com/document_detail/472991.html; alibabacloud.com/help/doc-detail/87997.html):
// `{ Code, Message, RequestId, Success, Data: { AvailableAmount "可用额度", AvailableCashAmount
// "现金余额", CreditAmount "信控额度", MybankCreditAmount, Currency (CNY | USD | JPY), QuotaLimit } }`,
// every amount a decimal string ("10000.00"). The docs' example: 1000.19 available = 0.00 cash +
// 1000.00 credit line (+0.19), so AvailableAmount counts money the account may borrow.
const answerShape = z.object({
  Code: z.union([z.string(), z.number()]).optional(),
  Message: z.string().optional(),
  Success: z.boolean().optional(),
  Data: z
    .object({
      AvailableAmount: numeric.optional(),
      AvailableCashAmount: numeric.optional(),
      CreditAmount: numeric.optional(),
      Currency: z.string().optional()
    })
    .optional()
})

/** `cn`: the China site (aliyun.com); `intl`: the international one (alibabacloud.com). */
export type Site = keyof typeof ENDPOINTS

/**
 * Alibaba Cloud (Model Studio / DashScope is billed to the Alibaba Cloud account) through BSS
 * OpenAPI `QueryAccountBalance` (version 2017-12-14, RAM action bssapi:QueryAccountBalance), sent
 * by the official SDK (@alicloud/bssopenapi20171214 on @alicloud/openapi-core), which signs it
 * (ACS3-HMAC-SHA256 `Authorization` naming the AccessKey ID): Coffer never signs by hand. Why the
 * SDK sends too: openapi-core has no pluggable transport, so its requests cannot go through
 * {@link PollContext.http}; this adapter gives the SDK the poll's deadline, records what was
 * answered (redacted) for the raw-response view, and turns the SDK's errors into typed faults.
 *
 * Like Novita's (issue 13.8), the balance is the cash (`AvailableCashAmount`) and the credit line
 * (`CreditAmount`) is its own figure; an answer without the cash figure falls back to
 * AvailableAmount and says so in a warning. The SDK is loaded on the first poll, not at start-up.
 */
export const alibabaBssAdapter: ProviderAdapter = {
  id: 'alibaba-bss',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const accessKeyId = context.account.options.accessKeyId?.trim()
    if (!accessKeyId) {
      throw new ProviderFault('auth_failed', 'missing_access_key_id', 'This account has no AccessKey ID: add it in the account’s settings.')
    }
    const { site, origin } = alibabaEndpoint(context.account.options.site, context.account.baseUrl)
    const map = await queryAccountBalance(context, origin, accessKeyId)
    const body = parseShape(answerShape, map, 'Alibaba Cloud QueryAccountBalance')
    const code = body.Code === undefined ? undefined : String(body.Code)
    if (body.Success === false || (code !== undefined && code !== '200' && body.Data === undefined)) throw alibabaBusinessError(code, body.Message)
    const data = body.Data
    if (!data || (data.AvailableCashAmount === undefined && data.AvailableAmount === undefined)) {
      throw badResponse('unexpected_shape', 'Alibaba Cloud QueryAccountBalance: Data has neither AvailableCashAmount nor AvailableAmount')
    }
    const currency = data.Currency?.trim().toUpperCase()
    const unit = currency && /^[A-Z]{3}$/.test(currency) ? currency : SITE_CURRENCY[site]
    const facts = emptyFacts()
    const push = (kind: BalanceFact['kind'], value: unknown, field: string): void => {
      facts.balances.push({ unit, kind, amountMicros: amount(value, `Data.${field}`), source: 'official' })
    }
    if (data.AvailableCashAmount !== undefined) {
      push('total', data.AvailableCashAmount, 'AvailableCashAmount')
    } else {
      push('total', data.AvailableAmount, 'AvailableAmount')
      facts.warnings = ['Alibaba Cloud sent no AvailableCashAmount, so the balance shown is AvailableAmount, which includes the credit line.']
    }
    if (data.CreditAmount !== undefined) push('credit_line', data.CreditAmount, 'CreditAmount')
    return facts
  }
}

/**
 * The account's site (`cn` unless `intl`) and the origin its requests go to: the base URL override
 * when there is one (the simulator in tests), else the site's BSS endpoint. The API lives at the
 * host's root, so a base URL with a path is refused.
 */
export function alibabaEndpoint(siteOption: string | undefined, baseUrl: string | null): { site: Site; origin: URL } {
  const site: Site = siteOption === 'intl' ? 'intl' : 'cn'
  const url = new URL(baseUrl ?? ENDPOINTS[site])
  if (url.pathname.replace(/\/+$/, '') !== '' || url.search) {
    throw new ProviderFault('bad_response', 'base_url_path', 'Alibaba Cloud’s API is at the root of its host: remove the path from the base URL.')
  }
  return { site, origin: url }
}

/** The documented answer (its field names as documented), or a typed fault. */
async function queryAccountBalance(context: PollContext, origin: URL, accessKeyId: string): Promise<unknown> {
  const Client = interop((await import('@alicloud/bssopenapi20171214')).default)
  const timeout = context.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const config = {
    accessKeyId,
    accessKeySecret: context.key ?? '',
    // The SDK takes a host (with its port) and a protocol, not a URL: a base URL override (the
    // simulator on http://127.0.0.1:PORT in tests) points it elsewhere.
    endpoint: origin.host,
    protocol: origin.protocol.replace(':', ''),
    readTimeout: timeout,
    connectTimeout: timeout
  }
  // A plain object, not `new $OpenApiUtil.Config(…)`: openapi-core's Client constructor only reads
  // these fields, and importing @alicloud/openapi-core here (not a direct dependency, so the build
  // would bundle it rather than leave it external) would load a second copy of it beside the SDK's.
  const client = new Client(config as unknown as ConstructorParameters<typeof Client>[0])
  const url = `${origin.origin}/`
  try {
    const response = await client.queryAccountBalance()
    // The SDK hands back a model; toMap() gives the documented field names back.
    const map: unknown = response.body?.toMap() ?? null
    capture(context, url, response.statusCode ?? 200, map)
    return map
  } catch (error) {
    const data = (error as { data?: unknown }).data
    const status = (error as { statusCode?: unknown }).statusCode
    capture(context, url, typeof status === 'number' ? status : null, data ?? null)
    throw alibabaFault(error, timeout)
  }
}

/** Records what the SDK received for the raw-response view (the JSON it parsed; redacted). */
function capture(context: PollContext, url: string, status: number | null, body: unknown): void {
  context.http.captures.push({
    method: 'POST',
    url: context.http.redact(`${url}?Action=QueryAccountBalance`),
    httpStatus: status,
    contentType: body === null ? null : 'application/json',
    body: body === null ? '' : context.http.redact(JSON.stringify(body))
  })
}

/**
 * A module's CommonJS `exports.default` whether the loader handed over `module.exports` as the
 * default export (Node's ESM import of CommonJS) or already unwrapped it (a bundler's interop).
 */
function interop<T>(value: T): T {
  const inner = (value as { default?: T }).default
  return inner ?? value
}

/**
 * Alibaba's error codes that mean the AccessKey pair or its permissions (the API's own
 * NotAuthorized, "This API is not authorized for caller", and the common codes at
 * help.aliyun.com/document_detail/30137.htm: InvalidAccessKeyId.NotFound, SignatureDoesNotMatch, Forbidden…).
 */
const AUTH_CODES = /^(InvalidAccessKeyId|InvalidAccessKeySecret|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|Forbidden|NoPermission|NotAuthorized|Unauthorized)/i

/** An HTTP-200 answer with `Success: false` (or an error `Code`): rejected credentials or a provider error, as its code says. */
function alibabaBusinessError(code: string | undefined, message: string | undefined): ProviderFault {
  if (code && AUTH_CODES.test(code)) {
    const said = message ? ` The provider said: “${quote(message, 200)}”` : ''
    return new ProviderFault('auth_failed', 'business_auth', `Alibaba Cloud rejected the AccessKey pair or its permissions (${quote(code, 60)}).${said}`, 200)
  }
  return businessError('Alibaba Cloud', code, message)
}

/** The SDK's errors (openapi-core ClientError / ServerError / ThrottlingError, httpx network errors, JSON parse errors) as typed faults. */
function alibabaFault(error: unknown, timeoutMs: number): ProviderFault {
  if (error instanceof ProviderFault) return error
  const err = error as { name?: string; code?: unknown; statusCode?: unknown; data?: unknown; retryAfter?: unknown; message?: string }
  if (typeof err.statusCode === 'number') return statusFault(err.statusCode, err)
  if (err.name === 'SyntaxError') {
    return new ProviderFault('bad_response', 'not_json', 'The provider answered with something that is not JSON (a web page or a cut-off answer). Check the base URL.', 200)
  }
  if (/timeout/i.test(err.name ?? '')) {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`
    return new ProviderFault('unreachable', 'timeout', `The provider did not answer within ${limit}.`)
  }
  if (typeof err.code === 'string' && /^E[A-Z_]+$/.test(err.code)) {
    return new ProviderFault('unreachable', err.code.toLowerCase(), `Could not reach the provider (${err.code}). Check your connection and the base URL.`)
  }
  return new ProviderFault('bad_response', 'sdk_error', `The Alibaba Cloud SDK could not read the answer (${quote(err.message ?? String(error), 160)}).`)
}

function statusFault(status: number, err: { code?: unknown; data?: unknown; retryAfter?: unknown }): ProviderFault {
  // openapi-core writes a missing code as the text "undefined".
  const code = typeof err.code === 'string' && err.code !== 'undefined' ? err.code : null
  const data = (err.data ?? {}) as { Message?: unknown; message?: unknown }
  const message = typeof data.Message === 'string' ? data.Message : typeof data.message === 'string' ? data.message : null
  const said = `${code ? ` (${quote(code, 60)})` : ''}${message ? ` The provider said: “${quote(message, 200)}”` : ''}`
  if (status === 401 || status === 403 || (code !== null && AUTH_CODES.test(code))) {
    return new ProviderFault('auth_failed', `http_${status}`, `Alibaba Cloud rejected the AccessKey pair or its permissions (HTTP ${status})${said}. Check the AccessKey ID, the secret and that the RAM user may call bssapi:QueryAccountBalance.`, status)
  }
  if (status === 429 || (code !== null && code.includes('Throttling'))) {
    const retryAfterMs = typeof err.retryAfter === 'number' && err.retryAfter > 0 ? err.retryAfter : null
    return new ProviderFault('rate_limited', `http_${status}`, `Too many requests (HTTP ${status})${said}; Coffer will wait and retry.`, status, retryAfterMs)
  }
  if (status >= 500) return new ProviderFault('provider_error', `http_${status}`, `The provider had a server error (HTTP ${status})${said}; Coffer will retry.`, status)
  return new ProviderFault('provider_error', `http_${status}`, `Alibaba Cloud refused the request (HTTP ${status})${said}.`, status)
}
