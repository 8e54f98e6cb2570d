import { useState, type FormEvent } from 'react'
import { errorMessage } from '../../bridge'
import { useStore, type AlertSettings } from '../../store'

/** Quiet hours: notifications wait until they end; alerts are still recorded and shown here. */
export function QuietHoursForm({ settings }: { settings: AlertSettings }) {
  const saveQuietHours = useStore((state) => state.saveQuietHours)
  const notify = useStore((state) => state.notify)
  const [draft, setDraft] = useState(settings.quietHours)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      await saveQuietHours(draft)
      setError(null)
      notify('success', draft.enabled ? `Quiet hours ${draft.start}–${draft.end} saved.` : 'Quiet hours off.')
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <form className="panel quiet-hours" onSubmit={(event) => void submit(event)} aria-label="Quiet hours">
      <label className="checkbox">
        <input type="checkbox" checked={draft.enabled} onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })} />
        Quiet hours
      </label>
      <label className="quiet-field">
        from <input type="time" value={draft.start} onChange={(event) => setDraft({ ...draft, start: event.target.value })} disabled={!draft.enabled} />
      </label>
      <label className="quiet-field">
        to <input type="time" value={draft.end} onChange={(event) => setDraft({ ...draft, end: event.target.value })} disabled={!draft.enabled} />
      </label>
      <button type="submit" className="button button-small">
        Save
      </button>
      <span className="field-help">Each alert is announced once: as a system notification in the app (or in the banner at the top where there is none) and to its webhook. During quiet hours announcements wait until the end; alerts are still recorded.</span>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  )
}
