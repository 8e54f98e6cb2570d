import { TOKEN_FRAGMENT_KEY } from '../../../shared/http-protocol'

/** The sessionStorage key holding the `coffer serve` token. */
export const TOKEN_STORAGE_KEY = 'coffer.token'

/** The few page facilities token handling needs; injectable so it can be tested outside a browser. */
export interface TokenEnvironment {
  /** `location.hash`, e.g. `#token=abc`. */
  hash: string
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  /** Removes the fragment from the address bar without reloading. */
  clearHash(): void
}

/**
 * Finds the session token of `coffer serve`. The CLI prints it in the URL fragment (never sent to
 * servers nor put in Referer headers); it is moved to sessionStorage and the fragment is cleared,
 * so it does not linger in the address bar, history or screenshots. A reload keeps working because
 * sessionStorage survives it.
 *
 * @returns the token, or `null` when the page was opened without one.
 */
export function takeSessionToken(env: TokenEnvironment): string | null {
  const fragment = new URLSearchParams(env.hash.replace(/^#/, ''))
  const fromHash = fragment.get(TOKEN_FRAGMENT_KEY)?.trim()
  if (fromHash) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromHash)
    env.clearHash()
    return fromHash
  }
  const stored = env.storage.getItem(TOKEN_STORAGE_KEY)?.trim()
  return stored ? stored : null
}
