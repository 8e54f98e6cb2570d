import type { SimHandler, SimRequest, SimResponse } from '../provider-simulator'

/** `ACS3-HMAC-SHA256 Credential=<AccessKey ID>,SignedHeaders=…,Signature=<64 hex>` (openapi-core `getAuthorization`). */
function signedBy(req: SimRequest, accessKeyId: string): boolean {
  const auth = req.headers.authorization ?? ''
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth)
  return match !== null && match[1] === accessKeyId && (match[2] ?? '').split(';').includes('x-acs-action')
}

/** An Alibaba Cloud error answer: `{ Code, Message, RequestId }` with its HTTP status (help.aliyun.com/document_detail/30137.htm). */
export function alibabaError(status: number, code: string, message: string): SimResponse {
  return { status, body: { RequestId: 'E1A2B3C4-0000-4000-8000-000000000001', HostId: 'business.aliyuncs.com', Code: code, Message: message } }
}

/**
 * BSS OpenAPI `QueryAccountBalance` (version 2017-12-14), as the SDK sends it: `POST /` with
 * `x-acs-action`/`x-acs-version` headers and an ACS3-HMAC-SHA256 `Authorization` naming the
 * AccessKey ID. An unsigned request, or one for another action, gets the documented
 * SignatureDoesNotMatch / InvalidAction error instead. The answer is the documented shape
 * (help.aliyun.com/document_detail/472991.html): `{ Code, Message, RequestId, Success, Data: { … } }`
 * with every amount a decimal string; a field set to `undefined` is left out.
 */
export function alibabaBalance(input: {
  accessKeyId: string
  available?: string
  cash?: string
  credit?: string
  currency?: string
  success?: boolean
  code?: string
  message?: string
}): SimHandler {
  return (req) => {
    if (req.headers['x-acs-action'] !== 'QueryAccountBalance' || req.headers['x-acs-version'] !== '2017-12-14') {
      return alibabaError(400, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    }
    if (!signedBy(req, input.accessKeyId)) {
      return alibabaError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.')
    }
    const data: Record<string, string> = {}
    if (input.available !== undefined) data.AvailableAmount = input.available
    if (input.cash !== undefined) data.AvailableCashAmount = input.cash
    if (input.credit !== undefined) data.CreditAmount = input.credit
    data.MybankCreditAmount = '0.00'
    if (input.currency !== undefined) data.Currency = input.currency
    const success = input.success ?? true
    return {
      body: {
        Code: input.code ?? '200',
        Message: input.message ?? 'success',
        RequestId: '16176743-6DC7-4CB3-BB25-A13982D8DFAD',
        Success: success,
        ...(success ? { Data: data } : {})
      }
    }
  }
}
