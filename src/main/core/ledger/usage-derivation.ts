import type { Database } from 'better-sqlite3'
import { addDays, dayOf, dayStart } from './days'
import { setDerivedSpend } from './line-writes'
import { cached } from './statements'

/** The line item under which spend derived from a key's cumulative usage is stored. */
export const DERIVED_USAGE_ITEM = 'derived: key usage increase'

interface Reading {
  at: string
  micros: number
}

/** True when the account reports a key's cumulative usage (`key_usage`, e.g. OpenRouter's /key) in `unit`. */
export function hasOfficialKeyUsage(db: Database, accountId: string, unit: string): boolean {
  return cached(db, `SELECT 1 FROM balance_snapshots WHERE account_id = ? AND unit = ? AND kind = 'key_usage' AND source = 'official' LIMIT 1`).get(accountId, unit) !== undefined
}

/**
 * Re-derives one UTC day of spend from a key's cumulative usage when that is all a provider shows
 * (an OpenRouter key that may not read the account's credits): spend is the sum of the increases
 * between consecutive readings whose later reading falls on `day`. A decrease (the provider reset
 * the counter) is no spend. Upserted like balance-derived spend, so repeated polls never add up.
 */
export function deriveKeyUsageDay(db: Database, accountId: string, unit: string, day: string): void {
  const todays = cached(
    db,
    `SELECT observed_at AS at, amount_micros AS micros FROM balance_snapshots
     WHERE account_id = ? AND unit = ? AND kind = 'key_usage' AND source = 'official' AND observed_at >= ? AND observed_at < ?
     ORDER BY observed_at, id`
  ).all(accountId, unit, dayStart(day), dayStart(addDays(day, 1))) as Reading[]
  const before = cached(
    db,
    `SELECT observed_at AS at, amount_micros AS micros FROM balance_snapshots
     WHERE account_id = ? AND unit = ? AND kind = 'key_usage' AND source = 'official' AND observed_at < ?
     ORDER BY observed_at DESC, id DESC LIMIT 1`
  ).get(accountId, unit, dayStart(day)) as Reading | undefined
  const chain = before ? [before, ...todays] : todays
  let spend = 0
  for (let index = 1; index < chain.length; index += 1) spend += Math.max(0, (chain[index] as Reading).micros - (chain[index - 1] as Reading).micros)
  setDerivedSpend(db, { accountId, day, item: DERIVED_USAGE_ITEM, unit, micros: spend, at: chain.at(-1)?.at ?? dayStart(day) })
}

/** The day of `at` and of the next key-usage reading after it (an out-of-order ingest changes both). */
export function keyUsageDays(db: Database, accountId: string, unit: string, at: string): string[] {
  const next = cached(
    db,
    `SELECT observed_at AS at FROM balance_snapshots WHERE account_id = ? AND unit = ? AND kind = 'key_usage' AND source = 'official' AND observed_at > ?
     ORDER BY observed_at, id LIMIT 1`
  ).get(accountId, unit, at) as { at: string } | undefined
  const days = [dayOf(at)]
  if (next && dayOf(next.at) !== days[0]) days.push(dayOf(next.at))
  return days
}
