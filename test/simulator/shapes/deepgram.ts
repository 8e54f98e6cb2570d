import type { SimResponse } from '../provider-simulator'

/** Deepgram `GET /v1/projects`: `{ projects: [{ project_id, name }] }`. */
export function deepgramProjects(projects: readonly { id: string; name: string }[]): SimResponse {
  return { body: { projects: projects.map((project) => ({ project_id: project.id, name: project.name })) } }
}

/**
 * Deepgram `GET /v1/projects/{project_id}/balances` (developers.deepgram.com/reference/manage/billing/list):
 * `{ balances: [{ balance_id, amount, units, purchase_order_id }] }`, `amount` a double.
 */
export function deepgramBalances(balances: readonly { amount: number | string; units?: string }[]): SimResponse {
  return {
    body: {
      balances: balances.map((balance, index) => ({
        balance_id: `bal-${index + 1}`,
        amount: balance.amount,
        units: balance.units ?? 'usd',
        purchase_order_id: `po-${index + 1}`
      }))
    }
  }
}

/** Deepgram's legacy error body, here with HTTP 200 as a gateway might send it. */
export function deepgramError(code: string, message: string, status = 200): SimResponse {
  return { status, body: { err_code: code, err_msg: message, request_id: 'req-1' } }
}
