/**
 * Characters that must never reach a terminal or a table from a label or a note: C0 controls (ESC
 * starts terminal escape sequences, CR and LF forge rows, NUL truncates), DEL, C1 controls (U+009B
 * is a one-byte escape sequence introducer on some terminals), the Unicode line and paragraph
 * separators, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that
 * make text display in a different order than it is stored. Pure: no Node, no DOM.
 */

/** True for one of the characters described above (by UTF-16 code unit). */
function isUnsafeCode(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

/** What the contract says when a label or note holds one of them. */
export const UNSAFE_TEXT_MESSAGE =
  'Remove control characters (such as escape, tab or line breaks) and text-direction overrides: they can disguise what is shown.'

/** Whether `text` holds a control character or a bidi override. */
export function hasUnsafeCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (isUnsafeCode(text.charCodeAt(index))) return true
  return false
}

/** `text` with every character that `unsafe` picks written as a `\uXXXX` escape. */
function escapeWhere(text: string, unsafe: (code: number) => boolean): string {
  let result = ''
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    result += unsafe(code) ? `\\u${code.toString(16).padStart(4, '0')}` : (text[index] as string)
  }
  return result
}

/**
 * `text` with each control character and bidi override written as a `\uXXXX` escape, so old data
 * (stored before the contract refused them) prints as what it is: `bad\u001b[31m`, not red text.
 */
export function escapeUnsafe(text: string): string {
  return hasUnsafeCharacters(text) ? escapeWhere(text, isUnsafeCode) : text
}

/**
 * Pretty JSON for a terminal. `JSON.stringify` escapes C0 controls inside strings (the raw line
 * breaks left are its own layout) but leaves DEL, C1 and bidi characters raw; those can only occur
 * inside strings, where `\uXXXX` is the same value, so the output parses to exactly the same data.
 */
export function terminalJson(value: unknown): string {
  return escapeWhere(JSON.stringify(value, null, 2), (code) => code > 0x1f && isUnsafeCode(code))
}
