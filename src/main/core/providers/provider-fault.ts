import type { AccountStatus } from '../../../shared/account-status'

/** Every status a poll can end in except success. */
export type FaultStatus = Exclude<AccountStatus, 'ok' | 'never_polled'>

/**
 * A poll that failed for a reason the user should see: a rejected key, a rate limit, a network
 * failure, a provider error or an answer Coffer cannot read. Its message is written for people and
 * never contains the key.
 */
export class ProviderFault extends Error {
  constructor(
    readonly status: FaultStatus,
    /** Machine-readable detail, e.g. `http_401`, `timeout`, `business_error`, `missing_field`. */
    readonly code: string,
    message: string,
    readonly httpStatus: number | null = null,
    /** How long the provider asked us to wait (Retry-After), in ms. */
    readonly retryAfterMs: number | null = null
  ) {
    super(message)
    this.name = 'ProviderFault'
  }
}

/** Shorthand for "the provider answered, but not with what its documentation promises". */
export function badResponse(code: string, detail: string, httpStatus: number | null = 200): ProviderFault {
  return new ProviderFault('bad_response', code, `Unexpected answer from the provider: ${detail}`, httpStatus)
}

// Private-use characters around provider text in a fault message: open, length separator, close.
const OPEN = '\uE000'
const SEP = '\uE001'
const CLOSE = '\uE002'
const MARKERS = /[\uE000-\uE002]/g
const QUOTED = /\uE000(\d+)\uE001([^\uE000-\uE002]*)\uE002/g

/**
 * Provider text to quote in a fault message, cut to about `max` characters — but only when the
 * message is finished ({@link finishFaultMessage}), after the secrets were removed from it. Why:
 * cutting first leaves the start of an echoed key that no longer matches the key, and the start
 * of a key is most of a key.
 */
export function quote(text: string, max: number): string {
  // The provider's own markers are dropped, so it cannot steer where its text is cut.
  return `${OPEN}${max}${SEP}${text.replace(MARKERS, '')}${CLOSE}`
}

/** A fault message ready to store or show: redacted as a whole, then each {@link quote} cut to its length. */
export function finishFaultMessage(message: string, redact: (text: string) => string): string {
  return redact(message)
    .replace(QUOTED, (_match, max: string, text: string) => shorten(text, Number(max)))
    .replace(MARKERS, '')
}

/** Cuts `text` to about `max` characters, at a word boundary when one is near the end. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const atWord = cut.replace(/\S*$/, '').trimEnd()
  return `${atWord.length >= max / 2 ? atWord : cut}…`
}
