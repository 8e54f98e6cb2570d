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

/** Where a replay stands: what {@link checkpointLots} saves and {@link resumeLots} continues from. */
export interface LotCheckpoint {
  /** ISO instant: every step before it has run, none at or after it. */
  through: string
  lots: CreditLot[]
  debt: number
  changedSinceAnchor: boolean
}

/** The mutable state of one replay, and the steps that change it. */
class LotReplay {
  lots: CreditLot[]
  debt: number
  changedSinceAnchor: boolean

  constructor(from?: LotCheckpoint) {
    this.lots = from ? from.lots.map((lot) => ({ ...lot })) : []
    this.debt = from?.debt ?? 0
    this.changedSinceAnchor = from?.changedSinceAnchor ?? true
  }

  expireUntil(t: number): void {
    for (const lot of this.lots) {
      if (lot.remaining > 0 && lot.expiresAt !== null && Date.parse(lot.expiresAt) <= t) {
        lot.expired += lot.remaining
        lot.remaining = 0
        this.changedSinceAnchor = true
      }
    }
  }

  consume(micros: number): void {
    let left = micros
    for (const lot of this.lots) {
      if (left <= 0) break
      if (lot.remaining <= 0) continue
      const take = Math.min(lot.remaining, left)
      lot.remaining -= take
      left -= take
    }
    if (left > 0) this.debt += left
  }

  add(lot: Omit<CreditLot, 'remaining' | 'expired'>): void {
    const repay = Math.min(this.debt, lot.micros)
    this.debt -= repay
    this.lots.push({ ...lot, remaining: lot.micros - repay, expired: 0 })
  }

  balance(): number {
    return this.lots.reduce((sum, lot) => sum + lot.remaining, 0) - this.debt
  }

  /**
   * The replay's steps in the order they happen. `end` caps today's spend (it counts now, not at a
   * midnight still to come). Each step's position depends only on its own event or day (and the
   * anchors of that day), so the steps of any superset of the inputs, cut at an instant, are the
   * same steps a full replay runs after that instant.
   */
  steps(events: readonly LotEvent[], spend: readonly { day: string; micros: number }[], end: number): Step[] {
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
            const diff = event.micros - this.balance()
            if (diff < 0) this.consume(-diff)
            else if (diff > 0) this.add({ kind: 'opening', at: event.at, micros: diff, expiresAt: null })
            this.changedSinceAnchor = event.source !== 'manual'
          }
        })
        return
      }
      const signed = signedCreditMicros(event.kind, event.micros)
      steps.push({
        t,
        order: 2 + order,
        run: () => {
          this.changedSinceAnchor = true
          if (signed > 0) this.add({ kind: event.kind, at: event.at, micros: signed, expiresAt: event.expiresAt })
          else if (event.kind === 'expiration') {
            // An expiration takes credit from lots that expire (soonest first), then from any lot.
            const expiring = this.lots.filter((lot) => lot.expiresAt !== null && lot.remaining > 0)
            expiring.sort((x, y) => Date.parse(x.expiresAt as string) - Date.parse(y.expiresAt as string))
            let left = -signed
            for (const lot of expiring) {
              const take = Math.min(lot.remaining, left)
              lot.remaining -= take
              left -= take
            }
            if (left > 0) this.consume(left)
          } else this.consume(-signed)
        }
      })
    })
    for (const { day, micros } of spend) {
      let counted = 0
      const anchors = (anchorsByDay.get(day) ?? []).slice().sort((x, y) => Date.parse(x.at) - Date.parse(y.at))
      for (const anchor of anchors) {
        const upTo = Math.min(micros, Math.max(counted, anchor.baselineMicros))
        const chunk = upTo - counted
        counted = upTo
        // Half a millisecond before the anchor: its baseline had already been spent when it was entered.
        if (chunk > 0) steps.push({ t: Date.parse(anchor.at) - 0.5, order: 0, run: () => void ((this.changedSinceAnchor = true), this.consume(chunk)) })
      }
      const rest = micros - counted
      if (rest !== 0) {
        // Today's spend so far counts now, not at midnight still to come.
        const t = Math.min(Date.parse(dayStart(day)) + 86_400_000 - 1, end)
        steps.push({
          t,
          order: 1,
          run: () => void ((this.changedSinceAnchor = true), rest > 0 ? this.consume(rest) : this.add({ kind: 'refund', at: dayStart(day), micros: -rest, expiresAt: null }))
        })
      }
    }
    return steps.sort((x, y) => x.t - y.t || x.order - y.order)
  }

  /** Runs the steps with `from <= t < until` (or `<= until` when `inclusive`), expiring lots as time passes. */
  run(steps: readonly Step[], from: number, until: number, inclusive: boolean): void {
    for (const step of steps) {
      if (step.t < from) continue
      if (inclusive ? step.t > until : step.t >= until) break
      this.expireUntil(step.t)
      step.run()
    }
  }

  state(now: Date): LotState {
    this.expireUntil(now.getTime())
    let expiring: LotState['expiring'] = null
    for (const lot of this.lots) {
      if (lot.remaining <= 0 || lot.expiresAt === null) continue
      if (!expiring || Date.parse(lot.expiresAt) < Date.parse(expiring.expiresAt)) expiring = { micros: lot.remaining, expiresAt: lot.expiresAt }
      else if (dayOf(lot.expiresAt) === dayOf(expiring.expiresAt)) expiring.micros += lot.remaining
    }
    return { balanceMicros: this.balance(), lots: this.lots, expiring, source: this.changedSinceAnchor ? 'derived' : 'manual' }
  }

  checkpoint(through: string): LotCheckpoint {
    return { through, lots: this.lots.map((lot) => ({ ...lot })), debt: this.debt, changedSinceAnchor: this.changedSinceAnchor }
  }
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
  const replay = new LotReplay()
  replay.run(replay.steps(events, spend, now.getTime()), -Infinity, now.getTime(), true)
  return replay.state(now)
}

/**
 * The replay of {@link simulateLots} stopped just before `through` (which must not be later than
 * any `now` it will be resumed at): the inputs may be the whole history or any part of it that
 * includes every event and day before `through`.
 */
export function checkpointLots(events: readonly LotEvent[], spend: readonly { day: string; micros: number }[], through: Date): LotCheckpoint {
  const replay = new LotReplay()
  replay.run(replay.steps(events, spend, through.getTime()), -Infinity, through.getTime(), false)
  return replay.checkpoint(through.toISOString())
}

/**
 * Moves a checkpoint on to `through` (later than its own), given the inputs {@link resumeLots} needs.
 */
export function advanceLots(checkpoint: LotCheckpoint, events: readonly LotEvent[], spend: readonly { day: string; micros: number }[], through: Date): LotCheckpoint {
  const replay = new LotReplay(checkpoint)
  replay.run(replay.steps(events, spend, through.getTime()), Date.parse(checkpoint.through), through.getTime(), false)
  return replay.checkpoint(through.toISOString())
}

/**
 * Continues a checkpoint to `now`: the same state {@link simulateLots} reaches over the whole
 * history, given the events at or after the day before `checkpoint.through` and the spend of the
 * days from that day on (earlier inputs are in the checkpoint; the day before is needed because a
 * day's anchors decide how its spend is split).
 */
export function resumeLots(checkpoint: LotCheckpoint, events: readonly LotEvent[], spend: readonly { day: string; micros: number }[], now: Date): LotState {
  const replay = new LotReplay(checkpoint)
  replay.run(replay.steps(events, spend, now.getTime()), Date.parse(checkpoint.through), now.getTime(), true)
  return replay.state(now)
}
