import type { Database } from 'better-sqlite3'
import type { LedgerFacts } from './facts'
import { accountNo } from './line-keys'
import { cached } from './statements'

/**
 * When an adapter says which days its answer covers completely (`facts.replaceDays`: the days of
 * the buckets OpenAI, Anthropic and xAI returned, the days Fireworks summarised), the official
 * spend and usage lines of those days are removed before the answer's lines are written: a
 * provider that re-attributes a day (a line item renamed, a model merged) leaves exactly its
 * newest figures, never old and new side by side. Lines from other sources (derived, manual,
 * local) and days the answer does not cover are left alone.
 *
 * Why remove first rather than compare afterwards: a first poll's 90-day backfill finds nothing to
 * remove (one primary-key seek a day), where reading every line just written back into JavaScript
 * to find the missing ones cost a quarter of a backfill's ingest.
 */
export function removeReplacedDays(db: Database, accountId: string, facts: LedgerFacts): void {
  const days = facts.replaceDays
  if (!days || (!days.spend?.length && !days.usage?.length)) return
  const account = accountNo(db, accountId)
  const spend = cached(db, `DELETE FROM spend_facts WHERE account_no = ? AND day = ? AND source = 'official'`)
  for (const day of new Set(days.spend)) spend.run(account, day)
  const usage = cached(db, `DELETE FROM usage_facts WHERE account_no = ? AND day = ? AND source = 'official'`)
  for (const day of new Set(days.usage)) usage.run(account, day)
}
