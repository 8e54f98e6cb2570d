import { useId, useState } from 'react'
import type { PlanOption } from '../../../../shared/contract/plans-calls'
import { usd } from './format'

/** Props of {@link OptionRow}. */
export interface OptionRowProps {
  option: PlanOption
  onEdit?: () => void
}

function costText(option: PlanOption): string {
  if (option.status === 'priced' && option.monthlyCost !== null) return `${usd(option.monthlyCost)}/mo`
  return option.status === 'unknown' ? 'Price unknown' : 'Cannot cover'
}

/** One ranked option: cost and plain answer; expands to the line items behind the number. */
export function OptionRow({ option, onEdit }: OptionRowProps) {
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
          </span>
        </div>
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
              Figures as of {option.asOf}
              {option.sourceUrl ? ` · source: ${option.sourceUrl}` : ''}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
