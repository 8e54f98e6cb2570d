import Big from 'big.js'
import { isCurrency } from '../../../shared/money'
import { findProvider } from '../../../shared/providers'

/** Units that count things, not money: shown in their unit, never summed into money. */
const NOT_MONEY_UNITS: ReadonlySet<string> = new Set(['characters', 'tokens', 'points', 'requests', 'images', 'minutes', 'seconds'])

/** True for units that have no money value at all (ElevenLabs characters, tokens…). */
export function isNotMoney(unit: string): boolean {
  return NOT_MONEY_UNITS.has(unit.toLowerCase())
}

/**
 * The unit an account is kept in: a manual or custom account's `unit` option, else the unit its
 * provider bills everyone in; `null` when that depends on the account (DeepSeek: CNY or USD).
 */
export function ownUnit(provider: string, options: Readonly<Record<string, string>>): string | null {
  if (provider === 'manual' || provider === 'custom') return options.unit || 'USD'
  return findProvider(provider)?.unit ?? null
}

/** What one credit of an account is worth, and whose word that is. */
export interface CreditValue {
  value: Big
  currency: string
  basis: 'account_credit_value' | 'provider_credit_value'
}

/**
 * The money value of one `unit` held on an account: the account's own `creditValue` (in
 * `creditValueCurrency`, else the home currency) when `unit` is the account's unit, else the value
 * its provider publishes; `null` for currencies (they convert by exchange rate) and for units
 * nothing values. Credit units are never pooled: two accounts' "credits" are two different units.
 */
export function creditValueOf(provider: string, options: Readonly<Record<string, string>>, unit: string, home: string): CreditValue | null {
  if (isCurrency(unit)) return null
  if (options.creditValue && ownUnit(provider, options) === unit) {
    try {
      const value = new Big(options.creditValue)
      if (value.gt(0)) return { value, currency: options.creditValueCurrency || home, basis: 'account_credit_value' }
    } catch {
      // An unreadable value (older ledgers did not check it) counts as none: the total says so.
    }
  }
  const values = findProvider(provider)?.creditValues
  // Own keys only: a unit typed by the user (`coffer record --unit constructor`) must not find Object.prototype's members.
  const published = values && Object.hasOwn(values, unit) ? values[unit] : undefined
  return published ? { value: new Big(published.value), currency: published.currency, basis: 'provider_credit_value' } : null
}
