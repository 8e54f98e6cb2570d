import type { RateUse } from '../../../../shared/contract/ledger-schemas'
import { UNDATED_RATE_DAY } from '../../../../shared/rate-days'
import { formatMoney } from '../../../../shared/money'

/** A USD decimal string as `$12.34` in the user's locale. */
export function usd(amount: string): string {
  return formatMoney({ amount, unit: 'USD' })
}

/** "1 CNY = 0.14 USD (from 2026-11-01), 1 credits = 0.01 USD": the rates a converted figure used. */
export function ratesText(rates: readonly RateUse[]): string {
  return rates.map((use) => `1 ${use.unit} = ${use.rate} ${use.in}${use.from && use.from > UNDATED_RATE_DAY ? ` (from ${use.from})` : ''}`).join(', ')
}
