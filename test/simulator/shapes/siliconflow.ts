import type { SimResponse } from '../provider-simulator'

/** SiliconFlow `GET /v1/user/info` (provider-apis.md §7): amounts are strings; total = balance (gift) + chargeBalance. */
export function siliconflowUserInfo(input: { total: string; granted: string; charged: string }): SimResponse {
  return {
    body: {
      code: 20000,
      message: 'OK',
      status: true,
      data: {
        id: 'userid',
        name: 'username',
        image: 'user_avatar_image_url',
        email: 'user_email_address',
        isAdmin: false,
        balance: input.granted,
        status: 'normal',
        introduction: 'user_introduction',
        role: 'user_role',
        chargeBalance: input.charged,
        totalBalance: input.total
      }
    }
  }
}

/** An HTTP-200 failure: a `code` other than 20000 with a message. */
export function siliconflowBusinessError(code: number | string = 30001, message = 'Insufficient permissions'): SimResponse {
  return { body: { code, message, status: false, data: null } }
}

/**
 * What a retired `/v1/user/info` answers: HTTP 404. CodexBar's notes say SiliconFlow retired the
 * China balance API on 2026-08-14; the body of that 404 is not documented, so this is a plain one.
 */
export function siliconflowRetired(): SimResponse {
  return { status: 404, body: { code: 404, message: 'Not Found', status: false, data: null } }
}
