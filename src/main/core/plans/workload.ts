import type { Database } from 'better-sqlite3'
import type { Micros } from '../../../shared/money'
import { dayOf } from '../ledger/days'
import type { UsageFact } from '../ledger/facts'

/** Tokens of one model over the window: a ledger usage line summed over its days. */
export type ModelUsage = Omit<UsageFact, 'day' | 'source'>

/** What one account used over the window. */
export interface AccountWorkload {
  accountId: string
  /** Coffer provider id (`openai`, `manual`…). */
  provider: string
  label: string
  /** Spend per unit over the window (`USD`, `CNY`, `credits`…). */
  spend: { unit: string; micros: Micros }[]
  usage: ModelUsage[]
}

/** The measured usage the comparison starts from: every account over the last `windowDays`. */
export interface Workload {
  windowDays: number
  /** First and last UTC day, inclusive. */
  from: string
  to: string
  accounts: AccountWorkload[]
}

/** The window's first and last day: the last `windowDays` days, today (UTC) included. */
export function windowDays(now: Date, days: number): { from: string; to: string } {
  const from = new Date(now.getTime() - (days - 1) * 86_400_000)
  return { from: dayOf(from), to: dayOf(now) }
}

/** Reads spend and usage lines of every account over the window from the ledger. */
export function readWorkload(db: Database, now: Date, days: number): Workload {
  const { from, to } = windowDays(now, days)
  const accounts = new Map<string, AccountWorkload>()
  const accountRows = db.prepare('SELECT id, provider, label FROM accounts ORDER BY label').all() as { id: string; provider: string; label: string }[]
  for (const row of accountRows) accounts.set(row.id, { accountId: row.id, provider: row.provider, label: row.label, spend: [], usage: [] })

  const spendRows = db
    .prepare(
      `SELECT account_id AS accountId, unit, SUM(amount_micros) AS micros FROM spend_lines
       WHERE day BETWEEN ? AND ? GROUP BY account_id, unit ORDER BY account_id, unit`
    )
    .all(from, to) as { accountId: string; unit: string; micros: number }[]
  for (const row of spendRows) accounts.get(row.accountId)?.spend.push({ unit: row.unit, micros: row.micros })

  const usageRows = db
    .prepare(
      `SELECT account_id AS accountId, model, SUM(input_tokens) AS inputTokens, SUM(output_tokens) AS outputTokens,
         SUM(cached_input_tokens) AS cachedInputTokens, SUM(cache_write_tokens) AS cacheWriteTokens, SUM(requests) AS requests
       FROM usage_lines WHERE day BETWEEN ? AND ? GROUP BY account_id, model ORDER BY account_id, model`
    )
    .all(from, to) as (ModelUsage & { accountId: string })[]
  for (const { accountId, ...usage } of usageRows) accounts.get(accountId)?.usage.push(usage)

  return {
    windowDays: days,
    from,
    to,
    accounts: [...accounts.values()].filter((account) => account.spend.length > 0 || account.usage.length > 0)
  }
}
