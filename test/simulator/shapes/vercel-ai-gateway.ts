import type { SimResponse } from '../provider-simulator'

/** Vercel AI Gateway `GET /v1/credits`: `{ balance, total_used }`, USD decimal strings (vercel.com/docs/ai-gateway). */
export function vercelCredits(balance: string | number, totalUsed: string | number): SimResponse {
  return { body: { balance, total_used: totalUsed } }
}
