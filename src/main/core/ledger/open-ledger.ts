import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrate } from './migrate'
import { migrations } from './migrations'

/** File name of the ledger inside the data folder. */
export const LEDGER_FILE_NAME = 'coffer.db'

/**
 * Opens (creating if needed) the ledger in `dataDir`, sets its pragmas and migrates it.
 *
 * WAL lets the dashboard read while a poll writes. `synchronous = FULL` because this is a money
 * ledger: a commit must survive power loss, and one transaction per poll keeps the fsync cost
 * negligible (perf-security.md B6).
 */
export function openLedger(dataDir: string, fileName = LEDGER_FILE_NAME): Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const db = new BetterSqlite3(join(dataDir, fileName))
  try {
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations)
    // After migrate: switching to WAL rewrites the file header, and a ledger from a newer Coffer
    // (which migrate refuses) must be left exactly as it was.
    db.pragma('journal_mode = WAL')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
