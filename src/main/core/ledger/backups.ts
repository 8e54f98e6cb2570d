import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { CofferError } from '../../../shared/errors'
import { dayOf } from './days'
import { damaged } from './ledger-errors'
import { LEDGER_FILE_NAME } from './open-ledger'

/** Daily backups kept in the data folder; older ones are deleted. */
export const BACKUPS_KEPT = 7
/** The folder, inside the data folder, that holds them. */
export const BACKUP_FOLDER = 'backups'
const NAME = /^coffer-(\d{4}-\d{2}-\d{2})\.db$/

/** One automatic backup of the ledger. */
export interface BackupFile {
  day: string
  path: string
  bytes: number
}

/** The backups in `dataDir`, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const folder = join(resolve(dataDir), BACKUP_FOLDER)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map((name) => ({ name, day: NAME.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; day: string } => entry.day !== undefined)
    .map(({ name, day }) => ({ day, path: join(folder, name), bytes: statSync(join(folder, name)).size }))
    .sort((a, b) => b.day.localeCompare(a.day))
}

/**
 * Writes today's backup through SQLite's online backup API (consistent while polls write) unless
 * one exists, owner-only, and keeps the newest {@link BACKUPS_KEPT}. Returns the new file's path,
 * or `null` when today's was already there.
 */
export async function backupIfDue(db: Database, dataDir: string, now: Date): Promise<string | null> {
  const day = dayOf(now)
  if (listBackups(dataDir)[0]?.day === day) return null
  const folder = join(resolve(dataDir), BACKUP_FOLDER)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const path = join(folder, `coffer-${day}.db`)
  const partial = `${path}.partial`
  // Into a partial file first: a backup cut short (a full disk, a crash) must never look complete.
  await db.backup(partial)
  chmodSync(partial, 0o600)
  renameSync(partial, path)
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true })
  return path
}

/**
 * Puts a backup in the ledger's place: the newest, or the one of `which` (a day or a file). The
 * ledger it replaces (with its write-ahead log) is moved aside as `coffer.db.replaced-…`, never
 * deleted. Run it while neither the app nor `coffer serve` has the ledger open.
 */
export function restoreBackup(dataDir: string, which: string | undefined, now: Date): { restored: BackupFile; movedAside: string | null } {
  const backups = listBackups(dataDir)
  const chosen = which === undefined ? backups[0] : backups.find((backup) => backup.day === which || backup.path === resolve(which))
  if (!chosen) {
    const known = backups.map((backup) => backup.day).join(', ')
    throw new CofferError('not_found', which === undefined ? `There are no backups in ${join(resolve(dataDir), BACKUP_FOLDER)} yet.` : `No backup of ${which}${known ? ` (there are: ${known})` : ''}.`)
  }
  assertReadable(chosen.path)
  const ledger = join(resolve(dataDir), LEDGER_FILE_NAME)
  let movedAside: string | null = null
  if (existsSync(ledger) || existsSync(`${ledger}-wal`)) {
    movedAside = `${ledger}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${ledger}${suffix}`)) renameSync(`${ledger}${suffix}`, `${movedAside}${suffix}`)
  }
  copyFileSync(chosen.path, ledger)
  chmodSync(ledger, 0o600)
  return { restored: chosen, movedAside }
}

/** A backup that does not pass SQLite's own check is not put in the ledger's place. */
function assertReadable(path: string): void {
  let db: Database | null = null
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
    const result = db.pragma('quick_check', { simple: true })
    if (result !== 'ok') throw damaged(path, `SQLite's check says ${String(result)}`)
  } catch (error) {
    if (error instanceof CofferError) throw error
    throw damaged(path)
  } finally {
    db?.close()
  }
}
