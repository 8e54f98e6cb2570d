import { cached } from './statements'
import type { Database } from 'better-sqlite3'
import { simulateLots, type LotEvent, type LotState } from './credit-lots'
import { dayOf } from './days'
import { dailySpend } from './rollups'

interface Reading {
  at: string
  micros: number
}

/**
 * The FIFO lot state of one account in one unit, now. Credit events and daily spend come from the
 * ledger; when the provider reports the balance itself, its first and latest official readings
 * act as anchors, so the lots always add up to the figure the provider shows.
 */
export function loadLotState(db: Database, accountId: string, unit: string, now: Date): LotState {
  // A recorded credit still waiting for the balance to show it is not credit yet: as a lot it
  // would stand beside the official balance (and its expiry be announced) before the provider has it.
  const events = cached(db,
      `SELECT kind, amount_micros AS micros, occurred_at AS at, expires_at AS expiresAt, baseline_micros AS baselineMicros, source
       FROM credit_events WHERE account_id = ? AND unit = ? AND occurred_at <= ? AND (pending_until IS NULL OR matched_snapshot_id IS NOT NULL)
       ORDER BY occurred_at, id`
    )
    .all(accountId, unit, now.toISOString()) as LotEvent[]
  const reading = (order: 'ASC' | 'DESC'): Reading | undefined =>
    cached(db,
        `SELECT observed_at AS at, amount_micros AS micros FROM balance_snapshots
         WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' AND observed_at <= ?
         ORDER BY observed_at ${order}, id ${order} LIMIT 1`
      )
      .get(accountId, unit, now.toISOString()) as Reading | undefined
  const spend = dailySpend(db, accountId, unit)
  const first = reading('ASC')
  const latest = reading('DESC')
  const anchors: LotEvent[] = []
  if (first && latest) {
    const latestDaySpend = spend.find((row) => row.day === dayOf(latest.at))?.micros ?? 0
    anchors.push({ kind: 'balance', micros: first.micros, at: first.at, expiresAt: null, baselineMicros: 0, source: 'official' })
    // Spend derived or reported for the latest reading's day all happened before that reading.
    anchors.push({ kind: 'balance', micros: latest.micros, at: latest.at, expiresAt: null, baselineMicros: latestDaySpend, source: 'official' })
  }
  const all = [...events, ...anchors].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return simulateLots(all, spend, now)
}
