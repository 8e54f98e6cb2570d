import { cached, memoUntilChange } from './statements'
import type { Database } from 'better-sqlite3'
import { advanceLots, checkpointLots, resumeLots, type LotCheckpoint, type LotEvent, type LotState } from './credit-lots'
import { addDays, dayOf, dayStart } from './days'
import { dailySpend, type DaySpend } from './rollups'

interface Reading {
  at: string
  micros: number
}

/** How far back a checkpoint sits: behind the days a poll re-fetches (history-window.ts), so polls rarely drop it. */
const CHECKPOINT_LAG_DAYS = 7
/** How old a checkpoint may grow before a read moves it on (what a read replays at most, give or take). */
const CHECKPOINT_MAX_AGE_DAYS = 21

/**
 * The FIFO lot state of one account in one unit, now. Credit events and daily spend come from the
 * ledger; when the provider reports the balance itself, its first and latest official readings
 * act as anchors, so the lots always add up to the figure the provider shows.
 *
 * Reads replay only the last weeks: the replay up to a checkpoint about a week back is kept in
 * `lot_checkpoints` (migration 0090, whose triggers drop it when an earlier input changes). It is
 * the same state a replay of the whole history gives (credit-lots-checkpoint.test.ts).
 */
export function loadLotState(db: Database, accountId: string, unit: string, now: Date): LotState {
  const reading = (order: 'ASC' | 'DESC'): Reading | undefined =>
    cached(db,
        `SELECT observed_at AS at, amount_micros AS micros FROM balance_snapshots
         WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' AND observed_at <= ?
         ORDER BY observed_at ${order}, id ${order} LIMIT 1`
      )
      .get(accountId, unit, now.toISOString()) as Reading | undefined
  const first = reading('ASC')
  const latest = reading('DESC')
  // The latest reading is an anchor only while it is the latest: it must come after the checkpoint.
  const target = new Date(Math.min(Date.parse(dayStart(addDays(dayOf(now), -CHECKPOINT_LAG_DAYS))), latest ? Date.parse(dayStart(dayOf(latest.at))) : Infinity))
  const saved = readCheckpoint(db, accountId, unit)
  const usable = saved !== null && Date.parse(saved.through) <= Math.min(now.getTime(), latest ? Date.parse(latest.at) : Infinity)

  if (!usable) {
    const all = inputs(db, accountId, unit, now, null, first, latest)
    const checkpoint = checkpointLots(all.events, all.spend, target)
    writeCheckpoint(db, accountId, unit, checkpoint)
    return resumeLots(checkpoint, all.events, all.spend, now)
  }
  let checkpoint = saved
  let recent = inputs(db, accountId, unit, now, checkpoint.through, first, latest)
  if (target.getTime() - Date.parse(checkpoint.through) > CHECKPOINT_MAX_AGE_DAYS * 86_400_000) {
    checkpoint = advanceLots(checkpoint, recent.events, recent.spend, target)
    writeCheckpoint(db, accountId, unit, checkpoint)
    recent = inputs(db, accountId, unit, now, checkpoint.through, first, latest)
  }
  return resumeLots(checkpoint, recent.events, recent.spend, now)
}

interface RememberedLots {
  /** The instant the state was computed for. */
  at: number
  /** The first instant at which it may differ: a lot expires, or a dated event or reading takes effect. */
  until: number
  state: LotState
}

/**
 * {@link loadLotState} for readers (cards, the overview, alert evaluation), remembered until the
 * ledger changes (`memoUntilChange`) or time reaches the next instant that could change it: a lot's
 * expiry (any lot's, even one used up: today's spend counts at `now`, so a later `now` may take it
 * after that expiry instead of before), or a credit event or official reading dated after the
 * instant it was computed for. Between those, nothing in the replay moves relative to anything
 * else, so it gives the same state at any later `now`; a dashboard that asks every few seconds
 * replays each account's lots once per change instead of every time (a fast-check property in
 * current-lot-state.test.ts holds it to the full replay). Callers must not mutate what it returns.
 */
