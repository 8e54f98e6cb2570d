import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AccountStateRepo } from '../../../../../src/main/core/ledger/account-state-repo'
import { AccountsRepo } from '../../../../../src/main/core/ledger/accounts-repo'
import { emptyFacts, type LedgerFacts, type PollRecord } from '../../../../../src/main/core/ledger/facts'
import { ingestPoll, RAW_BODY_MAX_CHARS, RAW_RESPONSES_KEPT } from '../../../../../src/main/core/ledger/ingest'
import { openLedger } from '../../../../../src/main/core/ledger/open-ledger'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'

let dir: string
let db: Database

beforeEach(async () => {
  dir = await makeTempDir('coffer-ingest-')
  db = openLedger(join(dir, 'data'))
  const accounts = new AccountsRepo(db)
  for (const [id, label] of [
    ['acc-1', 'DeepSeek main'],
    ['acc-2', 'OpenRouter']
  ] as const) {
    accounts.insert({
      id,
      provider: id === 'acc-1' ? 'deepseek' : 'openrouter',
      label,
      baseUrl: null,
      options: {},
      pollIntervalMinutes: 15,
      keyHint: 'sk-…abcd',
      createdAt: '2026-01-01T00:00:00.000Z'
    })
  }
})

afterEach(async () => {
  db.close()
  await removeTempDir(dir)
})

let clock = Date.parse('2026-03-01T10:00:00.000Z')

function poll(overrides: Partial<PollRecord> & { facts?: LedgerFacts | null } = {}): PollRecord {
  clock += 60_000
  return {
    accountId: 'acc-1',
    startedAt: new Date(clock).toISOString(),
    finishedAt: new Date(clock + 250).toISOString(),
    status: 'ok',
    errorCode: null,
    errorMessage: null,
    httpStatus: 200,
    retryAfterMs: null,
    facts: emptyFacts(),
    raw: [{ method: 'GET', url: 'http://127.0.0.1/user/balance', httpStatus: 200, contentType: 'application/json', body: '{}' }],
    ...overrides
  }
}

function facts(partial: Partial<LedgerFacts>): LedgerFacts {
  return { ...emptyFacts(), ...partial }
}

function count(table: string, accountId?: string): number {
  const where = accountId ? ' WHERE account_id = ?' : ''
  const row = db.prepare(`SELECT COUNT(*) AS n FROM ${table}${where}`).get(...(accountId ? [accountId] : [])) as { n: number }
  return row.n
}

const ALL_TABLES = ['poll_runs', 'raw_responses', 'balance_snapshots', 'spend_lines', 'usage_lines', 'credit_events']

