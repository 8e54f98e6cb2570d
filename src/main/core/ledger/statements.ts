import type { Database, Statement } from 'better-sqlite3'

const caches = new WeakMap<Database, Map<string, Statement>>()

/**
 * A prepared statement for `sql` on `db`, prepared once and reused. Ingest-time derivations run
 * thousands of times when a ledger is seeded or replayed; preparing each time dominated their cost.
 */
export function cached(db: Database, sql: string): Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}
