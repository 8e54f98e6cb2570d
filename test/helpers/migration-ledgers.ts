import type { Database } from 'better-sqlite3'
import { afterEach } from 'vitest'
import { useTempDir } from './temp-dir'

/**
 * For migration tests: a temp folder per test for the ledger file, and `track(db)` for each SQLite
 * handle a test opens, closed after the test (a handle left open keeps the file busy).
 */
export function useMigrationLedgers(): { tempDir: () => string; track: (db: Database) => Database } {
  const tempDir = useTempDir('coffer-migration-')
  const open: Database[] = []
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close()
  })
  return {
    tempDir,
    track: (db) => {
      open.push(db)
      return db
    }
  }
}
