import type { CreditKind } from '../../../../shared/contract/ledger-schemas'

/** What each kind means, shown under the type picker. */
export const creditKindHelp: Record<CreditKind, string> = {
  topup: 'Money you added. Give its expiry if the provider sets one (OpenAI: one year).',
  grant: 'Free credit from the provider, often with an expiry.',
  renewal: 'Credits a subscription adds each period.',
  reset: 'A package reset that restores credits.',
  purchase: 'A credit pack you bought.',
  adjustment: 'A correction either way: negative removes credit.',
  refund: 'Credit given back to you.',
  expiration: 'Credit that expired (enter the positive amount that expired).',
  balance: 'The balance your provider’s console shows now. Coffer counts on from this figure.'
}