describe('ingestPoll', () => {
  it('writes the run, its raw responses and every kind of fact, linked to the run', () => {
    const record = poll({
      facts: facts({
        balances: [
          { unit: 'CNY', kind: 'total', amountMicros: 110_000_000, source: 'official' },
          { unit: 'CNY', kind: 'granted', amountMicros: 10_000_000, source: 'official' }
        ],
        spend: [{ day: '2026-03-01', item: 'deepseek-chat', unit: 'CNY', amountMicros: 1_500_000, source: 'official' }],
        usage: [
          {
            day: '2026-03-01',
            model: 'deepseek-chat',
            inputTokens: 1000,
            outputTokens: 200,
            cachedInputTokens: 50,
            cacheWriteTokens: 0,
            requests: 3,
            source: 'official'
          }
        ],
        creditEvents: [
          { kind: 'topup', amountMicros: 100_000_000, unit: 'CNY', occurredAt: '2026-03-01T09:00:00Z', source: 'derived', confirmed: false },
          { kind: 'grant', amountMicros: 10_000_000, unit: 'CNY', occurredAt: '2026-02-01T00:00:00Z', source: 'official', expiresAt: '2026-04-01T00:00:00Z', note: 'bonus' }
        ]
      })
    })
    const runId = ingestPoll(db, record)

    expect(db.prepare('SELECT * FROM poll_runs WHERE id = ?').get(runId)).toMatchObject({
      account_id: 'acc-1',
      status: 'ok',
      duration_ms: 250,
      http_status: 200,
      finished_at: record.finishedAt
    })
    expect(db.prepare('SELECT poll_run_id, method, body, truncated FROM raw_responses').all()).toEqual([
      { poll_run_id: runId, method: 'GET', body: '{}', truncated: 0 }
    ])
    expect(
      db.prepare('SELECT poll_run_id, unit, kind, amount_micros, observed_at FROM balance_snapshots ORDER BY id').all()
    ).toEqual([
      { poll_run_id: runId, unit: 'CNY', kind: 'total', amount_micros: 110_000_000, observed_at: record.finishedAt },
      { poll_run_id: runId, unit: 'CNY', kind: 'granted', amount_micros: 10_000_000, observed_at: record.finishedAt }
    ])
    expect(db.prepare('SELECT day, item, amount_micros FROM spend_lines').all()).toEqual([
      { day: '2026-03-01', item: 'deepseek-chat', amount_micros: 1_500_000 }
    ])
    expect(db.prepare('SELECT input_tokens, output_tokens, cached_input_tokens, requests FROM usage_lines').all()).toEqual([
      { input_tokens: 1000, output_tokens: 200, cached_input_tokens: 50, requests: 3 }
    ])
    expect(db.prepare('SELECT kind, confirmed, expires_at, note FROM credit_events ORDER BY id').all()).toEqual([
      { kind: 'topup', confirmed: 0, expires_at: null, note: null },
      { kind: 'grant', confirmed: 1, expires_at: '2026-04-01T00:00:00Z', note: 'bonus' }
    ])

    const state = new AccountStateRepo(db)
    expect(state.lastPoll('acc-1')?.status).toBe('ok')
    expect(state.latestBalances('acc-1').map((b) => [b.kind, b.amountMicros])).toEqual([
      ['total', 110_000_000],
      ['granted', 10_000_000]
    ])
  })

  it('upserts spend and usage: the same day twice, or revised, leaves one row with the newest value', () => {
    const spend = (amountMicros: number) =>
      facts({
        spend: [
          { day: '2026-03-01', item: 'gpt-4o', unit: 'USD', amountMicros, source: 'official' },
          { day: '2026-03-02', item: 'gpt-4o', unit: 'USD', amountMicros: 5, source: 'official' }
        ],
        usage: [
          {
            day: '2026-03-01',
            model: 'gpt-4o',
            inputTokens: amountMicros,
            outputTokens: 1,
            cachedInputTokens: 0,
            cacheWriteTokens: 0,
            requests: 1,
            source: 'official'
          }
        ]
      })
    ingestPoll(db, poll({ facts: spend(1_000_000) }))
    ingestPoll(db, poll({ facts: spend(1_000_000) }))
    const revised = poll({ facts: spend(2_500_000) })
    ingestPoll(db, revised)

    expect(db.prepare('SELECT day, amount_micros, updated_at FROM spend_lines ORDER BY day').all()).toEqual([
      { day: '2026-03-01', amount_micros: 2_500_000, updated_at: revised.finishedAt },
      { day: '2026-03-02', amount_micros: 5, updated_at: revised.finishedAt }
    ])
    expect(db.prepare('SELECT day, input_tokens FROM usage_lines').all()).toEqual([{ day: '2026-03-01', input_tokens: 2_500_000 }])
    // Snapshots and runs, by contrast, are history: one per poll.
    expect(count('poll_runs')).toBe(3)
  })

  it('keeps spend lines of different units or items for the same day apart', () => {
    ingestPoll(
      db,
      poll({
        facts: facts({
          spend: [
            { day: '2026-03-01', item: 'a', unit: 'USD', amountMicros: 1, source: 'official' },
            { day: '2026-03-01', item: 'a', unit: 'CNY', amountMicros: 2, source: 'official' },
            { day: '2026-03-01', item: 'b', unit: 'USD', amountMicros: 3, source: 'official' }
          ]
        })
      })
    )
    expect(count('spend_lines')).toBe(3)
  })

  it('a failed poll writes only its run row and raw response, never facts', () => {
    const runId = ingestPoll(
      db,
      poll({
        status: 'auth_failed',
        errorCode: 'http_401',
        errorMessage: 'Key rejected',
        httpStatus: 401,
        // Even if an adapter left facts behind, a failed poll must not record them.
        facts: facts({
          balances: [{ unit: 'USD', kind: 'total', amountMicros: 1, source: 'official' }],
          spend: [{ day: '2026-03-01', item: 'x', unit: 'USD', amountMicros: 1, source: 'official' }]
        }),
        raw: [{ method: 'GET', url: 'http://127.0.0.1/key', httpStatus: 401, contentType: 'application/json', body: '{"error":{}}' }]
      })
    )
    expect(count('poll_runs')).toBe(1)
    expect(count('raw_responses')).toBe(1)
    for (const table of ['balance_snapshots', 'spend_lines', 'usage_lines', 'credit_events']) expect(count(table)).toBe(0)
    expect(db.prepare('SELECT status, error_code, http_status FROM poll_runs WHERE id = ?').get(runId)).toEqual({
      status: 'auth_failed',
      error_code: 'http_401',
      http_status: 401
    })
  })

  it('after a failed poll the last good balances are still the latest', () => {
    ingestPoll(db, poll({ facts: facts({ balances: [{ unit: 'USD', kind: 'total', amountMicros: 42, source: 'official' }] }) }))
    ingestPoll(db, poll({ status: 'unreachable', facts: null, httpStatus: null }))
    const state = new AccountStateRepo(db)
    expect(state.lastPoll('acc-1')?.status).toBe('unreachable')
    expect(state.latestBalances('acc-1').map((b) => b.amountMicros)).toEqual([42])
  })

  it(`keeps only the newest ${RAW_RESPONSES_KEPT} raw responses per account`, () => {
    ingestPoll(db, poll({ accountId: 'acc-2', raw: [{ method: 'GET', url: 'u', httpStatus: 200, contentType: null, body: 'other' }] }))
    for (let i = 0; i < RAW_RESPONSES_KEPT + 7; i++) {
      ingestPoll(db, poll({ raw: [{ method: 'GET', url: 'u', httpStatus: 200, contentType: null, body: `poll ${i}` }] }))
    }
    expect(count('raw_responses', 'acc-1')).toBe(RAW_RESPONSES_KEPT)
    const bodies = (db.prepare(`SELECT body FROM raw_responses WHERE account_id = 'acc-1' ORDER BY id`).all() as Array<{ body: string }>).map(
      (r) => r.body
    )
    expect(bodies[0]).toBe('poll 7')
    expect(bodies.at(-1)).toBe(`poll ${RAW_RESPONSES_KEPT + 6}`)
    // Pruning one account never touches another's.
    expect(count('raw_responses', 'acc-2')).toBe(1)
    // Runs are not pruned with their raw bodies.
    expect(count('poll_runs', 'acc-1')).toBe(RAW_RESPONSES_KEPT + 7)
  })

  it('prunes within one poll that brings many raw responses', () => {
    const raw = Array.from({ length: RAW_RESPONSES_KEPT + 5 }, (_, i) => ({
      method: 'GET',
      url: `u${i}`,
      httpStatus: 200,
      contentType: null,
      body: `page ${i}`
    }))
    ingestPoll(db, poll({ raw }))
    expect(count('raw_responses')).toBe(RAW_RESPONSES_KEPT)
  })

  it('cuts raw bodies longer than RAW_BODY_MAX_CHARS and flags them', () => {
    const huge = '<html>' + 'x'.repeat(RAW_BODY_MAX_CHARS * 2)
    ingestPoll(db, poll({ raw: [{ method: 'GET', url: 'u', httpStatus: 200, contentType: 'text/html', body: huge }] }))
    const row = db.prepare('SELECT length(body) AS length, truncated FROM raw_responses').get()
    expect(row).toEqual({ length: RAW_BODY_MAX_CHARS, truncated: 1 })
  })

  it('runs hooks inside the transaction, after the facts are written', () => {
    const seen: number[] = []
    ingestPoll(db, poll({ facts: facts({ balances: [{ unit: 'USD', kind: 'total', amountMicros: 7, source: 'official' }] }) }), [
      (hookDb, record) => {
        expect(hookDb.inTransaction).toBe(true)
        const row = hookDb.prepare('SELECT amount_micros FROM balance_snapshots WHERE account_id = ?').get(record.accountId) as {
          amount_micros: number
        }
        seen.push(row.amount_micros)
      }
    ])
    expect(seen).toEqual([7])
  })

  it('a hook that throws rolls the whole poll back: nothing is written', () => {
    ingestPoll(db, poll({ facts: facts({ spend: [{ day: '2026-03-01', item: 'm', unit: 'USD', amountMicros: 1, source: 'official' }] }) }))
    const before = Object.fromEntries(ALL_TABLES.map((t) => [t, count(t)]))
    const spendBefore = db.prepare('SELECT * FROM spend_lines').all()

    const hookRan: string[] = []
    expect(() =>
      ingestPoll(
        db,
        poll({
          facts: facts({
            balances: [{ unit: 'USD', kind: 'total', amountMicros: 9, source: 'official' }],
            spend: [{ day: '2026-03-01', item: 'm', unit: 'USD', amountMicros: 999, source: 'official' }],
            creditEvents: [{ kind: 'topup', amountMicros: 5, unit: 'USD', occurredAt: '2026-03-01T00:00:00Z', source: 'official' }]
          })
        }),
        [
          () => {
            hookRan.push('first')
          },
          () => {
            throw new Error('derivation failed')
          }
        ]
      )
    ).toThrow('derivation failed')

    expect(hookRan).toEqual(['first'])
    expect(db.inTransaction).toBe(false)
    expect(Object.fromEntries(ALL_TABLES.map((t) => [t, count(t)]))).toEqual(before)
    expect(db.prepare('SELECT * FROM spend_lines').all()).toEqual(spendBefore)
  })

  it('refuses a poll for an unknown account and writes nothing', () => {
    expect(() => ingestPoll(db, poll({ accountId: 'ghost' }))).toThrow(/FOREIGN KEY/)
    for (const table of ALL_TABLES) expect(count(table)).toBe(0)
  })

  it('survives closing and reopening: committed polls are on disk', () => {
    ingestPoll(db, poll({ facts: facts({ balances: [{ unit: 'CNY', kind: 'total', amountMicros: 3, source: 'official' }] }) }))
    db.close()
    db = openLedger(join(dir, 'data'))
    expect(count('balance_snapshots')).toBe(1)
    expect(count('poll_runs')).toBe(1)
  })
})
