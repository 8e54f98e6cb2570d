import { microsToDecimal } from '../../../shared/money'

/**
 * Micro-units as a Prometheus sample value (a float64, which is all the exposition format has).
 * Through the exact decimal string, so 1_230_000 µ becomes 1.23 and not 1.2299999999999998.
 */
export function fromMicros(micros: number): number {
  return Number(microsToDecimal(micros))
}
