import { afterEach, beforeEach } from 'vitest'
import type { Core, CoreDeps } from '../../../../../src/main/core/app'
import type { AccountView, PollReport } from '../../../../../src/shared/contract'
import { ProviderSimulator } from '../../../../simulator/provider-simulator'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'

/** What a provider test needs: a simulator, a core over a temp ledger, and a movable clock. */
export interface Harness {
  sim: ProviderSimulator
  core: Core
  /** The fake clock; assign to move time. */
  clock: { now: Date }
  /** Reopens the core with other deps (e.g. a short request timeout). */
  reopen(overrides?: Partial<CoreDeps>): Core
}

/** Starts a simulator and a core (fake `now`) before each test; closes both after. */
export function useProviderHarness(start = '2026-11-21T12:00:00Z'): Harness {
  const harness = { clock: { now: new Date(start) } } as Harness & { dir: string }
  beforeEach(async () => {
    harness.clock.now = new Date(start)
    harness.dir = await makeTempDir('coffer-providers-')
    harness.sim = await ProviderSimulator.start()
    harness.core = createTestCore(harness.dir, { now: () => harness.clock.now })
  })
  afterEach(async () => {
    harness.core.close()
    await harness.sim.close()
    await removeTempDir(harness.dir)
  })
  harness.reopen = (overrides = {}) => {
    harness.core.close()
    harness.core = createTestCore(harness.dir, { now: () => harness.clock.now, ...overrides })
    return harness.core
  }
  return harness
}

/** Adds an account pointing at the simulator (unless `baseUrl: null`). */
export async function addAccount(
  h: Harness,
  provider: string,
  key: string | undefined,
  options: Record<string, string> = {},
  baseUrl: string | null = h.sim.baseUrl
): Promise<AccountView> {
  return callOk(h.core, 'accounts:add', {
    draft: { provider, label: `${provider} ${Math.random().toString(36).slice(2, 7)}`, ...(baseUrl ? { baseUrl } : {}), options },
    ...(key ? { key } : {})
  })
}

/** Polls one account and returns its report and fresh view. */
export async function poll(h: Harness, id: string): Promise<{ report: PollReport; view: AccountView }> {
  const [report] = await callOk(h.core, 'accounts:poll', { ids: [id] })
  const view = (await callOk(h.core, 'accounts:list', {})).find((account) => account.id === id)
  if (!report || !view) throw new Error('poll lost the account')
  return { report, view }
}

/** [kind, unit, amount] of every current balance, primary first. */
export function figures(view: AccountView): [string, string, string][] {
  return view.balances.map((b) => [b.kind, b.unit, b.amount])
}

/** Spend lines of an account as `day item unit amountMicros`, sorted. */
export function spendRows(h: Harness, id: string): string[] {
  const rows = h.core.context.db
    .prepare('SELECT day, item, unit, amount_micros AS m FROM spend_lines WHERE account_id = ? ORDER BY day, item, unit')
    .all(id) as { day: string; item: string; unit: string; m: number }[]
  return rows.map((r) => `${r.day} ${r.item} ${r.unit} ${r.m}`)
}

/** Usage lines as `day model in/cached/write/out/requests`, sorted. */
export function usageRows(h: Harness, id: string): string[] {
  const rows = h.core.context.db
    .prepare(
      `SELECT day, model, input_tokens AS i, cached_input_tokens AS c, cache_write_tokens AS w, output_tokens AS o, requests AS r
       FROM usage_lines WHERE account_id = ? ORDER BY day, model`
    )
    .all(id) as { day: string; model: string; i: number; c: number; w: number; o: number; r: number }[]
  return rows.map((r) => `${r.day} ${r.model} ${r.i}/${r.c}/${r.w}/${r.o}/${r.r}`)
}

/** Rows of a fact table for an account. */
export function factCount(h: Harness, table: 'balance_snapshots' | 'spend_lines' | 'usage_lines' | 'credit_events', id: string): number {
  return (h.core.context.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`).get(id) as { n: number }).n
}

export { callOk, callWire }
