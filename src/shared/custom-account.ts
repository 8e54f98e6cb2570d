/**
 * Rules for `custom` and `manual` accounts that both the form (renderer) and core check: a tiny,
 * safe JSON path language (no eval), the scale of a custom amount and the unit names.
 */
import { keyUrlProblem } from './url-rules'

/** One step into a JSON document: an object key or an array index. */
export type JsonPathStep = string | number

const MAX_PATH_STEPS = 32

/**
 * Parses a dotted path with optional array indexes: `data.balance`, `$.data.items[0].amount`,
 * `balance_infos[1].total_balance`. Keys are any characters except `.`, `[` and `]`.
 *
 * @throws Error with a message for people when the path is not of that form.
 */
export function parseJsonPath(path: string): JsonPathStep[] {
  const text = path.trim().replace(/^\$\.?/, '')
  if (text === '') throw new Error('The JSON path is empty: write something like data.balance.')
  const steps: JsonPathStep[] = []
  for (const part of text.split('.')) {
    const match = /^([^.[\]]*)((?:\[\d{1,6}\])*)$/.exec(part)
    if (!match || (match[1] === '' && match[2] === '')) {
      throw new Error(`“${path}” is not a JSON path Coffer understands: use names separated by dots and [0]-style indexes, e.g. data.items[0].balance.`)
    }
    if (match[1]) steps.push(match[1])
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]))
  }
  if (steps.length > MAX_PATH_STEPS) throw new Error(`The JSON path is longer than ${MAX_PATH_STEPS} steps.`)
  return steps
}

/** Follows `steps` into `body`; `undefined` when any step is missing. Own properties only. */
export function readJsonPath(body: unknown, steps: readonly JsonPathStep[]): unknown {
  let current: unknown = body
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return undefined
      current = current[step]
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined
      // Own properties only: "constructor" or "__proto__" must not reach into prototypes.
      if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined
      current = (current as Record<string, unknown>)[step]
    }
  }
  return current
}

/** How a custom amount is scaled: a power-of-ten shift (`-2` = cents) or a divisor (`/500000`). */
export type AmountScale = { shift: number } | { divisor: string }

/**
 * Parses a scale: empty = as is; `-2` = multiply by 10^-2 (cents → units); `/500000` = divide by
 * 500000 (one-api style quota per dollar).
 */
export function parseScale(text: string | undefined): AmountScale {
  const value = (text ?? '').trim()
  if (value === '') return { shift: 0 }
  if (/^[+-]?\d{1,2}$/.test(value)) return { shift: Number(value) }
  const divisor = /^\/\s*(\d+(?:\.\d+)?)$/.exec(value)?.[1]
  if (divisor && Number(divisor) > 0) return { divisor }
  throw new Error(`Scale “${value}” is not valid: use a power of ten such as -2 (cents) or a divisor such as /500000.`)
}

/** A unit name: a three-letter currency code or a short name such as `credits`. */
export const UNIT_PATTERN = '[A-Z]{3}|[A-Za-z][A-Za-z0-9 ._-]{0,31}'

/** `true` for an exact decimal such as `0.01`. */
export function isPositiveDecimal(value: string): boolean {
  return /^\d+(\.\d+)?$/.test(value) && Number(value) > 0
}

/** Cross-option checks of a `custom` account. */
export function validateCustomOptions(options: Readonly<Record<string, string>>, context: { baseUrl?: string | null } = {}): string | null {
  const preset = options.preset ?? 'json'
  if (!options.url && !context.baseUrl) return 'Enter the URL Coffer should ask (for a relay site, its address).'
  // The key goes to this URL: the same rule as a base URL (https, no user:password@).
  const urlProblem = options.url ? keyUrlProblem(options.url) : null
  if (urlProblem) return `“URL”: ${urlProblem}`
  const creditValueProblem = validateCreditValue(options)
  if (creditValueProblem) return creditValueProblem
  try {
    // The scale applies to a relay's figures too (their `*_usd` fields are in the site's display unit).
    parseScale(options.scale)
    if (preset === 'openai-compatible-relay') return null
    if (!options.balancePath) return 'Enter the JSON path to the balance, e.g. data.balance.'
    parseJsonPath(options.balancePath)
    if (options.usedPath) parseJsonPath(options.usedPath)
    if (options.totalPath) parseJsonPath(options.totalPath)
  } catch (error) {
    return (error as Error).message
  }
  return null
}

/** Cross-option checks of a `manual` account. */
export function validateManualOptions(options: Readonly<Record<string, string>>): string | null {
  return validateCreditValue(options)
}

function validateCreditValue(options: Readonly<Record<string, string>>): string | null {
  if (options.creditValue && !isPositiveDecimal(options.creditValue)) {
    return 'The value of one unit must be a positive decimal, e.g. 0.01 (GPTBots: 100 credits = $1).'
  }
  if (options.creditValueCurrency && !options.creditValue) return 'Give the value of one unit together with its currency.'
  return null
}
