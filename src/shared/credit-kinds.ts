import type { CreditKind } from './contract/ledger-schemas'

/**
 * Credit event kinds in words for people: one table for the CLI, exports and the UI, so a label
 * reads the same wherever it shows.
 */
export const creditKindText: Record<CreditKind, string> = {
  topup: 'Top-up',
  grant: 'Grant',
  renewal: 'Subscription renewal',
  reset: 'Package reset',
  purchase: 'Credit purchase',
  adjustment: 'Adjustment',
  refund: 'Refund',
  expiration: 'Expiration',
  balance: 'Balance entered'
}
