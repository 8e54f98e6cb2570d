import { snoozeChoices, type AlertKind, type SnoozeChoice } from '../../../../shared/alerts'

/** Alerts a top-up ends: adding credit lifts the balance, the runway and what is about to expire. */
const TOP_UP_KINDS: ReadonlySet<AlertKind> = new Set(['low_balance', 'runway', 'expiring_credit'])

/** Whether adding credit is the remedy for an alert of this kind (its card offers "Top up"). */
export function endedByTopUp(kind: AlertKind): boolean {
  return TOP_UP_KINDS.has(kind)
}

/**
 * The snoozes an alert offers. "Until top-up" only where a top-up ends the alert: a spend limit
 * or a rejected key is not lifted by buying credit, so offering it there snoozed them for good
 * (issue 14.7).
 */
export function snoozeChoicesFor(kind: AlertKind): SnoozeChoice[] {
  return snoozeChoices.filter((choice) => choice !== 'until_topup' || endedByTopUp(kind))
}
