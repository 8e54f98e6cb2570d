import Big from 'big.js'

/**
 * Money in Coffer is an integer number of micro-units (1e-6) plus a unit code. Integers make sums
 * exact; a JS number holds any micro amount below 9e15 (nine billion dollars) exactly.
 */
export type Micros = number

/** Unit codes: ISO currencies (`USD`, `CNY`) or a non-money unit (`credits`, `characters`, …). */
export type Unit = string

/** A decimal amount as it crosses the bridge, the CLI and exports: exact, never a float. */
export interface Money {
  /** Decimal string, e.g. `"12.5"` or `"-0.000001"`. */
  amount: string
  unit: Unit
}

const MICROS_PER_UNIT = 1_000_000
const DECIMAL_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** Thrown when a provider or a user hands Coffer something that is not a number. */
export class InvalidAmountError extends Error {
  constructor(readonly input: unknown) {
    super(`Not a decimal amount: ${describeInput(input)}`)
    this.name = 'InvalidAmountError'
  }
}

function describeInput(input: unknown): string {
  try {
    return JSON.stringify(input)?.slice(0, 40) ?? String(input)
  } catch {
    // BigInt and circular objects cannot be stringified as JSON.
    return typeof input === 'bigint' ? `${input}n` : typeof input
  }
}

/**
 * Parses a JSON number or numeric string into micro-units, exactly.
 *
 * @param value - `"110.00"`, `12.5`, `"1.5e-5"`… (providers send both forms).
 * @param shiftDecimal - powers of ten to apply first: `-2` for cents, `-4` for Novita's 1/10000 USD.
 * @throws InvalidAmountError for anything else (empty strings, `NaN`, `"12,50"`, objects).
 */
export function toMicros(value: unknown, shiftDecimal = 0): Micros {
  let decimal: Big
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidAmountError(value)
    // String(n) is the shortest text that round-trips, so 0.1 stays 0.1, not 0.1000000000000000055.
    decimal = new Big(String(value))
  } else if (typeof value === 'string' && DECIMAL_PATTERN.test(value.trim())) {
    // big.js accepts a leading '-' but not '+'.
    decimal = new Big(value.trim().replace(/^\+/, ''))
  } else {
    throw new InvalidAmountError(value)
  }
  const micros = decimal.times(new Big(10).pow(6 + shiftDecimal)).round(0, Big.roundHalfEven)
  // Check the size before toFixed: "1e999999999" would otherwise become a billion-digit string.
  if (micros.abs().gt(Number.MAX_SAFE_INTEGER)) throw new InvalidAmountError(value)
  const result = Number(micros.toFixed(0))
  if (!Number.isSafeInteger(result)) throw new InvalidAmountError(value)
  return result === 0 ? 0 : result // normalise -0
}

/** Like {@link toMicros} but returns `null` instead of throwing. */
export function tryToMicros(value: unknown, shiftDecimal = 0): Micros | null {
  try {
    return toMicros(value, shiftDecimal)
  } catch {
    return null
  }
}

/** Micro-units → canonical decimal string without trailing zeros (`1234500` → `"1.2345"`). */
export function microsToDecimal(micros: Micros): string {
  if (!Number.isSafeInteger(micros)) throw new InvalidAmountError(micros)
  const sign = micros < 0 ? '-' : ''
  const abs = Math.abs(micros)
  const whole = Math.floor(abs / MICROS_PER_UNIT)
  const fraction = String(abs % MICROS_PER_UNIT).padStart(6, '0').replace(/0+$/, '')
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`
}

/** Micro-units → a {@link Money} value for the bridge. */
export function toMoney(micros: Micros, unit: Unit): Money {
  return { amount: microsToDecimal(micros), unit }
}

/** {@link Money} → micro-units. */
export function moneyToMicros(money: Money): Micros {
  return toMicros(money.amount)
}

/** True for three-letter ISO 4217 codes, which `Intl` can format as currency. */
export function isCurrency(unit: Unit): boolean {
  return /^[A-Z]{3}$/.test(unit)
}

/**
 * Formats an amount for people, in their locale: `$12.40`, `¥110.00`, `1,250 credits`.
 * Display only: never parse the result back.
 */
export function formatMoney(money: Money, locale?: string, options: { compact?: boolean } = {}): string {
  const value = Number(money.amount)
  if (isCurrency(money.unit)) {
    const digits = Math.abs(value) > 0 && Math.abs(value) < 0.01 ? 4 : 2
    return numberFormat(locale, {
      style: 'currency',
      currency: money.unit,
      minimumFractionDigits: options.compact ? 0 : 2,
      maximumFractionDigits: options.compact ? 2 : digits
    }).format(value)
  }
  const number = numberFormat(locale, { maximumFractionDigits: 2 }).format(value)
  return `${number} ${unitWord(money.unit, value, locale)}`
}

const formats = new Map<string, Intl.NumberFormat>()

/**
 * One Intl.NumberFormat per locale and options, made once. Why: constructing one costs tens of
 * microseconds, and alert evaluation formats amounts for every account inside each poll's ingest.
 */
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    formats.set(key, format)
  }
  return format
}

/**
 * A counted unit in the number's grammatical form: "1 credit", "2 credits", "1 character". Units
 * are stored as plural English words (`credits`, `characters`); one that is not a plain lowercase
 * word ending in "s" (a provider's own code) is left alone.
 */
function unitWord(unit: Unit, value: number, locale?: string): string {
  if (!/^[a-z]{3,}s$/.test(unit)) return unit
  // Plural rules on the number as shown (two decimals at most): 1.001 shows as "1", so "1 credit".
  return new Intl.PluralRules(locale, { maximumFractionDigits: 2 }).select(value) === 'one' ? unit.slice(0, -1) : unit
}
