import { compareAlerts } from '../../../../shared/account-state'
import type { AlertView } from '../../../../shared/contract/alerts-calls'
import type { AccountView } from '../../../../shared/contract/schemas'

/**
 * The alerts the banner shows, worst first (severity, then the newest): active ones only, never
 * announcements, resolved or snoozed ones, nor those the user closed. A key-rejected alert whose
 * account's newest check says otherwise is left out too: between a poll and the next
 * `alerts:list` the card may already have moved on, and the banner must not contradict it.
 */
export function bannerAlerts(
  alerts: readonly AlertView[],
  hidden: Readonly<Record<number, true>>,
  accounts: readonly Pick<AccountView, 'id' | 'status'>[]
): AlertView[] {
  const status = new Map(accounts.map((account) => [account.id, account.status]))
  return alerts
    .filter((alert) => alert.state === 'active' && alert.severity !== 'info' && !hidden[alert.id])
    .filter((alert) => alert.kind !== 'auth_failed' || !alert.accountId || !status.has(alert.accountId) || status.get(alert.accountId) === 'auth_failed')
    .sort(compareAlerts)
}
