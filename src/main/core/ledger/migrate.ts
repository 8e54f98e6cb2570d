import type { Database } from 'better-sqlite3'
import { LedgerError } from './ledger-errors'
import type { Migration } from './migrations/migration'

/** The database was written by a newer Coffer; opening it could lose data (the CLI exits 2). */
export class LedgerTooNewError extends LedgerError {
  constructor(
    readonly found: number,
    readonly supported: number
  ) {
    super(
      'too_new',
      `This ledger was written by a newer version of Coffer (schema ${found}; this version knows up to ${supported}). ` +
        'Update Coffer to open it. Nothing was changed.'
    )
    this.name = 'LedgerTooNewError'
  }
}

/**
 * Brings the schema up to date. All pending steps and the new `PRAGMA user_version` commit in one
 * transaction, so a failing step leaves the file exactly as it was.
 *
 * @returns the schema version after migrating.
 */
export function migrate(db: Database, steps: readonly Migration[]): number {
  assertAscending(steps)
  const latest = steps.at(-1)?.version ?? 0
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > latest) throw new LedgerTooNewError(current, latest)
  const pending = steps.filter((step) => step.version > current)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const step of pending) step.up(db)
    // PRAGMA cannot take a bound parameter; `latest` is an integer we control.
    db.pragma(`user_version = ${latest}`)
  })()
  return latest
}

function assertAscending(steps: readonly Migration[]): void {
  steps.reduce((previous, step) => {
    if (!Number.isInteger(step.version) || step.version <= previous) {
      throw new Error(`Migration versions must ascend: ${step.name} (${step.version}) after ${previous}`)
    }
    return step.version
  }, 0)
}
