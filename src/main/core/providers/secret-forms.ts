/**
 * The shapes a secret takes when a provider, proxy or relay echoes it back: as sent, URL-encoded,
 * JSON-escaped, HTML-escaped, or base64 (standard or url-safe) inside a larger blob. Each form is
 * a sequence of units (one per character of the secret, or per base64 character), so a run of
 * leading units matches a cut-off secret too, and each unit accepts every encoding of its
 * character, so partly escaped text (`\u0073k-…`, `sk-a%2Fb`) matches as well.
 */

/** The fewest leading characters of a secret that count as the secret: a shorter piece is left alone. */
export const MIN_SECRET_PREFIX = 8

/** Secrets shorter than this are not redacted: they would match ordinary words. */
export const MIN_SECRET_LENGTH = 4

/** One way a secret can appear in text. */
export interface SecretForm {
  /** For each unit of the form, in order: the regex sources of its alternative encodings. */
  units: string[][]
  /** How many leading units must match before a run counts as (part of) the secret. */
  minUnits: number
}

/** The forms of `secret` that the redactor looks for (none for a secret that is too short). */
export function secretForms(secret: string): SecretForm[] {
  const chars = [...secret]
  if (chars.length < MIN_SECRET_LENGTH) return []
  const prefixChars = Math.min(MIN_SECRET_PREFIX, chars.length)
  return [{ units: chars.map(charPattern), minUnits: prefixChars }, ...base64Forms(chars, prefixChars)]
}

/**
 * Base64 of the secret embedded at any byte offset of a larger blob. Only output characters made
 * entirely of the secret's bits are fixed; which ones depends on the offset modulo 3, hence three
 * alignments. Each unit accepts both alphabets (`+/` and `-_`), so padding and the url-safe variant
 * need no forms of their own.
 */
function base64Forms(chars: string[], prefixChars: number): SecretForm[] {
  const bytes = Buffer.from(chars.join(''), 'utf8')
  const prefixBytes = Buffer.byteLength(chars.slice(0, prefixChars).join(''), 'utf8')
  const forms: SecretForm[] = []
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    // Output character i carries bits [6i, 6i + 6) of the blob; the secret holds [8·offset, 8·(offset + n)).
    const first = Math.ceil((8 * offset) / 6)
    const end = Math.floor((8 * (offset + bytes.length)) / 6)
    const minUnits = Math.floor((8 * (offset + prefixBytes)) / 6) - first
    if (minUnits < MIN_SECRET_LENGTH) continue
    forms.push({ units: [...encoded.slice(first, end)].map(base64CharPattern), minUnits })
  }
  return forms
}

const URL_SAFE: Record<string, string> = { '+': '-', '/': '_' }

function base64CharPattern(char: string): string[] {
  const other = URL_SAFE[char]
  return other ? [...charPattern(char), ...charPattern(other)] : charPattern(char)
}

/** JSON's short escapes (RFC 8259 §7); `\/` is optional in JSON and some servers always write it. */
const JSON_SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

const charPatterns = new Map<string, string[]>()

/**
 * Regex sources matching one character, one per encoding: made once per character (a redactor is
 * built for every poll, and refresh all builds dozens at once).
 */
function charPattern(char: string): string[] {
  let patterns = charPatterns.get(char)
  if (!patterns) {
    patterns = encodingsOf(char)
    charPatterns.set(char, patterns)
  }
  return patterns
}

function encodingsOf(char: string): string[] {
  const codePoint = char.codePointAt(0) ?? 0
  const forms = new Set<string>([escapeRegex(char)])
  // URL: every UTF-8 byte as %XX, hex in either case; form encoding writes a space as `+`.
  forms.add([...Buffer.from(char, 'utf8')].map((byte) => `%${hexPattern(byte, 2)}`).join(''))
  if (char === ' ') forms.add('\\+')
  // JSON: \uXXXX for each UTF-16 unit (a surrogate pair for astral characters).
  forms.add([...Array(char.length).keys()].map((i) => `\\\\u${hexPattern(char.charCodeAt(i), 4)}`).join(''))
  const short = JSON_SHORT[char]
  if (short) forms.add(escapeRegex(short))
  // HTML (a proxy's error page echoing a header): numeric references and the named ones.
  forms.add(`&#0*${codePoint};`)
  forms.add(`&#[xX]0*${hexPattern(codePoint, 1)};`)
  const named = HTML_NAMED[char]
  if (named) forms.add(named)
  return [...forms]
}

/** `n` in hex, at least `width` digits, each letter as a class of both cases: `2[fF]`. */
function hexPattern(n: number, width: number): string {
  return [...n.toString(16).padStart(width, '0')].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('')
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
