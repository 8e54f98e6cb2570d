import { UsageError } from './cli-io'

/** Commander reducer for a repeatable option: every value given, in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** A whole-number argument (0 allowed), or a usage error naming the flag. */
export function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, got "${value}".`)
  return Number(value)
}

/** A positive integer argument, or a usage error naming the option. */
export function positiveInteger(value: string, name: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a whole number of at least 1 (got "${value}").`)
  return Number(value)
}
