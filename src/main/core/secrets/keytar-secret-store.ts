import { createRequire } from 'node:module'
import type * as KeytarModule from 'keytar'
import {
  KeychainUnavailableError,
  type KeychainProbe,
  type SecretSlot,
  type SecretStore
} from './secret-store'

/** The keychain service name under which every Coffer key is stored. */
export const KEYCHAIN_SERVICE = 'Coffer'

type Keytar = typeof KeytarModule

/**
 * {@link SecretStore} on the OS keychain through keytar (macOS Keychain, Windows Credential
 * Manager, Secret Service on Linux). keytar is loaded lazily: a missing libsecret or native build
 * then surfaces as "keychain unavailable" instead of crashing the app at start.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Keytar | null = null

  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  async get(accountId: string, slot: SecretSlot = 'key'): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, entryName(accountId, slot)))
  }

  async set(accountId: string, secret: string, slot: SecretSlot = 'key'): Promise<void> {
    await this.call((k) => k.setPassword(this.service, entryName(accountId, slot), secret))
  }

  async delete(accountId: string, slot: SecretSlot = 'key'): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, entryName(accountId, slot)))
  }

  async probe(): Promise<KeychainProbe> {
    try {
      // Reading a name that never exists exercises the whole path (D-Bus, unlock) without side effects.
      await this.call((k) => k.getPassword(this.service, '__coffer_probe__'))
      return { available: true }
    } catch (error) {
      return { available: false, message: (error as Error).message }
    }
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar
    try {
      keytar = this.load()
    } catch (error) {
      throw new KeychainUnavailableError(`keytar could not load: ${(error as Error).message}`)
    }
    try {
      return await operation(keytar)
    } catch (error) {
      // keytar's errors carry D-Bus / Security framework text, never the secret itself.
      throw new KeychainUnavailableError((error as Error).message)
    }
  }

  private load(): Keytar {
    if (!this.keytar) {
      const require = createRequire(import.meta.url)
      this.keytar = require('keytar') as Keytar
    }
    return this.keytar
  }
}

function entryName(accountId: string, slot: SecretSlot): string {
  return slot === 'key' ? accountId : `${accountId}:${slot}`
}
