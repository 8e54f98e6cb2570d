import type { AccountView } from '../../../shared/contract'
import { findProvider } from '../../../shared/providers'

/**
 * The unit an account counts in, for forms that record against it (the Record dialog's unit):
 * its primary balance's, else the unit it was set up with (a manual or custom account's `unit`
 * option, e.g. credits), else the provider's billing unit, else its spend's. `null` when nothing
 * says, and the user must name one.
 */
export function accountUnit(account: Pick<AccountView, 'provider' | 'balances' | 'options' | 'spend' | 'pace'>): string | null {
  return account.balances[0]?.unit ?? account.options.unit ?? findProvider(account.provider)?.unit ?? account.spend?.unit ?? account.pace?.unit ?? null
}
