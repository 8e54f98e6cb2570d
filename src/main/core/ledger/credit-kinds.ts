import type { CreditEventKind } from './facts'

/**
 * The signed effect of a credit event on the balance, in micro-units. Users and providers state
 * amounts as positive numbers; an expiration removes credit, an adjustment keeps the sign it was
 * given, and a `balance` entry is not a change at all but an anchor (handled separately).
 */
export function signedCreditMicros(kind: CreditEventKind, micros: number): number {
  if (kind === 'expiration') return -Math.abs(micros)
  if (kind === 'adjustment' || kind === 'balance') return micros
  return Math.abs(micros)
}

/** Words for people (CLI, UI, exports) and which kinds add credit: both live in src/shared so the renderer reads the same. */
export { addsCredit, creditKindText } from '../../../shared/credit-kinds'
