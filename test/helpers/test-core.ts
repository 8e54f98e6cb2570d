import type { Database } from 'better-sqlite3'
import type { CallName, Req, Res } from '../../src/shared/contract'
import type { Wire } from '../../src/shared/errors'
import { createCore, type Core, type CoreDeps } from '../../src/main/core/app'
import { dispatchCall } from '../../src/main/core/dispatch'
import { MemoryPreferencesStore } from '../../src/main/core/preferences/preferences-store'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'

/**
 * A core over a real SQLite file in `dataDir`, with in-memory keys and preferences unless the
 * caller passes others. Tests talk to it only through {@link callOk} / {@link callWire}, i.e. the
 * same validation the UI, `coffer serve` and the CLI go through.
 */
export function createTestCore(dataDir: string, overrides: Partial<CoreDeps> = {}): Core {
  return createCore({
    runtime: 'test',
    dataDir,
    secrets: new MemorySecretStore(),
    preferences: new MemoryPreferencesStore(),
    ...overrides
  })
}

/** Runs a contract call and returns its Wire envelope (success or failure). */
export async function callWire<N extends CallName>(core: Core, name: N, request: Req<N> | Record<string, unknown>): Promise<Wire<Res<N>>> {
  return (await dispatchCall(core.handlers, name, request)) as Wire<Res<N>>
}

/** Runs a contract call and returns its value; fails the test with the Wire message otherwise. */
export async function callOk<N extends CallName>(core: Core, name: N, request: Req<N> | Record<string, unknown>): Promise<Res<N>> {
  const result = await callWire(core, name, request)
  if (!result.ok) throw new Error(`${name} failed: ${result.code}: ${result.message}`)
  return result.value
}

/** Rows in a ledger table (`balance_snapshots`, `poll_runs`…). */
export function countRows(db: Database, table: string, accountId?: string): number {
  const sql = accountId === undefined ? `SELECT COUNT(*) AS n FROM ${table}` : `SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`
  const row = (accountId === undefined ? db.prepare(sql).get() : db.prepare(sql).get(accountId)) as { n: number }
  return row.n
}
