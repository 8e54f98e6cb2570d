import { useEffect, useState } from 'react'
import { Spinner } from '../../components/spinner'
import { RetryBanner } from '../../components/retry-banner'
import { useStore } from '../../store'
import { AppearanceSettings } from './appearance-settings'
import { CheckingSettings } from './checking-settings'
import { CurrencySettings } from './currency-settings'
import { AboutSection, KeychainStatus } from './system-settings'
import './settings.css'

/**
 * Settings: default check interval, launch at login (desktop app), theme, home currency and
 * exchange rates, keychain status, data folder and version. Per-account settings live on each
 * card's Edit dialog; alert settings on the Alerts page.
 */
export function SettingsPage() {
  const preferences = useStore((state) => state.preferences)
  const appInfo = useStore((state) => state.appInfo)
  const error = useStore((state) => state.settingsError)
  const loadSettings = useStore((state) => state.loadSettings)
  const setPage = useStore((state) => state.setPage)
  const [checking, setChecking] = useState(false)

  const reload = (): void => {
    setChecking(true)
    void loadSettings().finally(() => setChecking(false))
  }
  // Read fresh on every visit: the keychain may have been unlocked, the CLI may have changed things.
  useEffect(() => {
    void loadSettings()
  }, [loadSettings])

  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title">Settings</h1>
      </div>

      {error ? (
        <RetryBanner onRetry={reload} busy={checking}>Could not load the settings: {error}</RetryBanner>
      ) : null}

      {!preferences || !appInfo ? (
        error ? null : (
          <p className="loading" role="status">
            <Spinner /> Loading settings…
          </p>
        )
      ) : (
        <div className="settings-grid">
          <CheckingSettings preferences={preferences} runtime={appInfo.runtime} />
          <AppearanceSettings />
          <CurrencySettings />
          <KeychainStatus info={appInfo} onRecheck={reload} checking={checking} />
          <AboutSection info={appInfo} />
          <p className="field-help settings-elsewhere">
            Looking for something else? Each account’s label, address and check interval are under{' '}
            <button type="button" className="link-button" onClick={() => setPage('overview')}>
              Edit on its card
            </button>
            ; alert thresholds and quiet hours are on the{' '}
            <button type="button" className="link-button" onClick={() => setPage('alerts')}>
              Alerts page
            </button>
            .
          </p>
        </div>
      )}
    </>
  )
}
