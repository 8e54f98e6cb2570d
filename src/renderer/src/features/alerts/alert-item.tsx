import { alertKindText, snoozeChoiceText, type SnoozeChoice } from '../../../../shared/alerts'
import type { AlertView } from '../../../../shared/contract/alerts-calls'
import { localizeDays } from '../../lib/format'
import { formatDateTime, formatRelativeTime } from '../../lib/relative-time'
import { accountHash } from '../../lib/routes'
import { useStore } from '../../store'
import { endedByTopUp, snoozeChoicesFor } from './snooze-choices'
import { TopUpLink } from './top-up-link'

const SNOOZE_BUTTON: Record<SnoozeChoice, string> = { '1h': '1 hour', '1d': '1 day', until_topup: 'Until top-up' }
const TONE: Record<AlertView['severity'], string> = { info: 'neutral', warning: 'warning', critical: 'danger' }

/** One alert: what happened, when, and what to do (top up, snooze, dismiss). */
export function AlertItem({ alert, now }: { alert: AlertView; now: number }) {
  const snoozeAlert = useStore((state) => state.snoozeAlert)
  const dismissAlert = useStore((state) => state.dismissAlert)
  const open = alert.state !== 'resolved'
  const stateText =
    alert.state === 'snoozed'
      ? alert.snoozeUntilTopUp
        ? 'Snoozed until the next top-up'
        : `Snoozed until ${alert.snoozeUntil ? formatDateTime(alert.snoozeUntil) : '…'}`
      : alert.state === 'resolved'
        ? alert.dismissed
          ? 'Dismissed'
          : alert.kind === 'topup_detected'
            ? 'Announced'
            : `Resolved ${alert.resolvedAt ? formatRelativeTime(alert.resolvedAt, now) : ''}`
        : 'Active'
  const topUpKinds = endedByTopUp(alert.kind)

  return (
    <li className={`panel edge-panel alert-item tone-${TONE[alert.severity]} state-${alert.state}`} data-testid="alert-item" data-kind={alert.kind} data-state={alert.state}>
      <div className="alert-head">
        <span className={`status-badge tone-${TONE[alert.severity]}`}>
          <span className="status-dot" aria-hidden="true" />
          {alertKindText[alert.kind]}
        </span>
        {alert.accountLabel ? <strong className="alert-account">{alert.accountLabel}</strong> : <strong className="alert-account">All accounts</strong>}
        <span className="spacer" />
        <span className="alert-state">{stateText}</span>
        <time className="muted alert-time" dateTime={alert.firedAt} title={formatDateTime(alert.firedAt)}>
          {formatRelativeTime(alert.firedAt, now)}
        </time>
      </div>
      <p className="alert-message">{localizeDays(alert.message)}</p>
      {alert.webhook?.status === 'failed' ? <p className="alert-webhook-error">Webhook not delivered: {alert.webhook.error}</p> : null}
      {open ? (
        <div className="alert-actions">
          {topUpKinds && alert.accountId ? <TopUpLink accountId={alert.accountId} label={alert.accountLabel ?? 'this account'} billingUrl={alert.billingUrl} className="button button-small button-primary" /> : null}
          <span className="snooze-group" role="group" aria-label="Snooze">
            <span className="muted">Snooze:</span>
            {snoozeChoicesFor(alert.kind).map((choice) => (
              <button
                key={choice}
                type="button"
                className="button button-small button-quiet"
                aria-label={`Snooze ${snoozeChoiceText[choice]}`}
                onClick={() => void snoozeAlert(alert.id, choice)}
              >
                {SNOOZE_BUTTON[choice]}
              </button>
            ))}
          </span>
          <button type="button" className="button button-small button-quiet" onClick={() => void dismissAlert(alert.id)}>
            Dismiss
          </button>
          {alert.accountId ? (
            <a className="button button-small button-quiet" href={accountHash(alert.accountId)} aria-label={`Open ${alert.accountLabel ?? 'the account'} on the overview`}>
              Open the account
            </a>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
