import { alertKindText } from '../../../../shared/alerts'
import { localizeDays } from '../../lib/format'
import { accountHash } from '../../lib/routes'
import { useStore } from '../../store'
import { bannerAlerts } from './banner-alerts'
import { TopUpLink } from './top-up-link'
import './alert-widgets.css'

/**
 * Active alerts across the top of every page: the in-app fallback where the system has no
 * notification service (and under `coffer serve`). Driven by `alerts:fired` / `alerts:changed`
 * (also when another process wrote them: core's ledger watcher), it leads with the worst alert.
 * Closing it hides these alerts from the banner for this session; the Alerts page keeps them.
 */
export function AlertBanner() {
  const alerts = useStore((state) => state.alerts)
  const hidden = useStore((state) => state.bannerHidden)
  const hideBanner = useStore((state) => state.hideBanner)
  const setPage = useStore((state) => state.setPage)
  const accounts = useStore((state) => state.accounts)
  const shown = bannerAlerts(alerts, hidden, accounts)
  const [first] = shown
  if (!first) return null
  const critical = shown.some((alert) => alert.severity === 'critical')
  return (
    <div className={`banner alert-banner ${critical ? 'banner-error' : 'banner-warning'}`} role="alert" data-testid="alert-banner">
      <div className="alert-banner-text">
        <strong>
          {alertKindText[first.kind]}
          {first.accountLabel && first.accountId ? (
            <>
              {' — '}
              <a href={accountHash(first.accountId)} className="alert-banner-account" title={`Open ${first.accountLabel} on the overview`}>
                {first.accountLabel}
              </a>
            </>
          ) : first.accountLabel ? (
            ` — ${first.accountLabel}`
          ) : (
            ''
          )}
          :
        </strong>{' '}
        {localizeDays(first.message)}
        {shown.length > 1 ? <span className="muted"> (+{shown.length - 1} more)</span> : null}
      </div>
      <div className="alert-banner-actions">
        {first.accountId && (first.kind === 'low_balance' || first.kind === 'runway') ? (
          <TopUpLink accountId={first.accountId} label={first.accountLabel ?? 'this account'} billingUrl={first.billingUrl} className="button button-small" />
        ) : null}
        <button type="button" className="button button-small" onClick={() => setPage('alerts')}>
          View alerts
        </button>
        <button type="button" className="icon-button" aria-label="Hide these alerts from the banner" onClick={() => hideBanner(shown.map((alert) => alert.id))}>
          ×
        </button>
      </div>
    </div>
  )
}
