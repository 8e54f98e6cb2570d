import type { ApproxMoney, RateUse } from '../../../../shared/contract/ledger-schemas'
import { UNDATED_RATE_DAY } from '../../../../shared/rate-days'
import { formatMoney } from '../../../../shared/money'
import { formatDate } from '../../lib/format'

/** "1 CNY = 0.14 USD (from 2026-11-01)" or "GPTBots credits at 0.01 USD each". */
export function rateUseText(use: RateUse, accountLabel?: (id: string) => string | undefined): string {
  if (use.basis === 'exchange_rate') return `1 ${use.unit} = ${use.rate} ${use.in}${use.from && use.from > UNDATED_RATE_DAY ? ` (from ${formatDate(use.from)})` : ''}`
  const owner = use.accountId ? accountLabel?.(use.accountId) : undefined
  const whose = use.basis === 'provider_credit_value' ? ', the provider’s published value' : ''
  return `${owner ? `${owner} ` : ''}${use.unit} at ${use.rate} ${use.in} each${whose}`
}

/**
 * A figure across accounts: "≈" and an "approximate" tag only when something was converted, with
 * the rates it used in the tag's tooltip; an exact figure shows as it is.
 */
export function ConvertedFigure({ value, suffix = '', accountLabel }: { value: ApproxMoney; suffix?: string; accountLabel?: (id: string) => string | undefined }) {
  const text = `${formatMoney(value)}${suffix}`
  if (!value.approximate) return <>{text}</>
  const rates = value.rates.map((use) => rateUseText(use, accountLabel)).join('; ')
  return (
    <>
      ≈ {text}{' '}
      <span className="approx-tag" title={`Converted with ${rates}`}>
        approximate
      </span>
    </>
  )
}
