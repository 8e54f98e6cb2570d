import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type * as Keytar from 'keytar'
import { describe } from 'vitest'
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store'

/**
 * Keychain tests run against a real Secret Service. `npm test` (scripts/run-tests.mjs) starts a
 * private one (dbus-run-session + an unlocked gnome-keyring-daemon in a temp XDG_DATA_HOME) and sets
 * COFFER_TEST_KEYRING=1. Run by hand without it, a probe decides; tests then use a throw-away
 * service name and delete what they wrote, so the user's own Coffer entries are never touched.
 */

/** A service name no real Coffer install uses: `Coffer-test-<random>`. */
export function testKeychainService(): string {
  return `Coffer-test-${randomBytes(6).toString('hex')}`
}

async function detect(): Promise<{ available: boolean; reason: string }> {
  if (process.env.COFFER_TEST_KEYRING === '1') return { available: true, reason: 'private test keyring' }
  const probe = await new KeytarSecretStore(testKeychainService()).probe()
  if (probe.available) return { available: true, reason: 'a Secret Service answered the probe' }
  return {
    available: false,
    reason:
      `no keychain reachable (${probe.message.split(' (').pop()?.replace(/\)$/, '') ?? probe.message}); ` +
      'run `npm test`, which starts a private gnome-keyring, or install dbus + gnome-keyring'
  }
}

const detected = await detect()

/** True when a real keychain answers: inside the test keyring, or a probe succeeded. */
export const keychainAvailable: boolean = detected.available

/** Why the keychain is (un)available, for skip messages. */
export const keychainReason: string = detected.reason

/**
 * `describe` for suites that need the real keychain. When none is reachable the suite is
 * registered as skipped with the reason in its name, and the reason is printed: never a silent skip.
 */
export function describeWithKeychain(name: string, body: () => void): void {
  if (keychainAvailable) {
    describe(name, body)
    return
  }
  console.warn(`[coffer tests] SKIPPING "${name}": ${keychainReason}`)
  describe.skip(`${name} [skipped: ${keychainReason}]`, body)
}

/** Deletes every entry under `service` (a test service from {@link testKeychainService}). */
export async function deleteKeychainService(service: string): Promise<number> {
  if (!service.startsWith('Coffer-test-')) throw new Error(`refusing to clear non-test keychain service ${service}`)
  const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar
  const entries = await keytar.findCredentials(service)
  for (const entry of entries) await keytar.deletePassword(service, entry.account)
  return entries.length
}
