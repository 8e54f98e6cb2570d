import type { Database } from 'better-sqlite3'
import { affectedDays, deriveBalanceDay, DERIVED_SPEND_ITEM, hasOfficialBalance, hasOfficialSpend } from './balance-derivation'
import { refreshDerivedBalances } from './derived-balance'
import type { SpendFact } from './facts'
import type { IngestHook } from './ingest'
import { accountNo } from './line-keys'
import { refreshRollups } from './rollups'
import { matchPendingCredits } from './topup-matching'
import { cached } from './statements'
import { deriveKeyUsageDay, DERIVED_USAGE_ITEM, hasOfficialKeyUsage, keyUsageDays } from './usage-derivation'

/**
 * Re-derives what depends on facts at `at` for one account: spend and detected top-ups of
 * balance-only units (the days around `at`), the daily rollups of those days and `extraDays`, and
 * derived balances. Called inside the ingest transaction, and by credit-event changes.
 */
export function rederive(db: Database, accountId: string, options: { at: string[]; units: string[]; extraDays: Iterable<string>; now: Date; writtenAt: string }): void {
  const days = new Set(options.extraDays)
  for (const unit of new Set(options.units)) {
    if (hasOfficialSpend(db, accountId, unit)) continue
    if (!hasOfficialBalance(db, accountId, unit)) {
      // No balance, but a key's cumulative usage (OpenRouter without credits access): its rises are spend.
      if (!hasOfficialKeyUsage(db, accountId, unit)) continue
      for (const day of [...new Set(options.at.flatMap((at) => keyUsageDays(db, accountId, unit, at)))].sort()) {
        deriveKeyUsageDay(db, accountId, unit, day)
        days.add(day)
      }
      continue
    }
    // Matching first: which pair a recorded top-up counts in decides the days' figures, and a
    // changed match changes days far from `at` (the event's and the rise's days).
    const since = [...options.at].sort()[0]
    const rematched = since === undefined ? [] : matchPendingCredits(db, accountId, unit, since)
    const touched = new Set([...options.at.flatMap((at) => affectedDays(db, accountId, unit, at)), ...rematched])
    for (const day of [...touched].sort()) {
      deriveBalanceDay(db, accountId, unit, day)
      days.add(day)
    }
  }
  refreshRollups(db, accountId, days)
  refreshDerivedBalances(db, accountId, options.writtenAt, options.now)
}

/**
 * The ledger's ingest hook: after a successful poll's facts are written (same transaction), derive
 * spend and top-ups from balance moves, refresh the daily rollups of every day the poll touched,
 * and rewrite derived balances. Failed polls change nothing.
 */
export const ledgerIngestHook: IngestHook = (db, record) => {
  if (record.status !== 'ok' || !record.facts) return
  const facts = record.facts
  dropDerivedWhereReported(db, record.accountId, facts.spend)
  rederive(db, record.accountId, {
    at: [record.finishedAt, ...facts.creditEvents.map((event) => event.occurredAt)],
    units: [
      ...facts.balances.filter((b) => (b.kind === 'total' || b.kind === 'key_usage') && b.source === 'official').map((b) => b.unit),
      ...facts.creditEvents.map((e) => e.unit)
    ],
    // The days of the answer's lines, and the days it replaced (ledger/replace-days.ts), which may
    // have lost every line.
    extraDays: [...facts.spend.map((line) => line.day), ...(facts.replaceDays?.spend ?? [])],
    now: new Date(record.finishedAt),
    writtenAt: record.finishedAt
  })
}

/**
 * Once a provider reports spend for a day itself (OpenRouter after a management key is added),
 * what Coffer derived from balance drops or key usage for that day and unit would count twice: the
 * report wins. Point deletes by primary key, once per (day, unit) reported rather than per line (a
 * backfill holds forty line items a day), and none at all in a ledger that never derived spend.
 */
function dropDerivedWhereReported(db: Database, accountId: string, spend: readonly SpendFact[]): void {
  const derivedItems = (cached(db, 'SELECT id FROM line_names WHERE name IN (?, ?)').all(DERIVED_SPEND_ITEM, DERIVED_USAGE_ITEM) as { id: number }[]).map((row) => row.id)
  if (derivedItems.length === 0) return
  const reported = new Map<string, { day: string; unit: string }>()
  for (const line of spend) if (line.source === 'official') reported.set(`${line.day}\u0000${line.unit}`, line)
  if (reported.size === 0) return
  const account = accountNo(db, accountId)
  const drop = cached(db, `DELETE FROM spend_facts WHERE account_no = ? AND day = ? AND item_id = ? AND unit = ? AND source = 'derived'`)
  for (const { day, unit } of reported.values()) for (const item of derivedItems) drop.run(account, day, item, unit)
}
