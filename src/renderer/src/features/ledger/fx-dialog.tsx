import { useEffect, useState, type FormEvent } from 'react'
import type { FxSettings } from '../../../../shared/contract/ledger-schemas'
import { UNDATED_RATE_DAY } from '../../../../shared/rate-days'
import { errorMessage, getBridge } from '../../bridge'
import { Dialog } from '../../components/dialog'
import { FormActions } from '../../components/form-actions'
import { Spinner } from '../../components/spinner'
import { formatDate } from '../../lib/format'

const DECIMAL = /^\d+(\.\d+)?$/

/** "since 1 Nov 2026 · 3 earlier rates": where the rate shown comes from. */
function RateSince({ settings, unit }: { settings: FxSettings | null; unit: string }) {
  const current = settings?.rates.find((rate) => rate.unit === unit)
  if (!current || !settings) return null
  const earlier = settings.history.filter((entry) => entry.unit === unit).length - 1
  const since = current.from > UNDATED_RATE_DAY ? `since ${formatDate(current.from)}` : 'for all days'
  return (
    <span className="muted field-help">
      {since}
      {earlier > 0 ? ` · ${earlier} earlier rate${earlier === 1 ? '' : 's'} kept for their days` : ''}
    </span>
  )
}

/** Home currency and the user's exchange rates (one home unit per unit); totals are approximate. */
export function FxDialog({ units, onClose, onSaved }: { units: string[]; onClose(): void; onSaved(): void }) {
  const [home, setHome] = useState('USD')
  const [rates, setRates] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState<FxSettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    getBridge()
      .invoke('fx:get', {})
      .then((settings) => {
        setHome(settings.home)
        setSaved(settings)
        setRates(Object.fromEntries(settings.rates.map((rate) => [rate.unit, rate.rate])))
        setLoaded(true)
      })
      .catch((cause: unknown) => setError(`Could not read your rates: ${errorMessage(cause)} Close and open this dialog to try again.`))
  }, [])
  const shown = [...new Set([...units, ...Object.keys(rates)])].filter((unit) => unit !== home).sort()
  const save = async (form: FormEvent): Promise<void> => {
    form.preventDefault()
    if (!loaded || saving) return
    const bad = shown.filter((unit) => rates[unit] && !DECIMAL.test(rates[unit]?.trim() ?? ''))
    if (bad.length > 0) return setError(`Enter rates as positive numbers (check ${bad.join(', ')}).`)
    setSaving(true)
    try {
      // A changed rate takes effect today; earlier days keep the rate they had. A cleared one is forgotten.
      await getBridge().invoke('fx:set', {
        home: home.trim().toUpperCase(),
        rates: shown.filter((unit) => rates[unit]?.trim()).map((unit) => ({ unit, rate: (rates[unit] as string).trim() })),
        remove: shown.filter((unit) => !rates[unit]?.trim() && saved?.rates.some((rate) => rate.unit === unit))
      })
      onSaved()
      onClose()
    } catch (cause) {
      setError(errorMessage(cause))
      setSaving(false)
    }
  }
  return (
    <Dialog
      title="Exchange rates"
      description={
        <p>
          Totals across currencies are converted into your home currency: each day’s spend at the rate in force that day, balances at the newest. A changed rate applies from
          today on. Credits are valued on their own account (Edit account → Value of one unit), never here.
        </p>
      }
      onClose={onClose}
    >
      <form className="form" onSubmit={(form) => void save(form)} noValidate>
        <label className="inline-field">
          Home currency
          <input value={home} onChange={(change) => setHome(change.target.value)} className="input-narrow" data-autofocus />
        </label>
        {!loaded && !error ? (
          <p className="loading" role="status">
            <Spinner /> Reading your rates…
          </p>
        ) : null}
        {loaded && shown.length === 0 ? <p className="muted">All your accounts already use {home}.</p> : null}
        {shown.map((unit) => (
          <label key={unit} className="inline-field">
            1 {unit} = ? {home}
            <input inputMode="decimal" value={rates[unit] ?? ''} placeholder="e.g. 0.14" onChange={(change) => setRates({ ...rates, [unit]: change.target.value })} />
            <RateSince settings={saved} unit={unit} />
          </label>
        ))}
        {/* Not before the saved rates are in: saving the blank form would replace them. */}
        <FormActions error={error} onCancel={onClose} busy={saving} disabled={!loaded} submitLabel="Save rates" />
      </form>
    </Dialog>
  )
}
