import type { Condition, OpenAlert } from './alert-model'

/** What to do with one condition given the alert open for it (if any). */
export type AlertAction =
  /** Open a new alert (the condition was just crossed). */
  | { type: 'fire' }
  /** Close the open alert: the condition cleared (or no longer exists). */
  | { type: 'resolve' }
  /** A dismissed alert whose condition cleared: forget the latch so the next crossing fires. */
  | { type: 'unlatch' }
  /** A snoozed alert whose snooze ended (time passed, or the account was topped up). */
  | { type: 'wake' }
  /** Keep the alert as it is, refreshing its figure and message. */
  | { type: 'update' }
  | { type: 'none' }

/** Facts about time and top-ups the machine needs. */
export interface MachineContext {
  now: Date
  /**
   * Whether the account was topped up after `since` by at least `minRiseMicros` (1 = any top-up):
   * for "snooze until next top-up", and to clear a low balance that a top-up brought back.
   */
  toppedUpSince(accountId: string | null, since: string | null, minRiseMicros?: number): boolean
}

/**
 * The alert state machine, one condition at a time. An alert fires once when its condition turns
 * on; while it stays open nothing fires again, whatever the number of polls; it resolves when the
 * condition is off (past the hysteresis margin, which the condition already applied) and the key is
 * then free to fire again on the next crossing.
 *
 * @param condition - the condition now, or `null` when nothing produces it any more (rule removed,
 *   budget window over): an open alert then resolves.
 */
export function stepAlert(open: OpenAlert | undefined, condition: Condition | null, context: MachineContext): AlertAction {
  if (!open) return condition?.state === 'on' ? { type: 'fire' } : { type: 'none' }
  const state = condition?.state ?? 'off'
  if (open.latched && open.state === 'resolved') return state === 'off' ? { type: 'unlatch' } : { type: 'none' }
  if (state === 'off') return { type: 'resolve' }
  const topUp = condition?.clearsOnTopUp
  if (state === 'hold' && topUp && context.toppedUpSince(open.accountId, open.firedAt, topUp.minRiseMicros)) return { type: 'resolve' }
  if (open.state === 'snoozed' && snoozeOver(open, context)) return { type: 'wake' }
  return condition ? { type: 'update' } : { type: 'none' }
}

/** True once a snoozed alert should come back. */
export function snoozeOver(open: OpenAlert, context: MachineContext): boolean {
  if (open.snoozeUntilTopUp) return context.toppedUpSince(open.accountId, open.snoozedAt)
  return open.snoozeUntil !== null && Date.parse(open.snoozeUntil) <= context.now.getTime()
}
