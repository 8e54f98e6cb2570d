import type { SimResponse } from '../provider-simulator'

/** Moonshot / Kimi `GET /v1/users/me/balance` (provider-apis.md §6): JSON numbers, CNY or USD by site. */
export function moonshotBalance(input: { available: number | string; voucher: number | string; cash: number | string }): SimResponse {
  return {
    body: {
      code: 0,
      data: { available_balance: input.available, voucher_balance: input.voucher, cash_balance: input.cash },
      scode: '0x0',
      status: true
    }
  }
}

/** An HTTP-200 failure: `status: false` with a non-zero code. */
export function moonshotBusinessError(code = 1001, message = 'account suspended'): SimResponse {
  return { body: { code, error: { message, type: 'account_error' }, scode: '0x3e9', status: false } }
}
