import type { AccountView } from '../../../../shared/contract'
import { useSubscriptionReports } from '../../features/plans/use-subscription-reports'

/** Claude Code and Codex accounts are subscriptions measured from local logs: no balance, a value. */
export function isLocalSubscription(account: Pick<AccountView, 'provider'>): boolean {
  return account.provider === 'claude-code' || account.provider === 'codex'
}

/**
 * A subscription's card figure (issue 12.4): this billing cycle's API-equivalent value so far and
 * its ratio to the fee, e.g. "Claude Max 5× ($100.00): $41.20 of API-equivalent use this cycle, 0.4×."
 */
export function SubscriptionCycleValue({ account }: { account: AccountView }) {
  const { reports, error } = useSubscriptionReports(1)
  const report = reports?.find((entry) => entry.accountId === account.id)
  return (
    <div className="balances">
      {report ? (
        <>
          <p className="no-balance" data-testid="subscription-cycle-value">
            {report.summary}
          </p>
          <p className="muted">
            Billing cycle {report.cycleStart} to {report.cycleEnd} · from {account.label}’s local logs · not spend
          </p>
        </>
      ) : (
        <p className="no-balance">{error ? `Could not value this subscription: ${error}` : 'Reading the value of this cycle…'}</p>
      )}
    </div>
  )
}
