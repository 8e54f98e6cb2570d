import { z } from 'zod'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { SpendLines } from './fact-lines'
import { historyWindow } from './history-window'
import type { PollContext, ProviderAdapter } from './provider-adapter'
import { badResponse, ProviderFault, quote } from './provider-fault'
import { amount, parseShape } from './parse'
import { ProviderHttpSdkHandler } from './sdk-http-handler'
import { dayOf } from '../ledger/days'

/** Cost Explorer's API lives in us-east-1 whatever region Bedrock runs in (docs.aws.amazon.com/general/latest/gr/billing.html). */
export const COST_EXPLORER_REGION = 'us-east-1'
/** The SERVICE dimension value of Bedrock's own charges, as Cost Explorer lists it. */
export const BEDROCK_SERVICE = 'Amazon Bedrock'
/**
 * Each GetCostAndUsage request (each page) is billed $0.01 (aws.amazon.com/aws-cost-management/pricing:
 * "$0.01 per paginated API request"): at most this many pages per poll.
 */
const MAX_PAGES = 10

const metricShape = z.object({ Amount: z.string(), Unit: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code') })
const resultsShape = z.object({
  ResultsByTime: z.array(
    z.object({
      TimePeriod: z.object({ Start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD') }),
      Groups: z.array(z.object({ Keys: z.array(z.string()).min(1), Metrics: z.object({ UnblendedCost: metricShape }) })).default([])
    })
  ),
  NextPageToken: z.string().nullable().optional()
})

/**
 * AWS Bedrock spend through Cost Explorer `GetCostAndUsage` (docs.aws.amazon.com/aws-cost-management/
 * latest/APIReference/API_GetCostAndUsage.html), with the official SDK `@aws-sdk/client-cost-explorer`
 * (SigV4 signing, the JSON 1.1 protocol, error parsing: no hand-written signing). Request:
 * `TimePeriod {Start, End}` (End exclusive), `Granularity: DAILY`, `Metrics: [UnblendedCost]`,
 * `Filter: {Dimensions: {Key: SERVICE, Values: […]}}` (Amazon Bedrock, plus the Marketplace names
 * of third-party models in the `services` option), `GroupBy: [{Type: DIMENSION, Key: USAGE_TYPE}]`.
 * Answer: `ResultsByTime[{TimePeriod, Groups[{Keys: [usage type], Metrics: {UnblendedCost: {Amount,
 * Unit}}}], Estimated}]` and `NextPageToken` while more pages remain; `Amount` is a decimal string,
 * read exactly. Each day answered is complete and replaces what the ledger had.
 *
 * Credentials: the access key id (option `accessKeyId`) and the secret access key (the account's
 * key, in the keychain) go to the SDK as static credentials, so it never looks at the environment,
 * ~/.aws or instance metadata. The SDK sends through {@link ProviderHttpSdkHandler}; it is loaded
 * only when an AWS account polls, not at every `coffer` start. Every request is billed $0.01: the
 * descriptor's poll interval is at least 6 hours (account-handlers.ts refuses less), the SDK does
 * not retry, and a manual refresh is one request per page.
 */
export const awsBedrockAdapter: ProviderAdapter = {
  id: 'aws-bedrock',
  async poll(context: PollContext): Promise<LedgerFacts> {
    const accessKeyId = context.account.options.accessKeyId?.trim()
    if (!accessKeyId) throw badResponse('missing_access_key_id', 'this AWS account has no access key ID; add it in the account settings', null)
    const { CostExplorerClient, GetCostAndUsageCommand } = await import('@aws-sdk/client-cost-explorer')
    const handler = new ProviderHttpSdkHandler(context.http, () => context.now.getTime())
    const client = new CostExplorerClient({
      region: COST_EXPLORER_REGION,
      endpoint: context.baseUrl,
      credentials: { accessKeyId, secretAccessKey: context.key ?? '' },
      requestHandler: handler,
      // Coffer's poller retries on its own schedule; an SDK retry would be another paid request.
      maxAttempts: 1
    })
    const window = historyWindow(context.now, context.lastSuccessAt)
    const services = [BEDROCK_SERVICE, ...extraServices(context.account.options.services)]
    const spend = new SpendLines()
    const days: string[] = []
    let token: string | undefined
    try {
      for (let page = 1; ; page += 1) {
        const output = await client.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: dayOf(window.start), End: dayOf(window.end) },
            Granularity: 'DAILY',
            Metrics: ['UnblendedCost'],
            Filter: { Dimensions: { Key: 'SERVICE', Values: services } },
            GroupBy: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
            ...(token ? { NextPageToken: token } : {})
          })
        )
        const body = parseShape(resultsShape, output, 'Cost Explorer GetCostAndUsage')
        for (const [index, result] of body.ResultsByTime.entries()) {
          const day = result.TimePeriod.Start
          days.push(day)
          for (const group of result.Groups) {
            const cost = group.Metrics.UnblendedCost
            const micros = amount(cost.Amount, `ResultsByTime[${index}].Groups.UnblendedCost.Amount`)
            if (micros !== 0) spend.add(day, group.Keys.join(' / '), cost.Unit, micros)
          }
        }
        context.onPage?.('Cost Explorer', page)
        token = body.NextPageToken ?? undefined
        if (!token) break
        if (page >= MAX_PAGES) throw badResponse('too_many_pages', `Cost Explorer kept paging after ${MAX_PAGES} requests ($0.01 each); Coffer stopped`)
      }
    } catch (error) {
      throw sdkFault(error, handler.retryAfterMs)
    } finally {
      client.destroy()
    }
    return { ...emptyFacts(), spend: spend.list(), replaceDays: { spend: [...new Set(days)] } }
  }
}

