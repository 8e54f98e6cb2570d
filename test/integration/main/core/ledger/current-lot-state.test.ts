import fc from 'fast-check'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AccountsRepo } from '../../../../../src/main/core/ledger/accounts-repo'
import { simulateLots, type LotEvent } from '../../../../../src/main/core/ledger/credit-lots'
import { currentLotState } from '../../../../../src/main/core/ledger/lot-input'
import { openLedger } from '../../../../../src/main/core/ledger/open-ledger'
import { useTempDir } from '../../../../helpers/temp-dir'

// currentLotState remembers an account's lot state between reads until the ledger changes or the
// next instant that could change it. Whatever it remembers must be what a full replay gives now.

const DAY = 86_400_000
const START = Date.UTC(2026, 0, 1)
const iso = (time: number): string => new Date(time).toISOString()

const dir = useTempDir('coffer-lot-memo-')
let db: Database

beforeEach(() => {
  db = openLedger(dir())
  new AccountsRepo(db).insert({ id: 'acc-1', provider: 'openai', label: 'OpenAI', baseUrl: null, options: {}, pollIntervalMinutes: 15, keyHint: null, createdAt: iso(START) })
})

afterEach(() => {
  db.close()
})

interface DrawnEvent {
  kind: 'topup' | 'grant' | 'adjustment' | 'expiration'
  at: number
  micros: number
  expiresAfter: number | null
}

function record(event: DrawnEvent): void {
  db.prepare(
    `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, expires_at, source, confirmed, created_at)
     VALUES ('acc-1', ?, ?, 'USD', ?, ?, 'manual', 1, ?)`
  ).run(event.kind, event.micros, iso(START + event.at), event.expiresAfter === null ? null : iso(START + event.at + event.expiresAfter), iso(START))
}

function spendDay(day: number, micros: number): void {
  db.prepare(`INSERT OR REPLACE INTO daily_rollups (account_id, day, unit, spend_micros, line_count) VALUES ('acc-1', ?, 'USD', ?, 1)`).run(iso(START + day * DAY).slice(0, 10), micros)
}

/** The full replay of what the ledger holds, straight from the drawn inputs (no ledger read, no memory). */
function replay(events: readonly DrawnEvent[], spend: ReadonlyMap<number, number>, now: number): ReturnType<typeof simulateLots> {
  const lotEvents: LotEvent[] = events
    .map((event, order) => ({ event, order }))
    .filter(({ event }) => START + event.at <= now)
    .sort((a, b) => a.event.at - b.event.at || a.order - b.order)
    .map(({ event }) => ({
      kind: event.kind,
      micros: event.micros,
      at: iso(START + event.at),
      expiresAt: event.expiresAfter === null ? null : iso(START + event.at + event.expiresAfter),
      baselineMicros: 0,
      source: 'manual' as const
    }))
  const days = [...spend].sort(([a], [b]) => a - b).map(([day, micros]) => ({ day: iso(START + day * DAY).slice(0, 10), micros }))
  return simulateLots(lotEvents, days, new Date(now))
}

const drawnEvent = fc.record({
  kind: fc.constantFrom<DrawnEvent['kind']>('topup', 'grant', 'adjustment', 'expiration'),
  at: fc.integer({ min: 0, max: 40 * DAY }),
  micros: fc.integer({ min: 1, max: 50_000_000 }),
  expiresAfter: fc.option(fc.integer({ min: 1, max: 20 * DAY }), { nil: null })
})

describe('currentLotState', () => {
  it('answers exactly what a full replay gives at every instant, across expiries, dated events and ledger changes', () => {
    fc.assert(
      fc.property(
        fc.array(drawnEvent, { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), micros: fc.integer({ min: 0, max: 9_000_000 }) }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 45 * DAY }), { minLength: 1, maxLength: 15 }),
        fc.array(drawnEvent, { maxLength: 2 }),
        (events, spendDays, instants, later) => {
          db.exec(`DELETE FROM credit_events; DELETE FROM daily_rollups; DELETE FROM lot_checkpoints`)
          const spend = new Map<number, number>()
          for (const event of events) record(event)
          for (const { day, micros } of spendDays) {
            spend.set(day, micros)
            spendDay(day, micros)
          }
          const all = [...events]
          // Reads at increasing instants; halfway, the ledger changes (a credit recorded later).
          const sorted = [...instants].sort((a, b) => a - b)
          sorted.forEach((offset, index) => {
            if (index === Math.floor(sorted.length / 2)) {
              for (const event of later) {
                record(event)
                all.push(event)
              }
            }
            const now = START + offset
            expect(currentLotState(db, 'acc-1', 'USD', new Date(now))).toEqual(replay(all, spend, now))
          })
        }
      ),
      { numRuns: 60 }
    )
  })

  it('replays once between changes: a second read before anything can change is the same answer, not a new replay', () => {
    record({ kind: 'topup', at: 0, micros: 10_000_000, expiresAfter: 10 * DAY })
    record({ kind: 'grant', at: 20 * DAY, micros: 3_000_000, expiresAfter: null })
    spendDay(1, 1_000_000)
    const first = currentLotState(db, 'acc-1', 'USD', new Date(START + 2 * DAY))
    expect(first.expiring).toEqual({ micros: 9_000_000, expiresAt: iso(START + 10 * DAY) })
    expect(currentLotState(db, 'acc-1', 'USD', new Date(START + 9 * DAY))).toBe(first)

    // The lot expires: a new answer.
    const expired = currentLotState(db, 'acc-1', 'USD', new Date(START + 10 * DAY))
    expect(expired).not.toBe(first)
    expect(expired).toMatchObject({ balanceMicros: 0, expiring: null })
    // The dated grant takes effect at its instant, not before.
    expect(currentLotState(db, 'acc-1', 'USD', new Date(START + 20 * DAY - 1)).balanceMicros).toBe(0)
    expect(currentLotState(db, 'acc-1', 'USD', new Date(START + 20 * DAY)).balanceMicros).toBe(3_000_000)
    // Any change of the ledger is a new answer too.
    spendDay(21, 500_000)
    expect(currentLotState(db, 'acc-1', 'USD', new Date(START + 22 * DAY)).balanceMicros).toBe(2_500_000)
  })
})
