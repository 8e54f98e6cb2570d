import type { SimResponse } from '../provider-simulator'

/** Stability `GET /v1/user/balance` (provider-apis.md §10): `{ credits }`, a float. */
export function stabilityBalance(credits: number | string): SimResponse {
  return { body: { credits } }
}
