import type { Handlers } from '../../../shared/contract'
import type { RawResponse } from '../../../shared/contract/raw-response-calls'
import { requireAccount } from '../accounts/account-service'
import type { CoreContext } from '../core-context'

interface RawRow {
  id: number
  pollRunId: number
  capturedAt: string
  method: string
  url: string
  httpStatus: number | null
  contentType: string | null
  body: string
  truncated: number
  pollStatus: string
}

/**
 * `accounts:raw-responses`: what the provider actually said in the account's recent polls. The
 * ledger keeps a bounded number per account, redacted when captured (ProviderHttp).
 */
export function createRawResponseHandlers(context: CoreContext): Pick<Handlers, 'accounts:raw-responses'> {
  return {
    'accounts:raw-responses': async ({ id, limit }) => {
      requireAccount(context, id)
      const rows = context.db
        .prepare(
          `SELECT r.id, r.poll_run_id AS pollRunId, r.captured_at AS capturedAt, r.method, r.url,
                  r.http_status AS httpStatus, r.content_type AS contentType, r.body, r.truncated,
                  p.status AS pollStatus
           FROM raw_responses r JOIN poll_runs p ON p.id = r.poll_run_id
           WHERE r.account_id = ? ORDER BY r.id DESC LIMIT ?`
        )
        .all(id, limit) as RawRow[]
      return rows.map((row): RawResponse => ({ ...row, truncated: row.truncated === 1 }))
    }
  }
}
