import type { ApproxMoney } from '../../../../shared/contract/ledger-schemas'
import { exclusionFixes, exclusionsText } from '../../../../shared/exclusions'
import { rateUseText } from './converted-figure'

/**
 * Under the totals: what each one left out (amount, account, reason), the actions that fix that,
 * and the rates and credit values they used. Nothing is left out silently.
 */
export function TotalsNote({
  figures,
  accountLabel,
  onSetRates
}: {
  figures: readonly { name: string; value: ApproxMoney }[]
  accountLabel(id: string): string | undefined
  onSetRates(): void
}) {
  const leaving = figures.filter((figure) => figure.value.excluded.length > 0)
  const excluded = leaving.flatMap((figure) => figure.value.excluded)
  const rates = [...new Map(figures.flatMap((figure) => figure.value.rates).map((use) => [JSON.stringify(use), use])).values()]
  if (excluded.length === 0 && rates.length === 0) return null
  return (
    <div className="muted fx-note" data-testid="totals-note">
      {leaving.map((figure) => (
        <p key={figure.name}>
          <strong>{figure.name} leaves out</strong> {exclusionsText(figure.value.excluded).replace(/^Not counted: /, '')}
        </p>
      ))}
      {excluded.length > 0 ? (
        <p>
          {exclusionFixes(excluded).join(' ')}{' '}
          {excluded.some((entry) => entry.reason === 'no_rate') ? (
            <button type="button" className="link-button" onClick={onSetRates}>
              Set rates
            </button>
          ) : null}
        </p>
      ) : null}
      {rates.length > 0 ? <p>Converted with {rates.map((use) => rateUseText(use, accountLabel)).join('; ')}.</p> : null}
    </div>
  )
}
