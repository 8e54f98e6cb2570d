import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { accountFigures } from '../../../../../src/main/core/ledger/account-figures'
import { dailySpend } from '../../../../../src/main/core/ledger/rollups'
import { overview } from '../../../../../src/main/core/ledger/overview'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { insertAccount } from '../../../../helpers/ledger-script'

const ACCOUNTS = 10
const DAYS = 730
const ITEMS = 20
const NOW = new Date('2026-11-21T12:00:00.000Z')

/** SQLite's plan for a query, one line per step. */
function plan(core: Core, sql: string, ...params: unknown[]): string {
  return (core.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n')
}

/**
 * Dashboard queries read daily rollups and indexes, never the line history: on two years × ten
 * accounts × twenty line items (146,000 spend lines) they stay fast, and their plans say why.
 */
describe('a big ledger (2 years × 10 accounts × 20 line items)', () => {
  let dir: string
  let core: Core
  beforeAll(async () => {
    dir = await makeTempDir('coffer-big-')
    core = createTestCore(dir, { now: () => NOW })
    const db = core.context.db
    const line = db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES (?, ?, ?, 'USD', ?, 'official', ?)`)
    const rollup = db.prepare(`INSERT INTO daily_rollups (account_id, day, unit, spend_micros, line_count) VALUES (?, ?, 'USD', ?, ?)`)
    db.transaction(() => {
      for (let account = 0; account < ACCOUNTS; account += 1) {
        const id = `acc_big${String(account).padStart(7, '0')}`
        insertAccount(core, id, `Big ${account}`, 'openai', '2024-11-01T00:00:00.000Z')
        db.prepare(
          `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, source, confirmed, created_at) VALUES (?, 'balance', ?, 'USD', '2024-11-21T00:00:00.000Z', 'manual', 1, '2024-11-21T00:00:00.000Z')`
        ).run(id, 1_000_000_000)
        for (let back = DAYS; back >= 0; back -= 1) {
          const day = new Date(NOW.getTime() - back * 86_400_000).toISOString().slice(0, 10)
          let total = 0
          for (let item = 0; item < ITEMS; item += 1) {
            const micros = 10_000 + ((account * 31 + back * 7 + item * 13) % 50_000)
            total += micros
            line.run(id, day, `item-${item}`, micros, NOW.toISOString())
          }
          rollup.run(id, day, total, ITEMS)
        }
      }
    })()
  }, 120_000)
  afterAll(async () => {
    core.close()
    await removeTempDir(dir)
  })

  it('has the history it claims', () => {
    expect((core.context.db.prepare('SELECT COUNT(*) AS n FROM spend_lines').get() as { n: number }).n).toBe(ACCOUNTS * (DAYS + 1) * ITEMS)
  })

  it('overview and card queries use the rollups’ primary key and day index, not a scan of spend lines', () => {
    const perAccount = plan(core, 'SELECT day, spend_micros FROM daily_rollups WHERE account_id = ? AND unit = ? AND day BETWEEN ? AND ? ORDER BY day', 'acc_big0000000', 'USD', '2026-10-01', '2026-11-21')
    expect(perAccount).toMatch(/SEARCH daily_rollups USING PRIMARY KEY \(account_id=\? AND day>\? AND day<\?\)/)
    const month = plan(core, 'SELECT unit, SUM(spend_micros) FROM daily_rollups WHERE day BETWEEN ? AND ? GROUP BY unit', '2026-11-01', '2026-11-21')
    expect(month).toMatch(/SEARCH daily_rollups USING (COVERING )?INDEX daily_rollups_by_day \(day>\? AND day<\?\)/)
    const recordsRange = plan(core, 'SELECT * FROM spend_lines t WHERE t.day >= ? AND t.day < ?', '2026-11-01', '2026-11-22')
    // The fact table's primary key (account_no, day, …), one account after another (migrations 190, 210).
    expect(recordsRange).toMatch(/SEARCH spend_facts USING PRIMARY KEY \(ANY\(account_no\) AND day>\? AND day<\?\)/)
    expect(perAccount + month + recordsRange).not.toMatch(/SCAN (spend_lines|spend_facts)\b/)
  })

  it('answers the dashboard in milliseconds', async () => {
    const timings: Record<string, number> = {}
    const time = async (name: string, run: () => unknown): Promise<void> => {
      run() // warm the statement cache
      const started = performance.now()
      for (let round = 0; round < 5; round += 1) await run()
      timings[name] = (performance.now() - started) / 5
    }
    await time('overview (30 days)', () => overview(core.context.db, NOW, 30))
    await time('accounts:list (10 cards)', () => callOk(core, 'accounts:list', {}))
    await time('one card’s figures', () => accountFigures(core.context.db, 'acc_big0000000', NOW))
    await time('records:spend last 30 days', () => callOk(core, 'records:spend', { from: '2026-10-23', to: '2026-11-21' }))
    console.log('big-ledger timings (ms):', JSON.stringify(timings))
    expect(timings['overview (30 days)']).toBeLessThan(250)
    expect(timings['accounts:list (10 cards)']).toBeLessThan(250)
    expect(timings['one card’s figures']).toBeLessThan(50)
    expect(dailySpend(core.context.db, 'acc_big0000000', 'USD', '2026-11-01', '2026-11-21')).toHaveLength(21)
  })
})
