import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { seedDemoLedger } from '../../../../../src/main/core/demo/seed-demo-ledger'
import { useTempDir } from '../../../../helpers/temp-dir'
import { createTestCore } from '../../../../helpers/test-core'

/** Each table's timestamp column that says when a fact happened or was seen. */
const MOMENTS = [
  ['balance_snapshots', 'observed_at'],
  ['credit_events', 'occurred_at'],
  ['poll_runs', 'finished_at']
] as const

describe('the demo ledger', () => {
  const dir = useTempDir()
  let core: Core | null = null
  afterEach(() => {
    core?.close()
    core = null
  })

  // Why: CI ran the demo at 00:25 UTC, when the seed's 00:50 reading lay in the future and outranked
  // the balance a test then recorded by hand.
  it.each(['2026-12-05T00:00:30.000Z', '2026-12-05T00:25:00.000Z', '2026-12-05T14:00:00.000Z'])('holds nothing later than the moment it is seeded (%s)', (iso) => {
    const now = new Date(iso)
    core = createTestCore(dir(), { now: () => now })
    seedDemoLedger(core.context.db, now, core.context.ingestHooks)
    for (const [table, column] of MOMENTS) {
      const latest = core.context.db.prepare(`SELECT MAX(${column}) AS at FROM ${table}`).get() as { at: string | null }
      expect(latest.at, `${table}.${column}`).not.toBeNull()
      expect(Date.parse(latest.at ?? ''), `${table}.${column}`).toBeLessThanOrEqual(now.getTime())
    }
    const today = core.context.db.prepare(`SELECT COUNT(*) AS n FROM spend_lines WHERE day = ?`).get(iso.slice(0, 10)) as { n: number }
    expect(today.n).toBeGreaterThan(0)
  })

  it('gives its polls real durations and HTTP statuses, so the Polls tab does not average "0 ms" (issue 14.7)', () => {
    const now = new Date('2026-12-05T14:00:00.000Z')
    core = createTestCore(dir(), { now: () => now })
    seedDemoLedger(core.context.db, now, core.context.ingestHooks)
    const runs = core.context.db.prepare(`SELECT MIN(duration_ms) AS least, MAX(duration_ms) AS most, AVG(duration_ms) AS mean, COUNT(*) AS n, SUM(http_status IS NULL) AS without FROM poll_runs`).get() as { least: number; most: number; mean: number; n: number; without: number }
    expect(runs.n).toBeGreaterThan(0)
    expect(runs.least).toBeGreaterThanOrEqual(200)
    expect(runs.most).toBeLessThan(2000)
    expect(runs.mean).toBeGreaterThan(300)
    expect(runs.without).toBe(0)
  })
})
