import { z } from 'zod'
import { emptyFacts, type BalanceFact, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import type { ProviderHttp } from './provider-http'
import { amount, numeric, parseShape } from './parse'
import { badResponse, ProviderFault, quote } from './provider-fault'

/** Billing OpenAPI: service `billing`, version 2022-01-01, region cn-north-1 (the SDK's default region). */
const SERVICE = 'billing'
const VERSION = '2022-01-01'
const REGION = 'cn-north-1'

// QueryBalanceAcct (volcengine.com/docs/6269/1223898, "查询用户账户余额信息"): `GET
// /?Action=QueryBalanceAcct&Version=2022-01-01` on open.volcengineapi.com answers `{ ResponseMetadata:
// { RequestId, Action, Version, Service, Error? }, Result: { AccountID, ArrearsBalance "欠费金额",
// AvailableBalance "可用余额", CashBalance "现金余额", CreditLimit "信控额度", FreezeAmount "冻结金额" } }`,
// amounts as decimal strings in CNY.
const answerShape = z.object({
  ResponseMetadata: z
    .object({ Error: z.object({ Code: z.string().optional(), Message: z.string().optional() }).passthrough().optional() })
    .passthrough()
    .optional(),
  Result: z
    .object({
      AvailableBalance: numeric.optional(),
      CashBalance: numeric.optional(),
      CreditLimit: numeric.optional(),
      ArrearsBalance: numeric.optional()
    })
    .passthrough()
    .nullable()
    .optional()
})

/**
 * The common error codes that mean the access key or its permissions (volcengine.com/docs/6369/68677:
 * InvalidAccessKey 401, SignatureDoesNotMatch 401, AccessDenied 403, and MissingSignature,
 * InvalidSecretToken, InvalidAuthorization, InvalidCredential…).
 */
const AUTH_CODES = /^(InvalidAccessKey|SignatureDoesNotMatch|AccessDenied|MissingSignature|MissingAuthenticationToken|InvalidSecretToken|InvalidAuthorization|InvalidCredential|InvalidTimestamp|Forbidden|Unauthorized)/

/**
 * Volcengine Ark (billed to the Volcengine account) through billing OpenAPI `QueryBalanceAcct`,
 * built and signed (HMAC-SHA256 `Authorization` naming the Access Key ID) by the official SDK
 * (@volcengine/openapi `Service.createAPI`): Coffer never signs by hand. The SDK sends through
 * axios, whose documented `adapter` request option (the SDK passes request options through to
 * axios) hands the signed request to {@link PollContext.http}: the poll's deadline, size limit,
 * abort signal, redacted capture and HTTP fault statuses apply as for every other provider.
 *
 * Like Novita's (issue 13.8), the balance is the cash (`CashBalance`); the credit limit and the
 * arrears are their own figures. AvailableBalance (cash less frozen and owed money, plus the credit
 * line) is used only when CashBalance is missing, with a warning. The SDK loads on the first poll.
 */
export const volcengineArkAdapter: ProviderAdapter = {
  id: 'volcengine-ark',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const accessKeyId = context.account.options.accessKeyId?.trim()
    if (!accessKeyId) {
      throw new ProviderFault('auth_failed', 'missing_access_key_id', 'This account has no Access Key ID: add it in the account’s settings.')
    }
    const origin = new URL(context.baseUrl)
    if (origin.pathname.replace(/\/+$/, '') !== '' || origin.search) {
      throw new ProviderFault('bad_response', 'base_url_path', 'Volcengine’s API is at the root of its host: remove the path from the base URL.')
    }
    const raw = await queryBalanceAcct(context, origin, accessKeyId)
    const body = parseShape(answerShape, raw, 'Volcengine QueryBalanceAcct')
    const error = body.ResponseMetadata?.Error
    if (error?.Code) throw volcengineError(error.Code, error.Message, 200)
    const result = body.Result
    if (!result || (result.CashBalance === undefined && result.AvailableBalance === undefined)) {
      throw badResponse('unexpected_shape', 'Volcengine QueryBalanceAcct: Result has neither CashBalance nor AvailableBalance')
    }
    const facts = emptyFacts()
    const push = (kind: BalanceFact['kind'], value: unknown, field: string): void => {
      facts.balances.push({ unit: 'CNY', kind, amountMicros: amount(value, `Result.${field}`), source: 'official' })
    }
    if (result.CashBalance !== undefined) {
      push('total', result.CashBalance, 'CashBalance')
    } else {
      push('total', result.AvailableBalance, 'AvailableBalance')
      facts.warnings = ['Volcengine sent no CashBalance, so the balance shown is AvailableBalance, which includes the credit limit.']
    }
    if (result.CreditLimit !== undefined) push('credit_line', result.CreditLimit, 'CreditLimit')
    if (result.ArrearsBalance !== undefined) push('owed', result.ArrearsBalance, 'ArrearsBalance')
    return facts
  }
}

