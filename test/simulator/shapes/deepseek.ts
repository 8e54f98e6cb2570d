import type { SimResponse } from '../provider-simulator'

/** Builders for DeepSeek's documented shapes (provider-apis.md §5): `GET /user/balance`. */

/** One currency entry; amounts are decimal strings or numbers, e.g. `"110.00"` or `110`. */
export interface DeepseekBalanceInput {
  currency: 'CNY' | 'USD' | string
  total: string | number
  granted: string | number
  toppedUp: string | number
}

/**
 * `GET /user/balance`: `{ is_available, balance_infos: [ { currency, total_balance, granted_balance,
 * topped_up_balance } ] }`. Current docs type amounts as strings (the default, `asStrings: true`);
 * an older page shows numbers (`asStrings: false`). Values pass through unchanged when they
 * already have the requested type, so `"110.00"` keeps its trailing zeros.
 */
export function deepseekBalance(
  infos: readonly DeepseekBalanceInput[],
  options: { asStrings?: boolean; isAvailable?: boolean } = {}
): SimResponse {
  const asStrings = options.asStrings ?? true
  const amount = (value: string | number): string | number =>
    asStrings ? (typeof value === 'string' ? value : String(value)) : Number(value)
  return {
    status: 200,
    body: {
      is_available: options.isAvailable ?? true,
      balance_infos: infos.map((info) => ({
        currency: info.currency,
        total_balance: amount(info.total),
        granted_balance: amount(info.granted),
        topped_up_balance: amount(info.toppedUp)
      }))
    }
  }
}

/** 401 for a wrong key, with the masked key DeepSeek echoes back. */
export function deepseekAuthError(maskedKey = '****abcd'): SimResponse {
  return {
    status: 401,
    body: {
      error: {
        message: `Authentication Fails, Your api key: ${maskedKey} is invalid`,
        type: 'authentication_error',
        param: null,
        code: 'invalid_request_error'
      }
    }
  }
}

/** 402 when the account has run out of balance. */
export function deepseekInsufficientBalance(): SimResponse {
  return {
    status: 402,
    body: { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } }
  }
}