/** The `services` option: further SERVICE values, comma separated (a Marketplace model's "… (Amazon Bedrock Edition)"). */
function extraServices(option: string | undefined): string[] {
  return (option ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name !== BEDROCK_SERVICE)
}

/** Error names of the AWS JSON protocol that mean the credentials were refused (AWS common errors reference). */
const AUTH_ERRORS = new Set([
  'UnrecognizedClientException',
  'AccessDeniedException',
  'AccessDenied',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredTokenException'
])
/** Throttling: `LimitExceededException` is Cost Explorer's own ("You made too many calls in a short period of time"). */
const THROTTLE_ERRORS = new Set(['LimitExceededException', 'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded'])

/**
 * An SDK error as a {@link ProviderFault}: Coffer's own faults (network, size) pass through; a
 * service exception (`name` = the protocol's `__type`, `$metadata.httpStatusCode`) becomes
 * auth_failed, rate_limited or provider_error; anything else (an answer the SDK could not parse)
 * is bad_response. The SDK's message names neither the secret nor the signature.
 */
function sdkFault(error: unknown, retryAfterMs: number | null): ProviderFault {
  if (error instanceof ProviderFault) return error
  const err = error as Error & { $metadata?: { httpStatusCode?: number }; $fault?: string }
  const status = err.$metadata?.httpStatusCode ?? null
  const said = err.message?.trim() ? ` AWS said: “${quote(err.message.trim(), 240)}”` : ''
  const name = typeof err.name === 'string' ? err.name : 'Error'
  if (status === null || err.$fault === undefined) {
    const code = /JSON|Unexpected token|Unexpected end/i.test(err.message ?? '') ? 'invalid_json' : 'unreadable'
    return new ProviderFault('bad_response', code, 'Unexpected answer from Cost Explorer: the SDK could not read it as JSON. Check the base URL.', status ?? 200)
  }
  if (status === 401 || status === 403 || AUTH_ERRORS.has(name)) {
    return new ProviderFault('auth_failed', `aws_${name}`, `AWS refused the credentials (${name}, HTTP ${status}). Check the access key ID and secret access key, and that the user may call ce:GetCostAndUsage.${said}`, status)
  }
  if (status === 429 || THROTTLE_ERRORS.has(name)) {
    return new ProviderFault('rate_limited', `aws_${name}`, `Cost Explorer is throttling requests (${name}); Coffer will wait and retry.${said}`, status, retryAfterMs)
  }
  if (status >= 500) {
    return new ProviderFault('provider_error', `http_${status}`, `Cost Explorer had a server error (HTTP ${status}); Coffer will retry.${said}`, status, retryAfterMs)
  }
  return new ProviderFault('provider_error', `aws_${name}`, `Cost Explorer refused the request (${name}, HTTP ${status}).${said}`, status)
}
