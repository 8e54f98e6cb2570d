import type { CostManagementClient } from '@azure/arm-costmanagement'
import type { PipelineRequest } from '@azure/core-rest-pipeline'
import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { dayOf } from '../ledger/days'
import { PlainHttpHeaders, ProviderHttpAzureClient } from './azure-http-client'
import { SpendLines } from './fact-lines'
import { addDays, historyWindow } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, ProviderFault, quote } from './provider-fault'
import { amount, parseShape } from './parse'

/** Entra ID's public-cloud authority (learn.microsoft.com/entra/identity-platform/authentication-national-cloud). */
export const AZURE_AUTHORITY_HOST = 'https://login.microsoftonline.com'
/**
 * The ServiceName values Azure OpenAI's charges are billed under in Cost Management. Microsoft's
 * own pages did not say which one a bill carries today, so all three are asked for: "Foundry
 * Models" (the service name of the token meters in Azure's price list since the Foundry rename,
 * measured 2026-10-07 in github.com/dhangerkapil/foundry-usage-metering, README "Azure Retail
 * Prices API — five gotchas"), "Azure OpenAI", and "Cognitive Services" (the resource provider's,
 * under which older bills list them). More can be added in the `services` option. Other
 * Cognitive Services meters (Speech, Vision…) stay apart as their own lines: every line names its
 * meter subcategory and meter.
 */
export const AZURE_OPENAI_SERVICES = ['Foundry Models', 'Azure OpenAI', 'Cognitive Services'] as const
/** A query answers at most so many rows and then a `nextLink`: follow at most this many pages. */
const MAX_PAGES = 10

/** `UsageDate` as the API sends it with daily granularity: the number 20261120 (or its text, or an ISO date-time). */
const usageDate = z.union([z.number().int(), z.string()]).transform((value, ctx) => {
  const text = String(value)
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text)
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'must be a date (YYYYMMDD)' })
    return z.NEVER
  }
  return `${match[1]}-${match[2]}-${match[3]}`
})
const pageShape = z.object({
  nextLink: z.string().nullable().optional(),
  columns: z.array(z.object({ name: z.string(), type: z.string().optional() })).min(1),
  rows: z.array(z.array(z.unknown()))
})
/** A later page, read from the wire: the resource's `properties` hold what the SDK flattens. */
const wirePageShape = z.object({ properties: pageShape })

/**
 * Azure OpenAI spend through Cost Management `Query - Usage` (learn.microsoft.com/rest/api/
 * cost-management/query/usage: `POST {scope}/providers/Microsoft.CostManagement/query`), with the
 * official SDK `@azure/arm-costmanagement` (`client.query.usage(scope, definition)`) and Entra ID
 * client credentials from `@azure/identity` (`ClientSecretCredential`: no hand-written OAuth).
 * Request: `type: ActualCost`, `timeframe: Custom` with `timePeriod {from, to}`, `dataset {
 * granularity: Daily, aggregation: {totalCost: {name: PreTaxCost, function: Sum}}, grouping:
 * [MeterSubCategory, Meter], filter: {dimensions: {name: ServiceName, operator: In, values}} }`.
 * Answer (`QueryResult`, SDK models/mappers.js): `properties.columns[{name, type}]` and
 * `properties.rows[[…]]` in the columns' order — the cost (`PreTaxCost`, or `Cost` where the
 * billing account names it so), `UsageDate` (20261120), the grouping dimensions and `Currency` —
 * and `properties.nextLink` while more rows remain. The SDK has no call for a next page: Coffer
 * POSTs the same body to `nextLink` (the docs name the field but not how to follow it; unconfirmed). Each day asked
 * for is complete and replaces what the ledger had; the currency is the answer's, per row.
 *
 * Credentials: tenant ID and client ID are options, the client secret is the account's key (in
 * the keychain); the real credential fetches a token from the authority (default
 * {@link AZURE_AUTHORITY_HOST}). Every request — the token's too — goes through
 * {@link ProviderHttpAzureClient}, so the token is known to the redactor before its answer is
 * captured. The SDKs load only when an Azure account polls, and never retry on their own.
 */
