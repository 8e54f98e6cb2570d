import type { AccountView, PollReport } from '../../../shared/contract/schemas'
import { CofferError } from '../../../shared/errors'
import type { AccountRecord } from '../ledger/accounts-repo'
import { pollAccount } from '../poller/poll-account'
import type { CoreContext } from '../core-context'
import { buildAccountView } from './account-view'

/** Finds an account by id, or fails with a message the user can act on. */
export function requireAccount(context: CoreContext, id: string): AccountRecord {
  const account = context.accounts.get(id)
  if (!account) throw new CofferError('not_found', `No account with id ${id}. It may have been removed.`)
  return account
}

/** The view of one account as the UI shows it. */
export function viewAccount(context: CoreContext, account: AccountRecord): AccountView {
  return buildAccountView(account, context.accountState, {
    hasKey: account.keyHint !== null,
    polling: context.poller.isPolling(account.id),
    now: context.now(),
    extras: context.accountExtras
  })
}

/**
 * Polls one account now and records the result; emits progress events for the UI. Concurrent
 * requests for the same account share one poll (see Poller.pollNow).
 */
export async function pollNow(context: CoreContext, account: AccountRecord): Promise<PollReport & { retryAfterMs: number | null }> {
  return context.poller.pollNow(account.id)
}

/** The poll function the Poller schedules: one account, one transaction, two progress events. */
export async function runPoll(context: CoreContext, accountId: string): Promise<PollReport & { retryAfterMs: number | null }> {
  const account = requireAccount(context, accountId)
  context.emit('poll:progress', { accountId, phase: 'started', status: null })
  try {
    const record = await pollAccount(
      {
        db: context.db,
        secrets: context.secrets,
        fetch: context.fetch,
        now: context.now,
        requestTimeoutMs: context.requestTimeoutMs,
        ingestHooks: context.ingestHooks,
        onStep: (step) => context.emit('poll:step', { accountId, ...step })
      },
      account,
      context.accountState.lastSuccessAt(accountId)
    )
    context.emit('poll:progress', { accountId, phase: 'finished', status: record.status })
    context.emit('accounts:changed', { ids: [accountId] })
    return {
      accountId,
      label: account.label,
      status: record.status,
      error: record.errorCode ? { code: record.errorCode, message: record.errorMessage ?? '' } : null,
      warning: record.warning ?? null,
      durationMs: Math.max(0, Date.parse(record.finishedAt) - Date.parse(record.startedAt)),
      httpStatus: record.httpStatus,
      retryAfterMs: record.retryAfterMs
    }
  } catch (error) {
    context.emit('poll:progress', { accountId, phase: 'finished', status: null })
    throw error
  }
}
