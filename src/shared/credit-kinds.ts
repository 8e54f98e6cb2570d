import type { CreditKind } from './contract/ledger-schemas'

/**
 * True for kinds that always add credit (a top-up, purchase, grant, renewal, package reset or
 * refund): the ones a provider's own balance must rise to show. An adjustment keeps the sign it was
 * given and corrects the ledger rather than reporting an event, so it never waits for a rise.
 */
export function addsCredit(kind: CreditKind): boolean {
  return kind !== 'expiration' && kind !== 'adjustment' && kind !== 'balance'
}

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
