import type { SimHandler, SimRequest, SimResponse } from '../provider-simulator'

/** `HMAC-SHA256 Credential=<AK>/<yyyymmdd>/cn-north-1/billing/request, SignedHeaders=…, Signature=<64 hex>` (@volcengine/openapi lib/base/sign). */
function signedBy(req: SimRequest, accessKeyId: string): boolean {
  const auth = req.headers.authorization ?? ''
  const match = /^HMAC-SHA256 Credential=([^/]+)\/\d{8}\/cn-north-1\/billing\/request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth)
  return match !== null && match[1] === accessKeyId && /^\d{8}T\d{6}Z$/.test(req.headers['x-date'] ?? '')
}

/** A Volcengine error: HTTP status plus `ResponseMetadata.Error { Code, CodeN, Message }` (volcengine.com/docs/6369/68677). */
export function volcengineError(status: number, code: string, message: string, codeN = 100010): SimResponse {
  return {
    status,
    body: {
      ResponseMetadata: { RequestId: '20261121120000AB', Action: 'QueryBalanceAcct', Version: '2022-01-01', Service: 'billing', Region: 'cn-north-1', Error: { CodeN: codeN, Code: code, Message: message } }
    }
  }
}

/**
 * Billing OpenAPI `QueryBalanceAcct` (volcengine.com/docs/6269/1223898): `GET
 * /?Action=QueryBalanceAcct&Version=2022-01-01`, signed for service `billing` in cn-north-1. An
 * unsigned request (or another action) gets the documented error instead; the answer is the
 * documented `{ ResponseMetadata, Result: { AccountID, ArrearsBalance, AvailableBalance,
 * CashBalance, CreditLimit, FreezeAmount } }`, amounts as decimal strings; `undefined` leaves a field out.
 */
export function volcengineBalance(input: {
  accessKeyId: string
  available?: string
  cash?: string
  credit?: string
  arrears?: string
  frozen?: string
}): SimHandler {
  return (req) => {
    if (req.query.get('Action') !== 'QueryBalanceAcct' || req.query.get('Version') !== '2022-01-01') {
      return volcengineError(404, 'InvalidActionOrVersion', 'Could not find operation for version.', 100008)
    }
    if (!signedBy(req, input.accessKeyId)) {
      return volcengineError(401, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.')
    }
    const result: Record<string, string | number> = { AccountID: 2100000001 }
    if (input.arrears !== undefined) result.ArrearsBalance = input.arrears
    if (input.available !== undefined) result.AvailableBalance = input.available
    if (input.cash !== undefined) result.CashBalance = input.cash
    if (input.credit !== undefined) result.CreditLimit = input.credit
    if (input.frozen !== undefined) result.FreezeAmount = input.frozen
    return {
      body: {
        ResponseMetadata: { RequestId: '202308231151163C400BE8545DED89B87D', Action: 'QueryBalanceAcct', Version: '2022-01-01', Service: 'billing', Region: 'cn-north-1' },
        Result: result
      }
    }
  }
}
