import type { KeychainProbe, SecretSlot, SecretStore } from './secret-store'

/**
 * Keeps keys in memory only. Used by `coffer serve --demo`, whose accounts are synthetic and must
 * never touch the user's keychain; and by tests that are about something other than the keychain.
 */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>()

  async get(accountId: string, slot: SecretSlot = 'key'): Promise<string | null> {
    return this.secrets.get(`${accountId}:${slot}`) ?? null
  }

  async set(accountId: string, secret: string, slot: SecretSlot = 'key'): Promise<void> {
    this.secrets.set(`${accountId}:${slot}`, secret)
  }

  async delete(accountId: string, slot: SecretSlot = 'key'): Promise<boolean> {
    return this.secrets.delete(`${accountId}:${slot}`)
  }

  async probe(): Promise<KeychainProbe> {
    return { available: true }
  }
}
