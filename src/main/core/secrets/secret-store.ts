/**
 * Every keychain slot an account can use. Removing an account deletes each of them, so a new
 * secret option (a provider field of kind `secret`, stored under its option key) must be listed here.
 */
export const secretSlots = ['key', 'managementKey'] as const

/** Which secret of an account: its main key, or a second one (e.g. an OpenRouter management key). */
export type SecretSlot = (typeof secretSlots)[number]

/**
 * Where keys live. The only implementation that ships is the OS keychain; tests use the real
 * keychain too (a private Secret Service), and `coffer serve --demo` uses an in-memory store.
 */
export interface SecretStore {
  /** Fails with {@link KeychainUnavailableError} when no keychain answers. */
  get(accountId: string, slot?: SecretSlot): Promise<string | null>
  set(accountId: string, secret: string, slot?: SecretSlot): Promise<void>
  /** @returns whether something was deleted. */
  delete(accountId: string, slot?: SecretSlot): Promise<boolean>
  /** Checks that the keychain answers, without touching any key. */
  probe(): Promise<KeychainProbe>
}

/** Whether the keychain answers; when it does not, a message saying what to do. */
export type KeychainProbe = { available: true } | { available: false; message: string }

/** What the user should do when there is no keychain to talk to. */
export const KEYCHAIN_HELP =
  'Coffer keeps API keys in the OS keychain and could not reach it. ' +
  'On Linux, install and unlock a Secret Service provider (gnome-keyring or KWallet), e.g. ' +
  '`sudo apt-get install gnome-keyring` and log in to a desktop session; on a headless machine run Coffer inside ' +
  '`dbus-run-session` with an unlocked gnome-keyring-daemon. On macOS and Windows, unlock your login keychain / Credential Manager.'

/** The keychain could not be reached; nothing was stored. */
export class KeychainUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`${KEYCHAIN_HELP} (${detail})`)
    this.name = 'KeychainUnavailableError'
  }
}

/**
 * A key as the UI may show it: a prefix up to the first dash group and the last four characters,
 * e.g. `sk-or-…abcd`. Never more than 4 characters of the secret part.
 */
export function maskKey(key: string): string {
  const trimmed = key.trim()
  const prefix = /^([a-z]{2,5}-(?:[a-z0-9]{2,5}-)?)/i.exec(trimmed)?.[1] ?? ''
  const tail = trimmed.length >= 12 ? trimmed.slice(-4) : ''
  return `${prefix}…${tail}`
}
