import { useEffect, useState, type FormEvent } from 'react'
import { errorMessage, getBridge } from '../../bridge'
import { Dialog } from '../../components/dialog'
import { FormActions } from '../../components/form-actions'
import { Spinner } from '../../components/spinner'

const DECIMAL = /^\d+(\.\d+)?$/

/** Home currency and the user's exchange rates (one home unit per unit); totals are approximate. */
export function FxDialog({ units, onClose, onSaved }: { units: string[]; onClose(): void; onSaved(): void }) {
  const [home, setHome] = useState('USD')
  const [rates, setRates] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    getBridge()
      .invoke('fx:get', {})
      .then((settings) => {
        setHome(settings.home)
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
      await getBridge().invoke('fx:set', {
        home: home.trim().toUpperCase(),
        rates: shown.filter((unit) => rates[unit]?.trim()).map((unit) => ({ unit, rate: (rates[unit] as string).trim() }))
      })
      onSaved()
      onClose()
    } catch (cause) {
      setError(errorMessage(cause))
      setSaving(false)
    }
  }
  return (
    <Dialog title="Exchange rates" description={<p>Totals across providers are converted into your home currency with these rates, so they are approximate.</p>} onClose={onClose}>
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
          </label>
        ))}
        {/* Not before the saved rates are in: saving the blank form would replace them. */}
        <FormActions error={error} onCancel={onClose} busy={saving} disabled={!loaded} submitLabel="Save rates" />
      </form>
    </Dialog>
  )
}
