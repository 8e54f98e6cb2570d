import type { Migration } from './migration'

/**
 * Provider facts beyond amounts: when a quota figure resets (ElevenLabs characters reset at the end
 * of the billing period). Nullable: most balances never reset by themselves.
 */
export const providersSchema: Migration = {
  version: 50,
  name: 'providers',
  up: (db) => {
    db.exec(`ALTER TABLE balance_snapshots ADD COLUMN resets_at TEXT;`)
  }
}