export function currentLotState(db: Database, accountId: string, unit: string, now: Date): LotState {
  const key = JSON.stringify([accountId, unit])
  const t = now.getTime()
  const hit = remembered(db).get(key)
  if (hit && hit.at <= t && t < hit.until) return hit.state
  const state = loadLotState(db, accountId, unit, now)
  // Read the memory again: saving a checkpoint is a write (a new ledger version) that changes no answer.
  remembered(db).set(key, { at: t, until: nextChangeAt(db, accountId, unit, state, now), state })
  return state
}

function remembered(db: Database): Map<string, RememberedLots> {
  return memoUntilChange(db, 'lot-states', () => new Map<string, RememberedLots>())
}

function nextChangeAt(db: Database, accountId: string, unit: string, state: LotState, now: Date): number {
  const iso = now.toISOString()
  const times = state.lots.filter((lot) => lot.expiresAt !== null).map((lot) => Date.parse(lot.expiresAt as string))
  const event = cached(db, 'SELECT MIN(occurred_at) AS at FROM credit_events WHERE account_id = ? AND unit = ? AND occurred_at > ?').get(accountId, unit, iso) as { at: string | null }
  const reading = cached(db,
    `SELECT MIN(observed_at) AS at FROM balance_snapshots
     WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' AND observed_at > ?`
  ).get(accountId, unit, iso) as { at: string | null }
  for (const at of [event.at, reading.at]) if (at !== null) times.push(Date.parse(at))
  return Math.min(Infinity, ...times.filter((time) => time > now.getTime()))
}

/**
 * The replay's inputs up to `now`: credit events, the two anchors and daily spend — all of them, or
 * (with `through`) those a resume from that instant needs, with a day to spare.
 */
function inputs(
  db: Database,
  accountId: string,
  unit: string,
  now: Date,
  through: string | null,
  first: Reading | undefined,
  latest: Reading | undefined
): { events: LotEvent[]; spend: DaySpend[] } {
  const fromDay = through === null ? '0000-00-00' : addDays(dayOf(through), -2)
  const from = through === null ? '' : dayStart(fromDay)
  // A recorded credit still waiting for the balance to show it is not credit yet: as a lot it
  // would stand beside the official balance (and its expiry be announced) before the provider has it.
  const events = cached(db,
      `SELECT kind, amount_micros AS micros, occurred_at AS at, expires_at AS expiresAt, baseline_micros AS baselineMicros, source
       FROM credit_events WHERE account_id = ? AND unit = ? AND occurred_at >= ? AND occurred_at <= ? AND (pending_until IS NULL OR matched_snapshot_id IS NOT NULL)
       ORDER BY occurred_at, id`
    )
    .all(accountId, unit, from, now.toISOString()) as LotEvent[]
  const spend = dailySpend(db, accountId, unit, fromDay)
  const anchors: LotEvent[] = []
  if (first && latest) {
    const latestDaySpend = spend.find((row) => row.day === dayOf(latest.at))?.micros ?? 0
    anchors.push({ kind: 'balance', micros: first.micros, at: first.at, expiresAt: null, baselineMicros: 0, source: 'official' })
    // Spend derived or reported for the latest reading's day all happened before that reading.
    anchors.push({ kind: 'balance', micros: latest.micros, at: latest.at, expiresAt: null, baselineMicros: latestDaySpend, source: 'official' })
  }
  return { events: [...events, ...anchors].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)), spend }
}

function readCheckpoint(db: Database, accountId: string, unit: string): LotCheckpoint | null {
  const row = cached(db, 'SELECT state_json AS json FROM lot_checkpoints WHERE account_id = ? AND unit = ?').get(accountId, unit) as { json: string } | undefined
  return row ? (JSON.parse(row.json) as LotCheckpoint) : null
}

/**
 * Saves a checkpoint. Why a failure is ignored: reads call this, and a read-only ledger (a
 * snapshot opened while the disk is full, open-ledger.ts) must still show its figures.
 */
function writeCheckpoint(db: Database, accountId: string, unit: string, checkpoint: LotCheckpoint): void {
  try {
    cached(db, 'INSERT OR REPLACE INTO lot_checkpoints (account_id, unit, through, state_json) VALUES (?, ?, ?, ?)').run(accountId, unit, checkpoint.through, JSON.stringify(checkpoint))
  } catch {
    // Nothing lost: the next read replays the history again.
  }
}
