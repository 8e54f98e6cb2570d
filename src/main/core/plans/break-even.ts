import type { CostFunction } from './option-costs'

/** A point on the usage axis where the cheapest option changes. */
export interface BreakEvenPoint {
  /** Usage multiplier (1 = measured usage) where `above` becomes cheaper than `below`. */
  scale: number
  below: string
  above: string
}

/** Costs closer than this (micro-dollars) count as a tie: the cheapest so far stays cheapest. */
const TIE_MICROS = 100
const STEPS = 600
const BISECTIONS = 50

function costAt(fn: CostFunction, scale: number): number {
  if (fn.totalAt) return fn.totalAt(scale)
  const evaluation = fn(scale)
  return evaluation.status === 'priced' && evaluation.total !== null ? evaluation.total : Number.POSITIVE_INFINITY
}

function cheapest(options: readonly { key: string; cost: CostFunction }[], scale: number, current: string | null): string | null {
  let bestKey: string | null = null
  let best = Number.POSITIVE_INFINITY
  for (const option of options) {
    const cost = costAt(option.cost, scale)
    if (cost < best) {
      best = cost
      bestKey = option.key
    }
  }
  if (current !== null && bestKey !== null && bestKey !== current) {
    const held = options.find((option) => option.key === current)
    if (held && costAt(held.cost, scale) - best <= TIE_MICROS) return current
  }
  return bestKey
}

/**
 * Where the cheapest option changes as usage grows from 0 to `maxScale` times the measured usage
 * (the mix of models and providers kept). Every cost function is piecewise linear in usage, so a
 * fine scan plus bisection finds each change to well under a cent.
 */
export function findBreakEvens(options: readonly { key: string; cost: CostFunction }[], maxScale = 5): BreakEvenPoint[] {
  const points: BreakEvenPoint[] = []
  // Start just above zero: at exactly zero usage every pay-as-you-go option ties at $0.
  let previousScale = maxScale / STEPS / 1000
  let leader = cheapest(options, previousScale, null)
  for (let step = 1; step <= STEPS; step += 1) {
    const scale = (maxScale * step) / STEPS
    const next = cheapest(options, scale, leader)
    if (next === leader || next === null || leader === null) {
      previousScale = scale
      if (leader === null) leader = next
      continue
    }
    let low = previousScale
    let high = scale
    for (let i = 0; i < BISECTIONS; i += 1) {
      const mid = (low + high) / 2
      if (cheapest(options, mid, leader) === leader) low = mid
      else high = mid
    }
    points.push({ scale: high, below: leader, above: next })
    leader = next
    previousScale = scale
  }
  return points
}
