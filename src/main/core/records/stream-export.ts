import { calls, type Req } from '../../../shared/contract'
import { CofferError } from '../../../shared/errors'
import type { CoreContext } from '../core-context'
import { describeIssues } from '../dispatch'
import { writeExport, type ExportInfo } from '../ledger/export-records'

/**
 * `records:export` written to `write` chunk by chunk instead of answered as one string: what
 * `coffer export` uses, so an export of a million lines streams to its file with flat memory. The
 * request is validated exactly as the bridge validates it.
 */
export function streamExport(context: CoreContext, request: Req<'records:export'>, write: (chunk: string) => void): ExportInfo {
  const parsed = calls['records:export'].request.safeParse(request)
  if (!parsed.success) throw new CofferError('bad_request', describeIssues(parsed.error))
  const { what, format, filter } = parsed.data
  return writeExport(context.db, what, format, { ...filter, limit: null }, context.now(), write)
}
