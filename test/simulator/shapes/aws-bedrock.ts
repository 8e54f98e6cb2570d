import type { SimHandler, SimRequest, SimResponse } from '../provider-simulator'

/** One group of a day: a usage type and its UnblendedCost amount (a decimal string, as AWS sends it). */
export interface CostGroup {
  usageType: string
  amount: string
  unit?: string
}

/** The AWS JSON 1.1 target of GetCostAndUsage (botocore ce/2017-10-25 service-2.json: targetPrefix AWSInsightsIndexService). */
export const GET_COST_AND_USAGE_TARGET = 'AWSInsightsIndexService.GetCostAndUsage'

/**
 * One page of a Cost Explorer `GetCostAndUsage` answer grouped by USAGE_TYPE
 * (docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html):
 * `ResultsByTime[{ TimePeriod {Start, End}, Total {}, Groups[{ Keys, Metrics {UnblendedCost {Amount,
 * Unit}} }], Estimated }]`, `GroupDefinitions`, `DimensionValueAttributes` and `NextPageToken` while
 * more pages remain.
 */
export function costAndUsagePage(days: Record<string, CostGroup[]>, nextPageToken?: string): Record<string, unknown> {
  return {
    GroupDefinitions: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
    ResultsByTime: Object.entries(days).map(([day, groups]) => ({
      TimePeriod: { Start: day, End: nextDay(day) },
      Total: {},
      Groups: groups.map((group) => ({ Keys: [group.usageType], Metrics: { UnblendedCost: { Amount: group.amount, Unit: group.unit ?? 'USD' } } })),
      Estimated: true
    })),
    DimensionValueAttributes: [],
    ...(nextPageToken ? { NextPageToken: nextPageToken } : {})
  }
}

/**
 * Cost Explorer as AWS serves it: `POST /` with `X-Amz-Target: AWSInsightsIndexService.GetCostAndUsage`
 * and `Content-Type: application/x-amz-json-1.1`, SigV4-signed (`Authorization: AWS4-HMAC-SHA256
 * Credential=<access key id>/<date>/us-east-1/ce/aws4_request, SignedHeaders=…, Signature=<64 hex>`).
 * An unsigned request or another key id gets the 400 `UnrecognizedClientException` AWS sends;
 * pages are served in order of the request's `NextPageToken` (none = the first).
 */
export function costExplorer(accessKeyId: string, pages: Record<string, unknown>[]): SimHandler {
  return (req: SimRequest): SimResponse => {
    if (req.headers['x-amz-target'] !== GET_COST_AND_USAGE_TARGET) return awsError(400, 'UnknownOperationException', 'Unknown operation')
    if (!signedBy(req, accessKeyId)) return awsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
    const token = (JSON.parse(req.body) as { NextPageToken?: string }).NextPageToken
    const index = token === undefined ? 0 : Number(token.replace('page-', ''))
    return { headers: { 'content-type': 'application/x-amz-json-1.1' }, body: pages[index] ?? awsError(400, 'InvalidNextTokenException', 'The pagination token is invalid.').body }
  }
}

/** A JSON 1.1 error answer: `{ __type, message }` (AWS JSON protocol). */
export function awsError(status: number, type: string, message: string): SimResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: { __type: `com.amazonaws.awsinsightsindexservice#${type}`, message } }
}

/** Whether the request carries a SigV4 Authorization header for `accessKeyId` in us-east-1's ce scope. */
export function signedBy(req: SimRequest, accessKeyId: string): boolean {
  const auth = req.headers.authorization ?? ''
  const pattern = new RegExp(`^AWS4-HMAC-SHA256 Credential=${accessKeyId}/\\d{8}/us-east-1/ce/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`)
  return pattern.test(auth) && /^\d{8}T\d{6}Z$/.test(req.headers['x-amz-date'] ?? '')
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}
