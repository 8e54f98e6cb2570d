import { secretForms } from './secret-forms'

/** What a secret (or any piece of it) is replaced with. */
export const REDACTED = '[redacted]'

/** One compiled secret form (see {@link secretForms}): a scan for its shortest redactable run, then every unit's encodings as sticky regexes. */
interface FormMatcher {
  head: RegExp
  units: RegExp[][]
  minUnits: number
}

/**
 * The one place secrets are removed from provider text: captured bodies, URLs and content types,
 * fault messages, test-connection replies and the facts a poll learned. It knows the secrets in
 * use (the account's key and every secret option the adapter read) and replaces each of them —
 * raw, URL-, JSON-, HTML-escaped or base64, whole or any run of at least its first 8 characters
 * ({@link secretForms}) — with {@link REDACTED}.
 *
 * Why a property and not `split(key).join(…)`: providers echo keys in other encodings and cut
 * them short, and a cut-off key is still most of a key. Cut text for display only after this ran.
 */
export class Redactor {
  private readonly secrets = new Set<string>()
  private readonly matchers: FormMatcher[] = []

  constructor(secrets: Iterable<string | null | undefined> = []) {
    for (const secret of secrets) this.add(secret)
  }

  /** Starts removing `secret` too (ignored when empty, too short to redact, or already known). */
  add(secret: string | null | undefined): void {
    if (!secret || this.secrets.has(secret)) return
    this.secrets.add(secret)
    for (const form of secretForms(secret)) {
      this.matchers.push({
        head: new RegExp(form.units.slice(0, form.minUnits).map((alternatives) => `(?:${alternatives.join('|')})`).join(''), 'g'),
        units: form.units.map((alternatives) => alternatives.map(stickyPattern)),
        minUnits: form.minUnits
      })
    }
  }

  /** `text` with every known secret, in every form, replaced by {@link REDACTED}. */
  redact(text: string): string {
    if (this.matchers.length === 0 || text === '') return text
    const spans: [number, number][] = []
    for (const matcher of this.matchers) collectSpans(matcher, text, spans)
    if (spans.length === 0) return text
    spans.sort((a, b) => a[0] - b[0])
    // Overlapping or touching spans (two forms, or a false start and the real key) become one.
    const merged: [number, number][] = []
    for (const [start, end] of spans) {
      const last = merged.at(-1)
      if (last && start <= last[1]) last[1] = Math.max(last[1], end)
      else merged.push([start, end])
    }
    let result = ''
    let at = 0
    for (const [start, end] of merged) {
      result += `${text.slice(at, start)}${REDACTED}`
      at = end
    }
    return result + text.slice(at)
  }

  /** `value` with every string inside it (plain objects and arrays, recursively) redacted. */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T
    if (Array.isArray(value)) return value.map((item: unknown) => this.redactDeep(item)) as T
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactDeep(item)])) as T
    }
    return value
  }
}

const stickyPatterns = new Map<string, RegExp>()

/**
 * The sticky regex of one character's encoding, compiled once and shared: every use sets
 * `lastIndex` before `exec`, so sharing is safe, and a redactor (one per poll) no longer compiles
 * hundreds of them.
 */
function stickyPattern(source: string): RegExp {
  let pattern = stickyPatterns.get(source)
  if (!pattern) {
    pattern = new RegExp(source, 'y')
    stickyPatterns.set(source, pattern)
  }
  return pattern
}

/**
 * Adds the span of every occurrence of `matcher`'s form, each extended as far as the secret goes.
 * Why the search resumes one character after each start rather than after its end: the leftmost
 * match may be a false start that stops early (`ab` + `abab…key`), and the real occurrence that
 * begins inside it must still be found whole. Overlapping spans are merged by the caller.
 */
function collectSpans(matcher: FormMatcher, text: string, spans: [number, number][]): void {
  const { head } = matcher
  head.lastIndex = 0
  for (let found = head.exec(text); found; found = head.exec(text)) {
    spans.push([found.index, Math.max(found.index + found[0].length, longestRun(matcher, text, found.index))])
    head.lastIndex = found.index + 1
  }
}

/**
 * Where the longest run of the form's units starting at `start` ends (at least `minUnits` of them;
 * `-1` when there is none). Why a search and not one regex: encodings of a character can be
 * prefixes of one another (`%` and `%25`, `&` and `&amp;`), and taking the first that matches can
 * end the run early and leave the rest of the key in the text. Memoised on (unit, position).
 */
function longestRun(matcher: FormMatcher, text: string, start: number): number {
  const { units, minUnits } = matcher
  const memo = new Map<number, number>()
  const visit = (unit: number, at: number): number => {
    if (unit === units.length) return at
    const key = at * (units.length + 1) + unit
    const known = memo.get(key)
    if (known !== undefined) return known
    let best = unit >= minUnits ? at : -1
    for (const encoding of units[unit] ?? []) {
      encoding.lastIndex = at
      const match = encoding.exec(text)
      if (match) best = Math.max(best, visit(unit + 1, at + match[0].length))
    }
    memo.set(key, best)
    return best
  }
  return visit(0, start)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
