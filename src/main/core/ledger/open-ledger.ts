import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { damaged, ledgerFault, LedgerError } from './ledger-errors'
import { LedgerTooNewError, migrate } from './migrate'
import { migrations } from './migrations'

/** File name of the ledger inside the data folder. */
export const LEDGER_FILE_NAME = 'coffer.db'

/**
 * Opens (creating if needed) the ledger in `dataDir`, sets its pragmas and migrates it.
 *
 * WAL lets the dashboard read while a poll writes. `synchronous = FULL` because this is a money
 * ledger: a commit must survive power loss, and one transaction per poll keeps the fsync cost
 * negligible (perf-security.md B6).
 *
 * Environment faults become a {@link LedgerError} that names the file and what to do: an unusable
 * folder, a damaged or zero-byte file (never silently replaced by a fresh ledger), a write-ahead
 * log without its ledger, a ledger from a newer Coffer. A folder Coffer cannot write to (a
 * read-only disk) opens a read-only snapshot: reading works, every write is refused with words.
 */
export function openLedger(dataDir: string, fileName = LEDGER_FILE_NAME): Database {
  const folder = ensureDataFolder(dataDir)
  const path = join(folder, fileName)
  refuseOrphans(path)
  if (!writable(folder)) return openReadOnlySnapshot(path)
  const created = !existsSync(path)
  let db: Database
  try {
    db = new BetterSqlite3(path)
  } catch (error) {
    throw ledgerFault(error, path) ?? error
  }
  try {
    // Owner-only, before the WAL and shared-memory files exist: SQLite gives them the ledger's mode.
    if (created) chmodSync(path, 0o600)
    else tighten(path)
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
    throw describeOpenError(error, path)
  }
}

/**
 * The data folder as an absolute path, created (owner-only) when missing. Refuses at once what
 * cannot work: an empty path, a file, a folder that cannot be created. Why not `mkdirSync(…,
 * { recursive: true })`: under /proc it retries forever at 100 % CPU instead of failing.
 */
export function ensureDataFolder(dataDir: string): string {
  if (dataDir.trim() === '') throw unusable('', 'no folder was given (an empty --home or COFFER_HOME)')
  const absolute = resolve(dataDir)
  const missing: string[] = []
  let existing = absolute
  while (!existsSync(existing)) {
    missing.unshift(existing)
    const parent = dirname(existing)
    if (parent === existing) break
    existing = parent
  }
  if (existsSync(existing) && !statSync(existing).isDirectory()) throw unusable(absolute, `${existing} is a file, not a folder`)
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: 0o700 })
    } catch (error) {
      throw unusable(absolute, `it cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  }
  return absolute
}

function unusable(folder: string, why: string): LedgerError {
  return new LedgerError('unusable_home', `Coffer cannot use ${folder ? `the data folder ${folder}` : 'that data folder'}: ${why}. Give --home (or COFFER_HOME) a folder you can write to.`)
}

/**
 * A zero-byte ledger, or a write-ahead log whose ledger is missing, is what a crash or a careless
 * copy leaves: opening it would start an empty ledger and lose what the log (or a backup) holds.
 */
function refuseOrphans(path: string): void {
  const wal = existsSync(`${path}-wal`)
  if (!existsSync(path)) {
    if (wal) {
      throw new LedgerError(
        'wal_without_ledger',
        `${path}-wal (Coffer's write-ahead log) is there but the ledger ${path} is missing, so Coffer did not start a new one. Put the ledger file back, or restore a backup with \`coffer backup restore\`.`
      )
    }
    return
  }
  if (statSync(path).size === 0) throw damaged(path, wal ? 'it is empty (zero bytes) next to a write-ahead log' : 'it is empty (zero bytes)')
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Owner-only permissions on a ledger an older Coffer created with the default mode (best effort). */
function tighten(path: string): void {
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  } catch {
    // Not ours to change (another owner, a read-only mount): the ledger still opens.
  }
}

function describeOpenError(error: unknown, path: string): unknown {
  return ledgerFault(error, path) ?? error
}

/**
 * A ledger in a folder Coffer cannot write to: SQLite cannot open a WAL database there (it must
 * create its shared-memory file), so a private copy is opened read-only instead. Reads work; every
 * write fails with SQLite's read-only error, which the bridge turns into a sentence.
 */
function openReadOnlySnapshot(path: string): Database {
  if (!existsSync(path)) {
    throw new LedgerError('read_only', `Coffer cannot create its ledger in ${dirname(path)}: the folder is read-only. Give --home (or COFFER_HOME) a folder you can write to.`)
  }
  const copyDir = mkdtempSync(join(tmpdir(), 'coffer-readonly-'))
  const copy = join(copyDir, LEDGER_FILE_NAME)
  const cleanUp = (): void => rmSync(copyDir, { recursive: true, force: true })
  try {
    copyFileSync(path, copy)
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`)
    // Fold the log into the copy and leave WAL mode, so the copy opens read-only with no side files.
    const folding = new BetterSqlite3(copy)
    try {
      const version = folding.pragma('user_version', { simple: true }) as number
      const latest = migrations.at(-1)?.version ?? 0
      if (version > latest) throw new LedgerTooNewError(version, latest)
      if (version < latest) {
        throw new LedgerError('read_only', `The ledger at ${path} needs an upgrade to this version of Coffer, and its folder is read-only. Make it writable once so Coffer can upgrade it.`)
      }
      folding.pragma('journal_mode = DELETE')
    } finally {
      folding.close()
    }
    const db = new BetterSqlite3(copy, { readonly: true })
    db.pragma('foreign_keys = ON')
    // The copy goes when the ledger is closed.
    const close = db.close.bind(db)
    db.close = () => {
      const result = close()
      cleanUp()
      return result
    }
    return db
  } catch (error) {
    cleanUp()
    throw describeOpenError(error, path)
  }
}
