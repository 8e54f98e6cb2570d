import { alertKindText } from '../../shared/alerts'
import type { AlertView } from '../../shared/contract/alerts-calls'
import { isAllowedExternalUrl } from '../../shared/external-links'

/** What clicking a notification does. */
export type NotificationTarget = { kind: 'top-up'; url: string } | { kind: 'open-window'; accountId: string | null }

/** One native notification, decided without Electron (tested as a pure function). */
export interface AlertNotification {
  title: string
  body: string
  target: NotificationTarget
}

/** Kinds whose remedy is adding credit: a click goes straight to the provider's top-up page. */
const TOP_UP_KINDS: ReadonlySet<AlertView['kind']> = new Set(['low_balance', 'runway', 'expiring_credit'])

/**
 * The notifications for one `alerts:fired` event: one per alert, or a single summary when core
 * folded a burst (quiet hours and throttling were already applied in core). A click on a
 * low-balance alert opens the account's top-up page (only if the link allowlist accepts it);
 * anything else opens Coffer at the alert.
 */
export function notificationsFor(payload: { alerts: readonly AlertView[]; summary: string | null }): AlertNotification[] {
  if (payload.summary) return [{ title: 'Coffer', body: payload.summary, target: { kind: 'open-window', accountId: null } }]
  return payload.alerts.map((alert) => ({
    title: `${alertKindText[alert.kind]}${alert.accountLabel ? ` — ${alert.accountLabel}` : ''}`,
    body: alert.message,
    target:
      TOP_UP_KINDS.has(alert.kind) && alert.billingUrl && isAllowedExternalUrl(alert.billingUrl, [alert.billingUrl])
        ? { kind: 'top-up', url: alert.billingUrl }
        : { kind: 'open-window', accountId: alert.accountId }
  }))
}
