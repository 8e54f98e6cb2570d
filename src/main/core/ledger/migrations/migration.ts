import type { Database } from 'better-sqlite3'

/** One schema step. `version` values grow in tens (10, 20, …) so later steps can slot in. */
export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}
