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

/**
 * A value that changes whenever the ledger may have: this connection's own writes
 * (`total_changes()`, which also moves on a rolled-back write) or a commit by another process
 * (`PRAGMA data_version`). One small statement: far cheaper than the reads it guards.
 */
export function ledgerVersion(db: Database): string {
  const row = cached(db, 'SELECT total_changes() AS mine, (SELECT data_version FROM pragma_data_version()) AS theirs').get() as { mine: number; theirs: number }
  return `${row.mine}:${row.theirs}`
}

const memos = new WeakMap<Database, { version: string; values: Map<string, unknown> }>()

/**
 * `compute()`'s result, kept until the ledger changes ({@link ledgerVersion}). For reads that one
 * dashboard call repeats per account many times (the latest balances behind cards, alerts, runway).
 * Callers must not mutate what it returns: it is shared until the next write.
 */
export function memoUntilChange<T>(db: Database, key: string, compute: () => T): T {
  const version = ledgerVersion(db)
  let memo = memos.get(db)
  if (!memo || memo.version !== version) {
    memo = { version, values: new Map() }
    memos.set(db, memo)
  }
  if (memo.values.has(key)) return memo.values.get(key) as T
  const value = compute()
  memo.values.set(key, value)
  return value
}