export const azureOpenaiAdapter: ProviderAdapter = {
  id: 'azure-openai',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const options = context.account.options
    const tenantId = options.tenantId?.trim()
    const clientId = options.clientId?.trim()
    const subscriptionId = options.subscriptionId?.trim()
    if (!tenantId || !clientId || !subscriptionId) {
      throw badResponse('missing_option', 'this Azure account needs a tenant ID, a client ID and a subscription ID; add them in the account settings', null)
    }
    const resourceGroup = options.resourceGroup?.trim()
    // No leading slash: the SDK's path is `/{scope}/providers/…`, and `//subscriptions` would read as a host.
    const scope = `subscriptions/${subscriptionId}${resourceGroup ? `/resourceGroups/${resourceGroup}` : ''}`
    const authorityHost = (options.authorityHost?.trim() || AZURE_AUTHORITY_HOST).replace(/\/+$/, '')
    const { ClientSecretCredential } = await import('@azure/identity')
    const { CostManagementClient } = await import('@azure/arm-costmanagement')
    const httpClient = new ProviderHttpAzureClient(context.http, () => context.now.getTime(), (url) => url.startsWith(`${authorityHost}/`) && /\/oauth2\/v2\.0\/token(\?|$)/.test(url))
    const noRetry = { maxRetries: 0 }
    const credential = new ClientSecretCredential(tenantId, clientId, context.key ?? '', {
      authorityHost,
      // Why: the authority is the user's choice (public cloud by default, a national cloud's
      // otherwise); MSAL's instance discovery would ask the public cloud about it first.
      disableInstanceDiscovery: true,
      httpClient,
      retryOptions: noRetry
    })
    const client = new CostManagementClient(credential, { endpoint: context.baseUrl.replace(/\/+$/, ''), httpClient, retryOptions: noRetry })

    const window = historyWindow(context.now, context.lastSuccessAt)
    const definition = {
      type: 'ActualCost',
      timeframe: 'Custom',
      // `to` is inclusive: the last second of the window's last day.
      timePeriod: { from: window.start, to: new Date(window.end.getTime() - 1000) },
      dataset: {
        granularity: 'Daily',
        aggregation: { totalCost: { name: 'PreTaxCost', function: 'Sum' } },
        grouping: [
          { type: 'Dimension', name: 'MeterSubCategory' },
          { type: 'Dimension', name: 'Meter' }
        ],
        filter: { dimensions: { name: 'ServiceName', operator: 'In', values: [...AZURE_OPENAI_SERVICES, ...extraServices(options.services)] } }
      }
    }
    const spend = new SpendLines()
    try {
      let page = parseShape(pageShape, await client.query.usage(scope, definition), 'Cost Management query')
      for (let number = 1; ; number += 1) {
        readRows(page, spend)
        context.onPage?.('Cost Management', number)
        if (!page.nextLink) break
        if (number >= MAX_PAGES) throw badResponse('too_many_pages', `Cost Management kept paging after ${MAX_PAGES} answers; Coffer stopped`)
        const answer = await nextPage(client, page.nextLink, definition)
        page = parseShape(wirePageShape, answer, 'Cost Management query (next page)').properties
      }
    } catch (error) {
      throw httpClient.lastFault ?? azureFault(error, httpClient)
    }
    const days: string[] = []
    for (let day = window.start; day < window.end; day = addDays(day, 1)) days.push(dayOf(day))
    return { ...emptyFacts(), spend: spend.list(), replaceDays: { spend: days } }
  }
}

/** Adds a page's rows to `spend`, reading each value by its column's name. */
function readRows(page: z.infer<typeof pageShape>, spend: SpendLines): void {
  const names = page.columns.map((column) => column.name.toLowerCase())
  const costAt = ['pretaxcost', 'cost', 'totalcost'].map((name) => names.indexOf(name)).find((index) => index >= 0) ?? -1
  const dateAt = names.indexOf('usagedate')
  const currencyAt = names.indexOf('currency')
  if (costAt < 0 || dateAt < 0 || currencyAt < 0) {
    throw badResponse('missing_column', `the answer's columns (${quote(page.columns.map((column) => column.name).join(', '), 120)}) lack PreTaxCost/Cost, UsageDate or Currency`)
  }
  const subcategoryAt = names.indexOf('metersubcategory')
  const meterAt = names.indexOf('meter')
  for (const [index, row] of page.rows.entries()) {
    const day = parseShape(usageDate, row[dateAt], `rows[${index}].UsageDate`)
    const currency = parseShape(z.string().regex(/^[A-Z]{3}$/, 'must be a currency code'), row[currencyAt], `rows[${index}].Currency`)
    const micros = amount(row[costAt], `rows[${index}].${page.columns[costAt]?.name ?? 'cost'}`)
    const item = [row[subcategoryAt], row[meterAt]].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' / ') || 'Azure OpenAI'
    if (micros !== 0) spend.add(day, item, currency, micros)
  }
}

/** POSTs the query again to `nextLink` through the client's pipeline (bearer token, Coffer's HTTP client). */
async function nextPage(client: CostManagementClient, nextLink: string, definition: unknown): Promise<unknown> {
  // Built by hand (the PipelineRequest interface) rather than with @azure/core-rest-pipeline's
  // createPipelineRequest: that package is not a direct dependency, and the build would bundle a copy.
  const headers = new PlainHttpHeaders()
  headers.set('content-type', 'application/json')
  headers.set('accept', 'application/json')
  const request: PipelineRequest = { url: nextLink, method: 'POST', headers, body: JSON.stringify(definition), timeout: 0, withCredentials: false, requestId: globalThis.crypto.randomUUID() }
  const response = await client.sendRequest(request)
  if (response.status < 200 || response.status >= 300) throw Object.assign(new Error(errorMessage(response.bodyAsText)), { name: 'RestError', statusCode: response.status, code: errorCode(response.bodyAsText) })
  try {
    return JSON.parse(response.bodyAsText ?? '')
  } catch {
    throw badResponse('invalid_json', 'Cost Management answered a later page with incomplete or invalid JSON')
  }
}

