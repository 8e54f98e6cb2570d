import type { AccountView } from '../../../../shared/contract'
import { accountStatusText, needsUserAction, type AccountStatus } from '../../../../shared/account-status'

/** Colour family of a status: green, grey, amber or red. */
export function statusTone(status: AccountStatus): 'ok' | 'neutral' | 'warning' | 'danger' {
  if (status === 'ok') return 'ok'
  if (status === 'never_polled') return 'neutral'
  return needsUserAction(status) ? 'danger' : 'warning'
}

const WHAT_TO_DO: Partial<Record<AccountStatus, string>> = {
  auth_failed: 'Check that the key is still valid at the provider; if it was revoked, remove this account and add it again with a new key.',
  keychain_unavailable: 'Coffer cannot read the key from your system keychain. Unlock the keychain (or start its service), then refresh.',
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
export function StatusDetail({ account }: { account: AccountView }) {
  if (account.status === 'ok') return null
  const advice = WHAT_TO_DO[account.status]
  const urgent = needsUserAction(account.status)
  return (
    <div className={`status-detail tone-${statusTone(account.status)}`} role={urgent ? 'alert' : undefined}>
      {account.error ? <p className="status-message">{account.error.message}</p> : null}
      {advice ? <p className="status-advice">{advice}</p> : null}
    </div>
  )
}
