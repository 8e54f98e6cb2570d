import type { SimHandler, SimRequest, SimResponse } from '../provider-simulator'

/** One row of a daily Cost Management answer grouped by meter subcategory and meter. */
export interface CostRow {
  /** YYYYMMDD, as the API sends `UsageDate` (a number). */
  date: number
  subcategory: string
  meter: string
  /** The cost, a JSON number as Azure sends it. */
  cost: number
  currency?: string
}

/**
 * The OpenID configuration MSAL reads before asking for a token
 * (`GET {authority}/{tenant}/v2.0/.well-known/openid-configuration`, OpenID Connect Discovery 1.0 §3).
 */
export function openidConfiguration(baseUrl: string, tenant: string): SimResponse {
  const authority = `${baseUrl}/${tenant}`
  return {
    body: {
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      issuer: `${authority}/v2.0`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic']
    }
  }
}

/**
 * Entra ID's token endpoint for the client-credentials grant (learn.microsoft.com/entra/identity-
 * platform/v2-oauth2-client-creds-grant-flow): `POST /{tenant}/oauth2/v2.0/token`, form-encoded
 * `client_id`, `client_secret`, `scope`, `grant_type=client_credentials`; answers `{token_type,
 * expires_in, ext_expires_in, access_token}`, or 401 `{error: invalid_client, error_description:
 * "AADSTS7000215: Invalid client secret provided…", error_codes}` for a wrong secret.
 */
export function entraToken(expected: { clientId: string; clientSecret: string; scope: string; accessToken: string }): SimHandler {
  return (req: SimRequest): SimResponse => {
    const form = new URLSearchParams(req.body)
    if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.')
    if (form.get('client_id') !== expected.clientId || form.get('client_secret') !== expected.clientSecret) {
      return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.')
    }
    if (form.get('scope') !== expected.scope) return oauthError(400, 'invalid_scope', `AADSTS70011: The provided value for scope ${form.get('scope') ?? ''} is not valid.`)
    return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: expected.accessToken } }
  }
}

/** An OAuth 2.0 error answer (RFC 6749 §5.2) as Entra ID sends it. */
export function oauthError(status: number, error: string, description: string): SimResponse {
  return { status, body: { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: '2026-11-21 12:00:00Z' } }
}

/**
 * A Cost Management `QueryResult` (learn.microsoft.com/rest/api/cost-management/query/usage;
 * `@azure/arm-costmanagement` models/mappers.js `QueryResult`): a resource whose `properties`
 * hold `columns[{name, type}]`, `rows` in that order, and `nextLink` while more rows remain.
 */
export function queryResult(rows: CostRow[], options: { costColumn?: 'PreTaxCost' | 'Cost'; nextLink?: string } = {}): Record<string, unknown> {
  return {
    id: 'subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.CostManagement/query/5e0d2a5c-0f0c-4c5f-9c8a-2f7d1c0b3a11',
    name: '5e0d2a5c-0f0c-4c5f-9c8a-2f7d1c0b3a11',
    type: 'Microsoft.CostManagement/query',
    location: null,
    sku: null,
    eTag: null,
    properties: {
      nextLink: options.nextLink ?? null,
      columns: [
        { name: options.costColumn ?? 'PreTaxCost', type: 'Number' },
        { name: 'UsageDate', type: 'Number' },
        { name: 'MeterSubCategory', type: 'String' },
        { name: 'Meter', type: 'String' },
        { name: 'Currency', type: 'String' }
      ],
      rows: rows.map((row) => [row.cost, row.date, row.subcategory, row.meter, row.currency ?? 'USD'])
    }
  }
}

/**
 * Cost Management's query endpoint: answers `pages` in order of the `$skiptoken` query parameter
 * (none = the first); a request without `Authorization: Bearer <token>` gets Azure's 401
 * `AuthenticationFailed`, one without `api-version` a 400.
 */
export function costManagementQuery(accessToken: string, pages: Record<string, unknown>[]): SimHandler {
  return (req: SimRequest): SimResponse => {
    if (req.headers.authorization !== `Bearer ${accessToken}`) return azureError(401, 'AuthenticationFailed', 'Authentication failed. The Authorization header is missing or invalid.')
    if (!req.query.get('api-version')) return azureError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.")
    const token = req.query.get('$skiptoken')
    return { body: pages[token === null ? 0 : Number(token)] ?? azureError(400, 'BadRequest', 'Invalid skiptoken').body }
  }
}

/** An Azure Resource Manager error answer: `{error: {code, message}}`. */
export function azureError(status: number, code: string, message: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body: { error: { code, message } } }
}