function errorBody(text: string | null | undefined): { code?: unknown; message?: unknown } {
  try {
    return ((JSON.parse(text ?? '') as { error?: { code?: unknown; message?: unknown } }).error ?? {}) as { code?: unknown; message?: unknown }
  } catch {
    return {}
  }
}
function errorMessage(text: string | null | undefined): string {
  const message = errorBody(text).message
  return typeof message === 'string' ? message : ''
}
function errorCode(text: string | null | undefined): string | undefined {
  const code = errorBody(text).code
  return typeof code === 'string' ? code : undefined
}

/** The `services` option: further ServiceName values, comma separated. */
function extraServices(option: string | undefined): string[] {
  const known = new Set<string>(AZURE_OPENAI_SERVICES)
  return (option ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && !known.has(name))
}

/** `@azure/identity` errors: the token could not be had with these credentials. */
const IDENTITY_ERRORS = new Set(['AuthenticationError', 'AuthenticationRequiredError', 'CredentialUnavailableError'])
/** OAuth error codes (RFC 6749 §5.2, Entra ID's AADSTS answers) that mean the client credentials were refused. */
const AUTH_CODES = new Set(['invalid_client', 'unauthorized_client', 'invalid_grant', 'invalid_request', 'AuthenticationFailed', 'AuthorizationFailed', 'InvalidAuthenticationToken', 'ExpiredAuthenticationToken'])

/**
 * An SDK error as a {@link ProviderFault}: Coffer's own faults (network, size) pass through;
 * `@azure/identity`'s `AuthenticationError` (the token endpoint said no: `invalid_client`…) and a
 * 401/403 from Cost Management are auth_failed; 429 is rate_limited (Retry-After kept); 5xx and
 * other refusals provider_error; an answer the SDK could not read is bad_response. Azure's
 * messages name neither the secret nor the token (and the redactor knows both).
 */
function azureFault(error: unknown, last: { retryAfterMs: number | null; lastStatus: number | null }): ProviderFault {
  // Coffer's own fault (network, deadline, size) may come back wrapped by MSAL or the pipeline.
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if (cause instanceof ProviderFault) return cause
  }
  const err = error as Error & { statusCode?: number; code?: string; errorResponse?: { error?: string; errorDescription?: string } }
  const name = typeof err.name === 'string' ? err.name : 'Error'
  const message = (err.message ?? '').trim()
  // The bearer policy wraps a refused token request in AuthenticationRequiredError whose message
  // is MSAL's: "invalid_client: Error(s): 7000215 - … - Description: AADSTS7000215: … - Correlation ID: …".
  // It carries no HTTP status: the token answer's is the last one the client saw.
  const identityError = IDENTITY_ERRORS.has(name)
  const status = typeof err.statusCode === 'number' ? err.statusCode : identityError ? last.lastStatus : null
  const oauthCode = err.errorResponse?.error ?? (identityError ? /^([a-z_]+):/.exec(message)?.[1] : undefined)
  const code = oauthCode ?? err.code ?? name
  const description = err.errorResponse?.errorDescription ?? /Description: (.*?)(?: - Correlation ID:|$)/s.exec(message)?.[1] ?? message
  const text = description.trim().split('\n')[0] ?? ''
  const said = text ? ` Azure said: “${quote(text, 240)}”` : ''
  const who = identityError ? 'Microsoft Entra ID (sign-in)' : 'Cost Management'
  if (status === 429) {
    return new ProviderFault('rate_limited', `azure_${code}`, `${who} is throttling requests (HTTP 429); Coffer will wait and retry.${said}`, status, last.retryAfterMs)
  }
  if (status !== null && status >= 500) {
    return new ProviderFault('provider_error', `http_${status}`, `${who} had a server error (HTTP ${status}); Coffer will retry.${said}`, status, last.retryAfterMs)
  }
  if (status === 401 || status === 403 || AUTH_CODES.has(code) || (identityError && (status === null || status >= 400))) {
    return new ProviderFault('auth_failed', `azure_${code}`, `Azure refused the credentials (${code}${status ? `, HTTP ${status}` : ''}). Check the tenant ID, client ID and client secret, and that the app may read Cost Management (Cost Management Reader on the scope).${said}`, status)
  }
  if (status !== null && status >= 400) {
    return new ProviderFault('provider_error', `azure_${code}`, `Cost Management refused the request (${code}, HTTP ${status}).${said}`, status)
  }
  return new ProviderFault('bad_response', 'unreadable', `Unexpected answer from ${who}: the SDK could not read it. Check the base URL${identityError ? ' and the sign-in authority' : ''}.`, status ?? 200)
}
