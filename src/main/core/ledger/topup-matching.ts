import { cached } from './statements'
import type { Database } from 'better-sqlite3'
import { signedCreditMicros } from './credit-kinds'
import { dayOf } from './days'
import type { CreditEventKind } from './facts'

/** One official `total` reading. */
export interface Snapshot {
  id: number
  at: string
  micros: number
  /** When the figure resets by itself (a quota period's end), when the reading said so. */
  resetsAt?: string | null
}

/** A credit event as the reading pairs see it. */
export interface IntervalCredit {
  kind: CreditEventKind
  micros: number
  at: string
  key: string | null
  confirmed: number
  /** Set while the event waits for a rise (see migration 0070). */
  pendingUntil: string | null
  matched: number | null
}

/** How long after a recorded credit Coffer waits for the balance to show it before asking the user. */
export const PENDING_MS = 3 * 86_400_000

/**
 * How long after it occurred a recorded credit may still be matched to a rise. Bounded so that
 * re-matching after a change only ever walks a few weeks of readings; a provider that has not
 * credited a payment in two weeks is not going to, and the user has long been asked about it.
 */
export const MATCH_WINDOW_MS = 14 * 86_400_000

/** The key of the top-up detected between a snapshot and the one before it. */
export function detectionKey(unit: string, snapshotId: number): string {
  return `balance-increase:${unit}:${snapshotId}`
}

/** The snapshot a detection key names (the inverse of {@link detectionKey}). */
export function detectionSnapshotId(key: string): number {
  return Number(key.slice(key.lastIndexOf(':') + 1))
}

/** When a credit recorded at `at` stops pending and becomes overdue. */
export function pendingUntil(at: string): string {
  return new Date(Date.parse(at) + PENDING_MS).toISOString()
}

/**
 * The credit events any pair of `chain` may count: those in its time span, and those matched to
 * one of its readings (a match may lie days after the event).
 */
export function chainCredits(db: Database, accountId: string, unit: string, chain: readonly Snapshot[]): IntervalCredit[] {
  if (chain.length < 2) return []
  return cached(db,
    `SELECT kind, amount_micros AS micros, occurred_at AS at, derivation_key AS key, confirmed, pending_until AS pendingUntil,
       matched_snapshot_id AS matched FROM credit_events
     WHERE account_id = ? AND unit = ? AND kind <> 'balance'
       AND ((occurred_at > ? AND occurred_at <= ?) OR matched_snapshot_id IN (SELECT value FROM json_each(?)))`
  ).all(accountId, unit, chain[0]?.at, chain.at(-1)?.at, JSON.stringify(chain.map((reading) => reading.id))) as IntervalCredit[]
}

/**
 * Whether `event` counts as known credit between readings `a` and `b`. A matched event counts
 * exactly at the reading whose rise it is; one still waiting for its rise counts nowhere (counting
 * it by its time is what turned a top-up the balance did not show yet into spend); every other
 * event counts by its time — except the unconfirmed detection of this very pair, which is the
 * output of explaining the pair, not an input.
 */
export function countsIn(event: IntervalCredit, a: Snapshot, b: Snapshot, unit: string): boolean {
  if (event.matched !== null) return event.matched === b.id
  if (event.pendingUntil !== null) return false
  return event.at > a.at && event.at <= b.at && !(event.key === detectionKey(unit, b.id) && event.confirmed === 0)
}

/** Known credit between `a` and `b`, signed micro-units. */
export function knownCredit(credits: readonly IntervalCredit[], a: Snapshot, b: Snapshot, unit: string): number {
  return credits.filter((event) => countsIn(event, a, b, unit)).reduce((sum, event) => sum + signedCreditMicros(event.kind, event.micros), 0)
}

interface PoolEvent {
  id: number
  kind: CreditEventKind
  micros: number
  at: string
  matched: number | null
  matchedAt: string | null
}

const readingsSql = `SELECT id, observed_at AS at, amount_micros AS micros FROM balance_snapshots
  WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official'`

