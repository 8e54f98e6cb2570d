import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { CofferError } from '../../../shared/errors'

/** What stops Coffer from opening or writing its ledger, outside Coffer itself. */
export type LedgerProblem = 'unusable_home' | 'damaged' | 'too_new' | 'wal_without_ledger' | 'read_only' | 'disk_full'

/**
 * An environment fault named for people: which file or folder, what is wrong, what to do. The CLI
 * prints its message (exit 2 for a ledger from a newer Coffer and an unusable `--home`, which the
 * user must change; 1 otherwise); the bridge answers it as an error with the same words.
 */
export class LedgerError extends CofferError {
  constructor(
    readonly problem: LedgerProblem,
    message: string
  ) {
    super(problem === 'too_new' || problem === 'unusable_home' ? 'conflict' : problem === 'read_only' ? 'forbidden' : 'internal', message)
    this.name = 'LedgerError'
  }
}

// SQLite's own codes only: a Node file-system code (ENOSPC, EROFS) may come from an export's
// output file, which is not the ledger.
/** "The disk is full". */
const FULL = new Set(['SQLITE_FULL'])
/** "This database cannot be written" (read-only file system, permissions, a read-only snapshot). */
const READ_ONLY = new Set(['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_CANTLOCK', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_ROLLBACK'])
/** SQLite's codes for a file that is not (or no longer) a valid database. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX'])

/**
 * Turns an error from SQLite or the file system into a {@link LedgerError} when it is an
 * environment fault (a full disk, a read-only folder, a damaged file); `null` otherwise. A failed
 * write has rolled back: the message can say that nothing was changed.
 */
export function ledgerFault(error: unknown, ledgerPath: string): LedgerError | null {
  if (error instanceof LedgerError) return error
  // better-sqlite3's SqliteError carries SQLite's extended result code as a string.
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (FULL.has(code)) {
    return new LedgerError('disk_full', `The disk that holds your ledger (${ledgerPath}) is full, so nothing was saved and the ledger is unchanged. Free some space and try again.`)
  }
  if (READ_ONLY.has(code)) {
    return new LedgerError(
      'read_only',
      `Coffer can read your ledger but not change it: ${ledgerPath} is on a read-only disk or in a folder you cannot write to. Nothing was changed. Make the folder writable (or pick another with --home) to record, poll or edit.`
    )
  }
  if (DAMAGED.has(code)) return damaged(ledgerPath)
  if (code.startsWith('SQLITE_IOERR')) {
    // A full disk often reaches SQLite as an I/O error (a WAL or shared-memory write that failed):
    // ask the file system how much room is left before calling it anything else.
    if (diskIsFull(dirname(ledgerPath))) return ledgerFault({ code: 'SQLITE_FULL' }, ledgerPath)
    return new LedgerError('damaged', `Coffer could not read or write ${ledgerPath} (${code}): the disk reported an error. Nothing was changed. Check the disk, then try again.`)
  }
  return null
}

/** Less than a megabyte left for us on the file system that holds `folder`. */
function diskIsFull(folder: string): boolean {
  try {
    const stats = statfsSync(folder)
    return stats.bavail * stats.bsize < 1_000_000
  } catch {
    return false
  }
}

/** The ledger file is not a database any more: say so, and how to get the data back. */
export function damaged(ledgerPath: string, detail = 'it is not a readable SQLite database'): LedgerError {
  return new LedgerError(
    'damaged',
    `The ledger at ${ledgerPath} is damaged: ${detail}. Coffer left it as it is. Restore the newest automatic backup with \`coffer backup restore\` (\`coffer backup list\` shows them), or move the file away to start a new ledger.`
  )
}

/**
 * Wraps every handler so that an environment fault in the middle of a call (the disk filled up, a
 * read-only snapshot refused a write, the file was damaged under Coffer) reaches the user as a
 * sentence instead of "something went wrong". The transaction that failed has rolled back.
 */
export function withLedgerFaults<H extends Record<string, (request: never) => Promise<unknown>>>(handlers: H, ledgerPath: string): H {
  const wrapped: Record<string, (request: never) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (request) => {
      try {
        return await handler(request)
      } catch (error) {
        throw ledgerFault(error, ledgerPath) ?? error
      }
    }
  }
  return wrapped as H
}
