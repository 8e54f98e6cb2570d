import type { RateUse } from '../../../../shared/contract/ledger-schemas'
import { UNDATED_RATE_DAY } from '../../../../shared/rate-days'
import { formatMoney } from '../../../../shared/money'
import { formatDate } from '../../lib/format'

/** A USD decimal string as `$12.34` in the user's locale. */
export function usd(amount: string): string {
  return formatMoney({ amount, unit: 'USD' })
}

/** "1 CNY = 0.14 USD (from 1 Nov 2026), 1 credit = 0.01 USD": the rates a converted figure used. */
export function ratesText(rates: readonly RateUse[]): string {
  return rates.map((use) => `1 ${use.unit} = ${use.rate} ${use.in}${use.from && use.from > UNDATED_RATE_DAY ? ` (from ${formatDate(use.from)})` : ''}`).join(', ')
}
