import { useId, useState } from 'react'
import type { PlanOption } from '../../../../shared/contract/plans-calls'
import type { RateUse } from '../../../../shared/contract/ledger-schemas'
import { formatDate, formatPercent } from '../../lib/format'
import { ratesText, usd } from './format'

/** Props of {@link OptionRow}. */
export interface OptionRowProps {
  option: PlanOption
  /** The rates converted figures used (the comparison's `usage.windowSpend.rates`), for the tag's tooltip. */
  rates: readonly RateUse[]
  onEdit?: () => void
}

const statusText: Record<Exclude<PlanOption['status'], 'priced'>, string> = {
  unknown: 'Price unknown',
  'cannot-cover': 'Cannot cover',
  'not-repriced': 'Not re-priced'
}

function costText(option: PlanOption): string {
  if (option.status !== 'priced') return statusText[option.status]
  return option.monthlyCost === null ? statusText.unknown : `${usd(option.monthlyCost)}/mo`
}

/** "57 %", "all", or "under 1 %" (the percent is rounded down, so a sliver never reads as none). */
function coverage(percent: number, repriced: string, measured: string): string {
  if (repriced === measured) return 'all'
  return percent === 0 ? `under ${formatPercent(1)}` : formatPercent(percent)
}

/** One ranked option: cost and plain answer; expands to the line items behind the number. */
export function OptionRow({ option, rates, onEdit }: OptionRowProps) {
  const [open, setOpen] = useState(false)
  const detailsId = useId()
  const tone = option.status !== 'priced' ? 'unknown' : option.rank === 1 ? 'best' : option.key === 'current' ? 'current' : 'priced'
  return (
    <li className={`panel edge-panel plan-option plan-option-${tone}`} data-option={option.key}>
      <div className="plan-option-main">
        <span className="plan-rank" aria-label={option.rank === null ? 'Not ranked' : `Rank ${option.rank}`}>
          {option.rank ?? '–'}
        </span>
        <div className="plan-titles">
          <span className="plan-name">{option.name}</span>
          <span className="plan-provider">
            {option.providerName}
            {option.origin === 'user' ? ' · your plan' : option.origin === 'edited' ? ' · edited by you' : ''}
            {option.repricing && option.status === 'priced' ? ` · re-prices ${coverage(option.repricing.percent, option.repricing.repricedSpend, option.repricing.measuredSpend)} of your spend` : ''}
          </span>
        </div>
        {option.converted && option.status === 'priced' ? (
          <span className="plan-converted-tag" title={`Includes spend converted into USD with ${ratesText(rates)}`}>
            converted
            {/* The rates also as hidden text: a title alone reaches neither keyboard nor screen-reader users. */}
            <span className="visually-hidden"> into USD with {ratesText(rates)}</span>
          </span>
        ) : null}
        <span className={`plan-cost plan-cost-${option.status}`}>{costText(option)}</span>
      </div>
      <p className="plan-answer">{option.answer}</p>
      <div className="plan-option-actions">
        <button type="button" className="link-button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          {open ? 'Hide how this was computed' : 'How this was computed'}
        </button>
        {onEdit ? (
          <button type="button" className="link-button" onClick={onEdit}>
            {option.status === 'unknown' ? 'Fill in the price' : 'Edit plan'}
          </button>
        ) : null}
      </div>
      {open ? (
        <div id={detailsId} className="plan-details">
          <table className="plan-lines">
            <caption className="visually-hidden">How the monthly cost of {option.name} was computed</caption>
            <tbody>
              {option.lines.map((line, index) => (
                <tr key={index}>
                  <th scope="row">{line.label}</th>
                  <td className="plan-line-detail">{line.detail ?? ''}</td>
                  <td className="plan-line-amount">{line.amount === null ? '—' : usd(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            {option.monthlyCost !== null ? (
              <tfoot>
                <tr>
                  <th scope="row">Per month</th>
                  <td />
                  <td className="plan-line-amount">{usd(option.monthlyCost)}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
          {option.missing.length > 0 ? <p className="plan-missing">To price it, fill in: {option.missing.join(', ')}.</p> : null}
          {option.asOf ? (
            <p className="muted plan-source">
              Figures as of {formatDate(option.asOf)}
              {option.sourceUrl ? ` · source: ${option.sourceUrl}` : ''}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