/** The request the SDK hands axios, once signed (the fields this adapter reads). */
interface SignedRequest {
  url?: string
  method?: string
  headers?: { toJSON?: () => Record<string, unknown> } & Record<string, unknown>
}

async function queryBalanceAcct(context: PollContext, origin: URL, accessKeyId: string): Promise<unknown> {
  // Only the SDK's base Service (lib/base/service), not its index, which builds a client for every
  // Volcengine product on load. The package has no `exports` map, so the deep path is its public
  // layout; the `.js` is needed by Node's ESM loader, which the built CLI uses (no extension guessing).
  const Service = interop((await import('@volcengine/openapi/lib/base/service.js')).default)
  const service = new Service({
    host: origin.host,
    protocol: origin.protocol,
    region: REGION,
    serviceName: SERVICE,
    defaultVersion: VERSION,
    accessKeyId,
    secretKey: context.key ?? ''
  })
  const query = service.createAPI<Record<string, never>, unknown>('QueryBalanceAcct', { Version: VERSION, method: 'GET' })
  try {
    return await query({}, { adapter: viaProviderHttp(context.http) } as Parameters<typeof query>[1])
  } catch (error) {
    throw withVolcengineWords(error, context.http)
  }
}

/** An axios adapter that sends the SDK's signed request through Coffer's {@link ProviderHttp}. */
function viaProviderHttp(http: ProviderHttp) {
  return async (config: SignedRequest) => {
    const all = typeof config.headers?.toJSON === 'function' ? config.headers.toJSON() : { ...config.headers }
    // fetch sets Host and Content-Length itself; a GET has no body, so no content type either.
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(all)) {
      if (typeof value === 'string' && !/^(host|content-length|content-type)$/i.test(name)) headers[name] = value
    }
    const response = await http.json({ method: 'GET', url: config.url ?? '', headers })
    return { data: response.json, status: response.status, statusText: '', headers: {}, config, request: null }
  }
}

/**
 * A non-2xx answer is already a typed fault from {@link ProviderHttp} (status, Retry-After); its
 * `ResponseMetadata.Error` (code and words, in the captured body, already redacted) makes an auth
 * code an `auth_failed` whatever the HTTP status, and adds the provider's words.
 */
function withVolcengineWords(error: unknown, http: ProviderHttp): unknown {
  if (!(error instanceof ProviderFault) || error.httpStatus === null) return error
  const body = http.captures.at(-1)?.body ?? ''
  let said: { Code?: unknown; Message?: unknown } | undefined
  try {
    said = (JSON.parse(body) as { ResponseMetadata?: { Error?: { Code?: unknown; Message?: unknown } } }).ResponseMetadata?.Error
  } catch {
    return error
  }
  if (typeof said?.Code !== 'string') return error
  const fault = volcengineError(said.Code, typeof said.Message === 'string' ? said.Message : undefined, error.httpStatus)
  return fault.status === 'auth_failed' ? fault : new ProviderFault(error.status, error.code, `${error.message} (${quote(said.Code, 60)})`, error.httpStatus, error.retryAfterMs)
}

function volcengineError(code: string, message: string | undefined, httpStatus: number): ProviderFault {
  const said = message ? ` The provider said: “${quote(message, 200)}”` : ''
  if (AUTH_CODES.test(code)) {
    return new ProviderFault('auth_failed', httpStatus === 200 ? 'business_auth' : `http_${httpStatus}`, `Volcengine rejected the access key or its permissions (${quote(code, 60)}). Check the Access Key ID, the secret and that the user may call billing:QueryBalanceAcct.${said}`, httpStatus)
  }
  return new ProviderFault('provider_error', httpStatus === 200 ? 'business_error' : `http_${httpStatus}`, `Volcengine answered with an error (${quote(code, 60)}).${said}`, httpStatus)
}

/** A CommonJS `exports.default` whether the loader unwrapped it (a bundler) or not (Node's ESM import). */
function interop<T>(value: T): T {
  const inner = (value as { default?: T }).default
  return inner ?? value
}