/**
 * Re-matches the waiting credit events of one account and unit to the rises of its official
 * readings, for every pair (a, b) whose later reading b is at or after `since`, and returns the
 * days whose derivation changed (the days of the old and new matched readings).
 *
 * The rule, walking pairs oldest first: the pair's rise is `b − a − known credit between them`
 * (waiting events excluded). Each waiting event that occurred before b, at most
 * {@link MATCH_WINDOW_MS} earlier, is matched to b, oldest first, while what is left of the rise is
 * more than half of its amount; what it matches is subtracted from the rise. Why more than half:
 * a rise that small is more likely another credit or noise than this top-up less the spend between
 * two readings (polls are minutes apart), and matching it would turn the rest into spend; more than
 * half also means one rise never explains two top-ups of its own size.
 *
 * Idempotent and order-independent: the result is a function of the readings and events alone,
 * computed in time order. A change at `since` cannot alter a pair that ends before it (its readings,
 * events and the events still waiting there all lie before `since`), so re-walking from `since`
 * reproduces the matching a walk from the beginning would give.
 */
export function matchPendingCredits(db: Database, accountId: string, unit: string, since: string): string[] {
  const earliest = new Date(Date.parse(since) - MATCH_WINDOW_MS).toISOString()
  const pool = cached(db,
    `SELECT e.id, e.kind, e.amount_micros AS micros, e.occurred_at AS at, e.matched_snapshot_id AS matched, s.observed_at AS matchedAt
     FROM credit_events e LEFT JOIN balance_snapshots s ON s.id = e.matched_snapshot_id
     WHERE e.account_id = ? AND e.unit = ? AND e.pending_until IS NOT NULL AND e.occurred_at >= ?
       AND (e.matched_snapshot_id IS NULL OR s.observed_at >= ?)
     ORDER BY e.occurred_at, e.id`
  ).all(accountId, unit, earliest, since) as PoolEvent[]
  if (pool.length === 0) return []
  const last = pool.reduce((latest, event) => (event.at > latest ? event.at : latest), since)
  const end = new Date(Date.parse(last) + MATCH_WINDOW_MS).toISOString()
  const later = cached(db, `${readingsSql} AND observed_at >= ? AND observed_at <= ? ORDER BY observed_at, id`).all(accountId, unit, since, end) as Snapshot[]
  const before = cached(db, `${readingsSql} AND observed_at < ? ORDER BY observed_at DESC, id DESC LIMIT 1`).get(accountId, unit, since) as Snapshot | undefined
  const chain = before ? [before, ...later] : later
  // Known credit: everything but the waiting events (whose matches are being decided here).
  const known = chainCredits(db, accountId, unit, chain).filter((event) => event.pendingUntil === null)

  const matches = new Map<number, Snapshot>()
  let open = pool
  for (let index = 1; index < chain.length && open.length > 0; index += 1) {
    const a = chain[index - 1] as Snapshot
    const b = chain[index] as Snapshot
    const eligible = open.filter((event) => event.at < b.at && Date.parse(b.at) - Date.parse(event.at) <= MATCH_WINDOW_MS)
    if (eligible.length === 0) continue
    let rise = b.micros - a.micros - knownCredit(known, a, b, unit)
    for (const event of eligible) {
      const amount = signedCreditMicros(event.kind, event.micros)
      if (2 * rise <= amount) continue
      matches.set(event.id, b)
      rise -= amount
    }
    open = open.filter((event) => !matches.has(event.id))
  }

  const store = cached(db, 'UPDATE credit_events SET matched_snapshot_id = ? WHERE id = ?')
  const days = new Set<string>()
  for (const event of pool) {
    const match = matches.get(event.id) ?? null
    if ((match?.id ?? null) === event.matched) continue
    store.run(match?.id ?? null, event.id)
    if (event.matchedAt) days.add(dayOf(event.matchedAt))
    if (match) days.add(dayOf(match.at))
  }
  return [...days]
}
