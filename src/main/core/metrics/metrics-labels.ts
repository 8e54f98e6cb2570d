import { createHash } from 'node:crypto'

/** How accounts are named in metric labels. */
export interface AccountLabelOptions {
  /**
   * `--metrics-labels`: `account` is the account id and `label` the user's label. Otherwise
   * `account` is an opaque stable name ({@link opaqueAccountName}) and `label` is empty (absent).
   */
  identify: boolean
}

/**
 * A stable account name that carries neither its id nor the user's label: the provider and six hex
 * digits of a SHA-256 of the id, e.g. `deepseek-3fa9c1`. Stable across restarts (a series keeps its
 * history) and distinct for two accounts of one provider.
 */
export function opaqueAccountName(provider: string, accountId: string): string {
  return `${provider}-${createHash('sha256').update(`coffer-metrics:${accountId}`).digest('hex').slice(0, 6)}`
}

const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+/g
// scheme://host[:port] followed by a path, query or fragment: only the origin is kept.
const URL_WITH_PATH = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#]+)[/?#]\S*/gi
// What a key looks like: a known key prefix, or a long unbroken run of letters, digits, - and _.
const KEY_LIKE = /\b(?:sk|pk|rk|xai|key|api|token)[-_][A-Za-z0-9_-]{6,}|[A-Za-z0-9_-]{24,}/gi

/**
 * The user's label as a metric label value: never a key, an email or a URL with a path (issue 15.1).
 * Labels are the user's own text and may quote any of them ("Work – jane@example.com"); each is
 * replaced by a placeholder, and a URL keeps only its origin.
 */
export function safeLabelValue(label: string): string {
  return label.replace(EMAIL, '[email]').replace(URL_WITH_PATH, '$1').replace(KEY_LIKE, '[redacted]').trim()
}
