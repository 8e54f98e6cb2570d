import type { Micros } from '../../../shared/money'

/** A cost line before formatting. `micros` null: not a charge of its own, or unknown (see detail). */
export interface Line {
  label: string
  micros: Micros | null
  detail: string | null
}

/** An option's monthly cost at some usage level. */
export interface Evaluation {
  /** `not-repriced`: a pay-as-you-go option with no token counts to re-price (never ranked). */
  status: 'priced' | 'unknown' | 'cannot-cover' | 'not-repriced'
  /** Null unless priced. */
  total: Micros | null
  lines: Line[]
  missing: string[]
  /** Short facts for the plain answer. */
  notes: string[]
}

/** An option's cost as a function of usage: `scale` 1 = the measured usage, 2 = twice as much. */
export type CostFunction = ((scale: number) => Evaluation) & {
  /**
   * The same evaluation's total alone (`Infinity` when it is not priced), without building its
   * lines: break-even scans call it hundreds of times per option.
   */
  totalAt?: (scale: number) => number
}

/** `$12.34` (display only). */
export const usd = (micros: Micros): string => `$${(Math.round(micros / 10_000) / 100).toFixed(2)}`
// One formatter for all: constructing an Intl.NumberFormat per call dominated break-even scans.
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
/** `13,064` (display only). */
export const credits = (value: number): string => wholeNumber.format(value)

/** An evaluation from its lines: priced (their sum) unless something is missing or cannot be covered. */
export function finish(lines: Line[], missing: string[], notes: string[], cannotCover = false): Evaluation {
  if (cannotCover) return { status: 'cannot-cover', total: null, lines, missing, notes }
  if (missing.length > 0) return { status: 'unknown', total: null, lines, missing, notes }
  return { status: 'priced', total: lines.reduce((sum, line) => sum + (line.micros ?? 0), 0), lines, missing, notes }
}
