import { formatMoney } from '../../../../shared/money'

/** A USD decimal string as `$12.34` in the user's locale. */
export function usd(amount: string): string {
  return formatMoney({ amount, unit: 'USD' })
}
