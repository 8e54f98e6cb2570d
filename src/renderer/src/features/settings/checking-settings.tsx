import { useId, useState, type FormEvent } from 'react'
import type { AppInfo, Preferences } from '../../../../shared/contract'
import { errorMessage } from '../../bridge'
import { FormField } from '../../add-account/form-field'
import { Spinner } from '../../components/spinner'
import { describeInterval, parseIntervalMinutes } from '../../lib/interval-minutes'
import { useStore } from '../../store'

/** How often new accounts are checked, and whether the desktop app starts with the system. */
export function CheckingSettings({ preferences, runtime }: { preferences: Preferences; runtime: AppInfo['runtime'] }) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-checking">
      <h2 id="settings-checking" className="settings-section-title">
        Checking
      </h2>
      <DefaultIntervalForm saved={preferences.defaultPollIntervalMinutes} />
      <LaunchAtLogin enabled={preferences.launchAtLogin} runtime={runtime} />
    </section>
  )
}

/** The default check interval for accounts added from now on (1–1440 minutes). */
function DefaultIntervalForm({ saved }: { saved: number }) {
  const savePreferences = useStore((state) => state.savePreferences)
  const notify = useStore((state) => state.notify)
  const [text, setText] = useState(String(saved))
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const check = parseIntervalMinutes(text)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!check.ok) return setError(check.error)
    setError(undefined)
    setBusy(true)
    try {
      const preferences = await savePreferences({ defaultPollIntervalMinutes: check.minutes })
      setText(String(preferences.defaultPollIntervalMinutes))
      notify('success', `New accounts will be checked ${describeInterval(preferences.defaultPollIntervalMinutes)}.`)
    } catch (cause) {
      setError(`Not saved: ${errorMessage(cause)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="settings-row" noValidate onSubmit={(event) => void submit(event)} aria-label="Default check interval">
      <FormField
        label="Check new accounts every (minutes)"
        error={error}
        help={
          <>
            Between 1 and 1440 minutes{check.ok ? <> (that is {describeInterval(check.minutes)})</> : null}. Accounts you
            already have keep their own interval: change it with the Edit button on their card. Manual accounts are checked
            once a day.
          </>
        }
      >
        {(control) => (
          <div className="settings-inline">
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              step={1}
              className="input-narrow"
              value={text}
              onChange={(event) => {
                setText(event.target.value)
                if (error) setError(parseIntervalMinutes(event.target.value).ok ? undefined : error)
              }}
            />
            <button type="submit" className="button" disabled={busy || (check.ok && check.minutes === saved)}>
              {busy ? <Spinner /> : null}
              Save
            </button>
          </div>
        )}
      </FormField>
    </form>
  )
}

/** Launch at login: a switch in the desktop app; elsewhere a note that it belongs to the app. */
function LaunchAtLogin({ enabled, runtime }: { enabled: boolean; runtime: AppInfo['runtime'] }) {
  const savePreferences = useStore((state) => state.savePreferences)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const helpId = useId()

  if (runtime !== 'electron') {
    return (
      <div className="settings-row">
        <p className="field-label">Launch at login</p>
        <p className="field-help">
          This applies to the Coffer desktop app, which can start hidden in the tray when you log in (currently{' '}
          {enabled ? 'on' : 'off'}). Turn it on or off from the app’s Settings; this page is served by{' '}
          <code>coffer {runtime === 'demo' ? 'serve --demo' : 'serve'}</code>.
        </p>
      </div>
    )
  }

  const toggle = async (next: boolean): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await savePreferences({ launchAtLogin: next })
    } catch (cause) {
      setError(`Not saved: ${errorMessage(cause)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="settings-row">
      <label className="checkbox">
        <input type="checkbox" checked={enabled} disabled={busy} aria-describedby={helpId} onChange={(event) => void toggle(event.target.checked)} />
        Launch Coffer when I log in
      </label>
      <p id={helpId} className="field-help">
        Coffer starts hidden in the tray and keeps checking your accounts in the background.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
