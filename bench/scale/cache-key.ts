import { createHash } from 'node:crypto'
import type { ScaleName } from './scale-plan'

/** What a cached bench ledger depends on: change any part and it is built again. */
export interface CacheKeyParts {
  scale: ScaleName
  /** The ledger's schema version (`PRAGMA user_version` after migrating an empty ledger). */
  schemaVersion: number
  /** {@link seedHash} of the code that seeds the ledger. */
  seedHash: string
  /**
   * The UTC day the history ends on. Why it is part of the key: the calls measure "the last 90 /
   * 30 days", so a ledger seeded yesterday would answer for a day with no lines in it.
   */
  endDay: string
}

/** Hash of the seeding code's source texts, order-independent of how they were read (sorted by name). */
export function seedHash(files: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256')
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name]}\0`)
  return hash.digest('hex').slice(0, 16)
}

/** The cache entry's file-name-safe key, e.g. `1m-v11-2026-12-05-3f2a…`. */
export function cacheKey(parts: CacheKeyParts): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts.endDay)) throw new Error(`endDay must be YYYY-MM-DD, got "${parts.endDay}"`)
  if (!/^[0-9a-f]{8,64}$/.test(parts.seedHash)) throw new Error(`seedHash must be hex, got "${parts.seedHash}"`)
  return `${parts.scale}-v${parts.schemaVersion}-${parts.endDay}-${parts.seedHash}`
}
