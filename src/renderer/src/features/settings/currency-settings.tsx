import { useCallback, useEffect, useState } from 'react'
import type { FxSettings } from '../../../../shared/contract/ledger-schemas'
import { errorMessage, getBridge } from '../../bridge'
import { useStore } from '../../store'
import { FxDialog } from '../ledger/fx-dialog'

/** Home currency and exchange rates: a summary here, edited in the overview's exchange-rate dialog. */
export function CurrencySettings() {
  const accounts = useStore((state) => state.accounts)
  const notify = useStore((state) => state.notify)
  const [fx, setFx] = useState<FxSettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)

  const load = useCallback(() => {
    getBridge()
      .invoke('fx:get', {})
      .then((settings) => {
        setFx(settings)
        setError(null)
      })
      .catch((cause: unknown) => setError(errorMessage(cause)))
  }, [])
  useEffect(load, [load])

  // Every unit an account reports, so the dialog offers a rate for each.
  const units = [...new Set(accounts.flatMap((account) => [...account.balances.map((balance) => balance.unit), ...(account.spend ? [account.spend.unit] : [])]))]

  return (
    <section className="panel settings-section" aria-labelledby="settings-currency">
      <h2 id="settings-currency" className="settings-section-title">
        Currency
      </h2>
      {error ? (
        <p className="form-error" role="alert">
          Could not read the exchange rates: {error}
        </p>
      ) : (
        <p data-testid="fx-summary">
          {fx ? (
            <>
              Totals are shown in <strong>{fx.home}</strong>
              {fx.rates.length > 0
                ? `, converted with your ${fx.rates.length === 1 ? 'rate' : `${fx.rates.length} rates`} (${fx.rates.map((rate) => `1 ${rate.unit} = ${rate.rate} ${fx.home}`).join(', ')}).`
                : '. No exchange rates yet: accounts in other currencies are left out of the totals.'}
            </>
          ) : (
            <span className="muted">Reading your exchange rates…</span>
          )}
        </p>
      )}
      <p className="field-help">Rates are yours to set; Coffer fetches none, so converted totals are approximate.</p>
      <div>
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Home currency and exchange rates…
        </button>
      </div>
      {editing ? (
        <FxDialog
          units={units}
          onClose={() => setEditing(false)}
          onSaved={() => {
            notify('success', 'Exchange rates saved.')
            load()
          }}
        />
      ) : null}
    </section>
  )
}
