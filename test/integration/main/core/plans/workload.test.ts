import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from 'better-sqlite3'
import { openLedger } from '../../../../../src/main/core/ledger/open-ledger'
import { refreshRollups } from '../../../../../src/main/core/ledger/rollups'
import { readWorkload, sumByModel, windowDays } from '../../../../../src/main/core/plans/workload'
import { useTempDir } from '../../../../helpers/temp-dir'

const NOW = new Date('2026-11-21T23:59:00Z')

describe('readWorkload (real SQLite ledger)', () => {
  const dir = useTempDir()
  let db: Database | null = null
  afterEach(() => db?.close())

  it('reads spend per day and unit and tokens per day and model over the window, today included, day 31 excluded', () => {
    db = openLedger(dir())
    db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_aaaaaaaaaa', 'openai', 'OpenAI', '2026-01-01T00:00:00Z')`).run()
    db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_bbbbbbbbbb', 'manual', 'Idle', '2026-01-01T00:00:00Z')`).run()
    const spend = db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES ('acc_aaaaaaaaaa', ?, ?, ?, ?, 'official', 'x')`)
    spend.run('2026-11-21', 'a', 'USD', 1_000_000) // today: in
    spend.run('2026-10-23', 'a', 'USD', 2_000_000) // 29 days ago: first day of the window
    spend.run('2026-10-22', 'a', 'USD', 4_000_000) // 30 days ago: out
    spend.run('2026-11-01', 'b', 'USD', 500_000)
    spend.run('2026-11-01', 'c', 'USD', 250_000) // a second item the same day: summed into the day
    spend.run('2026-11-01', 'd', 'credits', 300_000_000)
    // What every ingest and manual change does: keep the daily rollups (spend per account, day and unit).
    refreshRollups(db, 'acc_aaaaaaaaaa', ['2026-11-21', '2026-10-23', '2026-10-22', '2026-11-01'])
    const usage = db.prepare(`INSERT INTO usage_lines (account_id, day, model, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, requests, source, updated_at) VALUES ('acc_aaaaaaaaaa', ?, 'gpt-4o', ?, 10, 5, 1, 2, 'official', 'x')`)
    usage.run('2026-11-20', 100)
    usage.run('2026-11-21', 50)
    usage.run('2026-10-01', 999)

    expect(windowDays(NOW, 30)).toEqual({ from: '2026-10-23', to: '2026-11-21' })
    const workload = readWorkload(db, NOW, 30)
    expect(workload).toMatchObject({ windowDays: 30, from: '2026-10-23', to: '2026-11-21' })
    expect(workload.accounts).toHaveLength(1) // the idle account has nothing in the window
    // Per day, because each day converts at its own rate and only days with tokens are re-priced.
    expect(workload.accounts[0]?.spend).toEqual([
      { day: '2026-10-23', unit: 'USD', micros: 2_000_000 },
      { day: '2026-11-01', unit: 'USD', micros: 750_000 },
      { day: '2026-11-01', unit: 'credits', micros: 300_000_000 },
      { day: '2026-11-21', unit: 'USD', micros: 1_000_000 }
    ])
    const line = { model: 'gpt-4o', outputTokens: 10, cachedInputTokens: 5, cacheWriteTokens: 1, requests: 2 }
    expect(workload.accounts[0]?.usage).toEqual([
      { day: '2026-11-20', inputTokens: 100, ...line },
      { day: '2026-11-21', inputTokens: 50, ...line }
    ])
    expect(sumByModel(workload.accounts[0]?.usage ?? [])).toEqual([{ model: 'gpt-4o', inputTokens: 150, outputTokens: 20, cachedInputTokens: 10, cacheWriteTokens: 2, requests: 4 }])
    expect(sumByModel(readWorkload(db, NOW, 90).accounts[0]?.usage ?? [])[0]?.inputTokens).toBe(1149)
  })
})
