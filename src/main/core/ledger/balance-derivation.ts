import { cached } from './statements'
import type { Database } from 'better-sqlite3'
import { addDays, dayOf, dayStart } from './days'
import { setDerivedSpend } from './line-writes'
import { chainCredits, detectionKey, knownCredit, type Snapshot } from './topup-matching'
import { findProvider } from '../../../shared/providers'

/** The line item under which spend derived from balance drops is stored. */
export const DERIVED_SPEND_ITEM = 'derived: balance decrease'

/** True when the provider itself reports spend in `unit` for this account (then nothing is derived). */
export function hasOfficialSpend(db: Database, accountId: string, unit: string): boolean {
  return (
    cached(db, `SELECT 1 FROM spend_lines WHERE account_id = ? AND unit = ? AND source = 'official' LIMIT 1`).get(accountId, unit) !==
    undefined
  )
}

/**
 * Re-derives one UTC day of a balance-only account from its official `total` snapshots in `unit`.
 * Each consecutive pair (a, b) whose later snapshot falls on `day` is explained as
 * `b = a + known credit events between them − spend` (which events count where: `countsIn` in
 * topup-matching.ts; a recorded top-up still waiting for its rise counts nowhere, one matched to
 * `b` counts here whatever its time): a positive remainder is spend, a negative
 * one is a top-up nobody told Coffer about, stored as a `derived`, unconfirmed credit event keyed
 * to `b` so that deriving the same day again updates it instead of adding another. The day's
 * derived spend line is replaced (upserted, or removed when zero), so re-ingesting the same
 * snapshots, in any order and any number of times, always leaves the same figures.
 *
 * @returns whether the day has spend now (its rollup needs refreshing either way).
 */
export function deriveBalanceDay(db: Database, accountId: string, unit: string, day: string): void {
  const from = dayStart(day)
  const to = dayStart(addDays(day, 1))
  const todays = cached(db,
      `SELECT id, observed_at AS at, amount_micros AS micros, resets_at AS resetsAt FROM balance_snapshots
       WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' AND observed_at >= ? AND observed_at < ?
       ORDER BY observed_at, id`
    )
    .all(accountId, unit, from, to) as Snapshot[]
  const before = cached(db,
      `SELECT id, observed_at AS at, amount_micros AS micros, resets_at AS resetsAt FROM balance_snapshots
       WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' AND observed_at < ?
       ORDER BY observed_at DESC, id DESC LIMIT 1`
    )
    .get(accountId, unit, from) as Snapshot | undefined
  const chain = before ? [before, ...todays] : todays
  const credits = chainCredits(db, accountId, unit, chain)
  const detected = cached(db,
    `SELECT id, confirmed FROM credit_events WHERE account_id = ? AND derivation_key = ?`
  )
  const insertDetected = cached(db,
    `INSERT INTO credit_events (account_id, kind, amount_micros, unit, occurred_at, expires_at, note, source, confirmed, created_at, derivation_key)
     VALUES (?, 'topup', ?, ?, ?, ?, 'Detected: the balance went up', 'derived', 0, ?, ?)`
  )
  const updateDetected = cached(db, 'UPDATE credit_events SET amount_micros = ?, occurred_at = ?, expires_at = ? WHERE id = ?')
  const expiresAt = lotExpiry(db, accountId)
  const removeDetected = cached(db, 'DELETE FROM credit_events WHERE id = ?')

  let spend = 0
  for (let index = 1; index < chain.length; index += 1) {
    const a = chain[index - 1] as Snapshot
    const b = chain[index] as Snapshot
    const key = detectionKey(unit, b.id)
    const known = knownCredit(credits, a, b, unit)
    const net = a.micros + known - b.micros
    // A quota that refilled between the readings (Venice's daily DIEM, ElevenLabs' characters: the
    // earlier reading said when it resets) rose by itself: neither a top-up nor measurable spend.
    const refilled = net < 0 && a.resetsAt != null && Date.parse(a.resetsAt) <= Date.parse(b.at)
    if (net >= 0) spend += net
    const existing = detected.get(accountId, key) as { id: number; confirmed: number } | undefined
    if (existing?.confirmed === 1) continue // the user confirmed or corrected it: theirs now
    if (net < 0 && !refilled) {
      if (existing) updateDetected.run(-net, b.at, expiresAt(b.at), existing.id)
      else insertDetected.run(accountId, -net, unit, b.at, expiresAt(b.at), b.at, key)
    } else if (existing) {
      removeDetected.run(existing.id)
    }
  }

  setDerivedSpend(db, { accountId, day, item: DERIVED_SPEND_ITEM, unit, micros: spend, at: chain.at(-1)?.at ?? from })
}

/**
 * When a detected top-up of this account expires: its provider's published credit lifetime after
 * it was seen (fal: purchased credits expire 365 days after purchase), or never.
 */
function lotExpiry(db: Database, accountId: string): (at: string) => string | null {
  const row = cached(db, 'SELECT provider FROM accounts WHERE id = ?').get(accountId) as { provider: string } | undefined
  const days = row ? findProvider(row.provider)?.creditLifetimeDays : undefined
  return (at) => (days ? new Date(Date.parse(at) + days * 86_400_000).toISOString() : null)
}

/**
 * The days whose derivation depends on a snapshot or credit event at `at`: its own day and the
 * day of the next official snapshot after it (an out-of-order ingest changes that pair too).
 */
export function affectedDays(db: Database, accountId: string, unit: string, at: string): string[] {
  const next = cached(db,
      `SELECT observed_at AS at FROM balance_snapshots
       WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' AND observed_at > ?
       ORDER BY observed_at, id LIMIT 1`
    )
    .get(accountId, unit, at) as { at: string } | undefined
  const days = [dayOf(at)]
  if (next && dayOf(next.at) !== days[0]) days.push(dayOf(next.at))
  return days
}

/** True when the account has official `total` balances in `unit` (then its balance is not derived). */
export function hasOfficialBalance(db: Database, accountId: string, unit: string): boolean {
  return (
    cached(db, `SELECT 1 FROM balance_snapshots WHERE account_id = ? AND unit = ? AND kind = 'total' AND source = 'official' LIMIT 1`)
      .get(accountId, unit) !== undefined
  )
}
