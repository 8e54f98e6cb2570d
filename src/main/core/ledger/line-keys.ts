import type { Database } from 'better-sqlite3'
import { cached } from './statements'

/*
 * The integer keys of the fact tables (migration 210): an account's number and a line item's or
 * model's name id. Looked up inside the caller's transaction every time, never cached across
 * transactions: a name added by a poll that rolls back goes with it, and a cached id would then
 * point at nothing.
 */

/** The account's number in `spend_facts` and `usage_facts`. */
export function accountNo(db: Database, accountId: string): number {
  const row = cached(db, 'SELECT no FROM accounts WHERE id = ?').get(accountId) as { no: number | null } | undefined
  if (row?.no == null) throw new Error(`No account "${accountId}" in the ledger: its lines cannot be written.`)
  return row.no
}

/** The id of a line item's or model's name, added to `line_names` when new. */
export function lineNameId(db: Database, name: string): number {
  const known = cached(db, 'SELECT id FROM line_names WHERE name = ?').get(name) as { id: number } | undefined
  if (known) return known.id
  return (cached(db, 'INSERT INTO line_names (name) VALUES (?) RETURNING id').get(name) as { id: number }).id
}

/** {@link lineNameId} for each distinct name: one lookup per name, not per line. */
export function lineNameIds(db: Database, names: Iterable<string>): Map<string, number> {
  const ids = new Map<string, number>()
  for (const name of names) if (!ids.has(name)) ids.set(name, lineNameId(db, name))
  return ids
}
