import type { AccountView } from '../../../../shared/contract'
import { accountStatusText, needsUserAction, type AccountStatus } from '../../../../shared/account-status'
import type { AccountState, AccountVerdict } from '../../../../shared/account-state'

/** Colour family of a status: green, grey, amber or red. */
export function statusTone(status: AccountStatus): 'ok' | 'neutral' | 'warning' | 'danger' {
  if (status === 'ok') return 'ok'
  if (status === 'never_polled') return 'neutral'
  return needsUserAction(status) ? 'danger' : 'warning'
}

/** Colour family of an account's verdict (src/shared/account-state.ts): the card's top edge and pill. */
export function stateTone(state: AccountState): 'ok' | 'neutral' | 'warning' | 'danger' {
  if (state === 'critical' || state === 'error') return 'danger'
  if (state === 'warning' || state === 'stale') return 'warning'
  return state === 'no_data' ? 'neutral' : 'ok'
}

/**
 * The card's pill: the account's verdict in a few words, coloured by it. The whole sentence
 * behind it (an alert's message) follows as hidden text, so keyboard and screen-reader users
 * get the reason too, not only those who hover a tooltip.
 */
export function StateBadge({ verdict, id }: { verdict: AccountVerdict; id?: string }) {
  return (
    <span id={id} className={`status-badge tone-${stateTone(verdict.state)}`} data-state={verdict.state} title={verdict.detail ?? undefined}>
      <span className="status-dot" aria-hidden="true" />
      {verdict.words}
      {verdict.detail ? <span className="visually-hidden">: {verdict.detail}</span> : null}
    </span>
  )
}

/** Shown under the server's message for statuses the user must fix; alone when there is no message. */
const WHAT_TO_DO: Partial<Record<AccountStatus, string>> = {
  auth_failed: 'If the key was revoked or rotated, paste the new one with “Replace key”.',
  keychain_unavailable: 'Unlock your system keychain (or start its service), then refresh this account.',
  rate_limited: 'Coffer will try again later on its own.',
  unreachable: 'Check your connection; Coffer retries automatically.',
  never_polled: 'Refresh to fetch the balance.'
}

/** A coloured status pill with the status in words. */
export function StatusBadge({ status }: { status: AccountStatus }) {
  return (
    <span className={`status-badge tone-${statusTone(status)}`}>
      <span className="status-dot" aria-hidden="true" />
      {accountStatusText[status]}
    </span>
  )
}

/** What went wrong and what to do; nothing when the account is fine. */
export function StatusDetail({ account, onReplaceKey }: { account: AccountView; onReplaceKey(): void }) {
  // A good poll that could not read everything (issue 13.3): the figures stand, the gap is named.
  if (account.status === 'ok') {
    return account.warning ? (
      <div className="status-detail tone-warning" data-testid="poll-warning">
        <p className="status-message">{account.warning}</p>
      </div>
    ) : null
  }
  // A manual account is never fetched: "Refresh to fetch the balance" would send the user the wrong way.
  if (account.provider === 'manual' && account.status === 'never_polled') return null
  const urgent = needsUserAction(account.status)
  // The server's message already says what happened; repeat generic advice only when it adds an action.
  const advice = urgent || !account.error ? WHAT_TO_DO[account.status] : undefined
  return (
    <div className={`status-detail tone-${statusTone(account.status)}`} role={urgent ? 'alert' : undefined}>
      {account.error ? <p className="status-message">{account.error.message}</p> : null}
      {advice ? <p className="status-advice">{advice}</p> : null}
      {account.status === 'auth_failed' ? (
        <div>
          <button type="button" className="button button-small" onClick={onReplaceKey}>
            Replace key
          </button>
        </div>
      ) : null}
    </div>
  )
}
