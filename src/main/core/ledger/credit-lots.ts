import { signedCreditMicros } from './credit-kinds'
import { dayOf, dayStart } from './days'
import type { CreditEventKind } from './facts'

/** A credit event as the lot simulation sees it. */
export interface LotEvent {
  kind: CreditEventKind
  /** As stored (positive for additions; see {@link signedCreditMicros}). */
  micros: number
  at: string
  expiresAt: string | null
  /** For `balance` anchors: the anchor day's spend that had already happened when it was entered. */
  baselineMicros: number
  source: 'official' | 'derived' | 'manual'
}

/** A lot of credit: one addition, consumed oldest first. */
export interface CreditLot {
  kind: CreditEventKind | 'opening'
  at: string
  micros: number
  remaining: number
  expiresAt: string | null
  /** What was left when it expired. */
  expired: number
}

/** The outcome of {@link simulateLots}. */
export interface LotState {
  /** Balance now: remaining lots minus any overdraft. */
  balanceMicros: number
  lots: CreditLot[]
  /** The soonest expiry still to come with credit left on it (summed over lots expiring that day). */
  expiring: { micros: number; expiresAt: string } | null
  /** `manual` when nothing has happened since the user's balance entry, else `derived`. */
  source: 'manual' | 'derived'
}

interface Step {
  t: number
  order: number
  run: () => void
}

/**
 * Replays credit events and daily spend, first-in first-out: each addition becomes a lot, spend
 * consumes the oldest lots first, a lot past its expiry loses what is left on it, and a `balance`
 * anchor (the user's console figure, or an official reading) reconciles the lots to that figure:
 * surplus is consumed oldest first, a shortfall becomes a lot of unknown origin with no expiry.
 *
 * Spend is known per day. A day's spend counts at the end of the day, except the part an anchor
 * on that day had already seen (`baselineMicros`), which counts just before the anchor.
 */
export function simulateLots(events: readonly LotEvent[], spend: readonly { day: string; micros: number }[], now: Date): LotState {
  const lots: CreditLot[] = []
  let debt = 0
  let changedSinceAnchor = true

  const expireUntil = (t: number): void => {
    for (const lot of lots) {
      if (lot.remaining > 0 && lot.expiresAt !== null && Date.parse(lot.expiresAt) <= t) {
        lot.expired += lot.remaining
        lot.remaining = 0
        changedSinceAnchor = true
      }
    }
  }
  const consume = (micros: number): void => {
    let left = micros
    for (const lot of lots) {
      if (left <= 0) break
      if (lot.remaining <= 0) continue
      const take = Math.min(lot.remaining, left)
      lot.remaining -= take
      left -= take
    }
    if (left > 0) debt += left
  }
  const add = (lot: Omit<CreditLot, 'remaining' | 'expired'>): void => {
    const repay = Math.min(debt, lot.micros)
    debt -= repay
    lots.push({ ...lot, remaining: lot.micros - repay, expired: 0 })
  }
  const balance = (): number => lots.reduce((sum, lot) => sum + lot.remaining, 0) - debt

  const steps: Step[] = []
  const anchorsByDay = new Map<string, LotEvent[]>()
  events.forEach((event, order) => {
    const t = Date.parse(event.at)
    if (event.kind === 'balance') {
      const list = anchorsByDay.get(dayOf(event.at)) ?? []
      list.push(event)
      anchorsByDay.set(dayOf(event.at), list)
      steps.push({
        t,
        order: 2 + order,
        run: () => {
          const diff = event.micros - balance()
          if (diff < 0) consume(-diff)
          else if (diff > 0) add({ kind: 'opening', at: event.at, micros: diff, expiresAt: null })
          changedSinceAnchor = event.source !== 'manual'
        }
      })
      return
    }
    const signed = signedCreditMicros(event.kind, event.micros)
    steps.push({
      t,
      order: 2 + order,
      run: () => {
        changedSinceAnchor = true
        if (signed > 0) add({ kind: event.kind, at: event.at, micros: signed, expiresAt: event.expiresAt })
        else if (event.kind === 'expiration') {
          // An expiration takes credit from lots that expire (soonest first), then from any lot.
          const expiring = lots.filter((lot) => lot.expiresAt !== null && lot.remaining > 0)
          expiring.sort((x, y) => Date.parse(x.expiresAt as string) - Date.parse(y.expiresAt as string))
          let left = -signed
          for (const lot of expiring) {
            const take = Math.min(lot.remaining, left)
            lot.remaining -= take
            left -= take
          }
          if (left > 0) consume(left)
        } else consume(-signed)
      }
    })
  })
  const end = now.getTime()
  for (const { day, micros } of spend) {
    let counted = 0
    const anchors = (anchorsByDay.get(day) ?? []).slice().sort((x, y) => Date.parse(x.at) - Date.parse(y.at))
    for (const anchor of anchors) {
      const upTo = Math.min(micros, Math.max(counted, anchor.baselineMicros))
      const chunk = upTo - counted
      counted = upTo
      // Half a millisecond before the anchor: its baseline had already been spent when it was entered.
      if (chunk > 0) steps.push({ t: Date.parse(anchor.at) - 0.5, order: 0, run: () => void ((changedSinceAnchor = true), consume(chunk)) })
    }
    const rest = micros - counted
    if (rest !== 0) {
      // Today's spend so far counts now, not at midnight still to come.
      const t = Math.min(Date.parse(dayStart(day)) + 86_400_000 - 1, end)
      steps.push({ t, order: 1, run: () => void ((changedSinceAnchor = true), rest > 0 ? consume(rest) : add({ kind: 'refund', at: dayStart(day), micros: -rest, expiresAt: null })) })
    }
  }
  steps.sort((x, y) => x.t - y.t || x.order - y.order)
  for (const step of steps) {
    if (step.t > end) break
    expireUntil(step.t)
    step.run()
  }
  expireUntil(end)

  let expiring: LotState['expiring'] = null
  for (const lot of lots) {
    if (lot.remaining <= 0 || lot.expiresAt === null) continue
    if (!expiring || Date.parse(lot.expiresAt) < Date.parse(expiring.expiresAt)) expiring = { micros: lot.remaining, expiresAt: lot.expiresAt }
    else if (dayOf(lot.expiresAt) === dayOf(expiring.expiresAt)) expiring.micros += lot.remaining
  }
  return { balanceMicros: balance(), lots, expiring, source: changedSinceAnchor ? 'derived' : 'manual' }
}
