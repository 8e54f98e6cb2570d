import { useEffect, useState } from 'react'
import { Spinner } from '../../components/spinner'
import { RetryBanner } from '../../components/retry-banner'
import { useNow } from '../../lib/use-now'
import { useStore } from '../../store'
import { AccountRulesForm } from './account-rules-form'
import { AlertItem } from './alert-item'
import { BudgetsSection } from './budgets-section'
import { QuietHoursForm } from './quiet-hours-form'
import './alerts.css'

/** Alerts: what needs attention now, spend limits, rules per account, quiet hours and history. */
export function AlertsPage() {
  const alerts = useStore((state) => state.alerts)
  const loaded = useStore((state) => state.alertsLoaded)
  const loadError = useStore((state) => state.alertsError)
  const accounts = useStore((state) => state.accounts)
  const rules = useStore((state) => state.rules)
  const settings = useStore((state) => state.alertSettings)
  const loadAlerts = useStore((state) => state.loadAlerts)
  const loadAlertConfig = useStore((state) => state.loadAlertConfig)
  const setPage = useStore((state) => state.setPage)
  const now = useNow()
  const [savedRulesFor, setSavedRulesFor] = useState<string | null>(null)

  useEffect(() => {
    void loadAlerts()
    void loadAlertConfig()
  }, [loadAlerts, loadAlertConfig])

  const open = alerts.filter((alert) => alert.state !== 'resolved')
  const history = alerts.filter((alert) => alert.state === 'resolved')

  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title">Alerts</h1>
      </div>

      {loadError ? (
        <RetryBanner onRetry={() => void loadAlerts()}>Could not load alerts: {loadError}</RetryBanner>
      ) : null}

      <section className="alerts-section" aria-labelledby="open-alerts-title">
        <h2 id="open-alerts-title" className="alerts-section-title">
          Needs attention {open.length > 0 ? <span className="count-badge">{open.length}</span> : null}
        </h2>
        {!loaded ? (
          <p className="loading" role="status">
            <Spinner /> Loading alerts…
          </p>
        ) : open.length === 0 ? (
          <p className="empty-hint" data-testid="no-open-alerts">
            All quiet. Coffer checks every account after each poll and alerts you once when a balance falls below your line, runway gets short, credit is about to expire, a spend limit is near or a key is rejected.
          </p>
        ) : (
          <ul className="stack-list alert-list" aria-label="Open alerts">
            {open.map((alert) => (
              <AlertItem key={alert.id} alert={alert} now={now} />
            ))}
          </ul>
        )}
      </section>

      <BudgetsSection />

      <section className="alerts-section" aria-labelledby="rules-title">
        <h2 id="rules-title" className="alerts-section-title">
          Alert rules
        </h2>
        {accounts.length === 0 ? (
          <p className="empty-hint">
            Add an account first.{' '}
            <button type="button" className="link-button" onClick={() => setPage('overview')}>
              Go to the overview
            </button>
            . New accounts get a low-balance rule at their first balance (5 in USD, EUR or GBP; 35 CNY), which you can change here.
          </p>
        ) : (
          <div className="rules-list">
            {accounts.map((account) => {
              const mine = rules.filter((rule) => rule.accountId === account.id)
              return (
                <AccountRulesForm
                  key={`${account.id}-${JSON.stringify(mine)}`}
                  account={account}
                  rules={mine}
                  autoReload={settings?.autoReload.includes(account.id) ?? false}
                  saved={savedRulesFor === account.id}
                  onSaved={() => setSavedRulesFor(account.id)}
                />
              )
            })}
          </div>
        )}
      </section>

      <section className="alerts-section" aria-labelledby="notifications-title">
        <h2 id="notifications-title" className="alerts-section-title">
          Notifications
        </h2>
        {settings ? <QuietHoursForm key={JSON.stringify(settings.quietHours)} settings={settings} /> : null}
      </section>

      <section className="alerts-section" aria-labelledby="history-title">
        <h2 id="history-title" className="alerts-section-title">
          History
        </h2>
        {history.length === 0 ? (
          <p className="empty-hint">Resolved and dismissed alerts will be listed here.</p>
        ) : (
          <ul className="stack-list alert-list alert-history" aria-label="Alert history">
            {history.map((alert) => (
              <AlertItem key={alert.id} alert={alert} now={now} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
