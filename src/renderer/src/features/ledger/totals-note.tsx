import type { ApproxMoney, Exclusion } from '../../../../shared/contract/ledger-schemas'
import { exclusionFixes } from '../../../../shared/exclusions'
import { formatMoney } from '../../../../shared/money'
import { rateUseText } from './converted-figure'

const REASON: Record<Exclusion['reason'], string> = {
  no_rate: 'no exchange rate',
  no_credit_value: 'no credit value',
  not_money: 'not money, shown in its unit only'
}

/**
 * Under the totals: what they left out — one line per account and unit, with the amount each
 * figure left out and why — the actions that fix that, and the rates and credit values they used.
 * Nothing is left out silently.
 */
export function TotalsNote({
  figures,
  accountLabel,
  onSetRates
}: {
  /** Each figure with the words that follow its amount ("balance", "spent this month"…). */
  figures: readonly { name: string; value: ApproxMoney | null }[]
  accountLabel(id: string): string | undefined
  onSetRates(): void
}) {
  const lines = new Map<string, { entry: Exclusion; parts: string[] }>()
  for (const { name, value } of figures) {
    for (const entry of value?.excluded ?? []) {
      const key = `${entry.accountId ?? ''}|${entry.unit}|${entry.reason}`
      const line = lines.get(key) ?? { entry, parts: [] }
      line.parts.push(`${formatMoney(entry)} ${name}`)
      lines.set(key, line)
    }
  }
  const excluded = [...lines.values()].map((line) => line.entry)
  const rates = [...new Map(figures.flatMap((figure) => figure.value?.rates ?? []).map((use) => [JSON.stringify(use), use])).values()]
  if (excluded.length === 0 && rates.length === 0) return null
  return (
    <div className="muted fx-note" data-testid="totals-note">
      {[...lines.values()].map(({ entry, parts }) => (
        <p key={`${entry.accountId ?? ''}|${entry.unit}|${entry.reason}`}>
          <strong>Left out of the totals:</strong> {entry.account ?? entry.unit} — {parts.join(', ')} ({REASON[entry.reason]}).
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
