import type { Database } from 'better-sqlite3'
import { cached } from '../ledger/statements'
import type { Micros } from '../../../shared/money'
import { dayOf } from '../ledger/days'
import type { UsageFact } from '../ledger/facts'

/** Tokens of one model: a ledger usage line (one day, or summed over several). */
export type ModelUsage = Omit<UsageFact, 'day' | 'source'>

/** One account's spend in one unit on one UTC day (its spend lines summed). */
export interface DaySpend {
  day: string
  unit: string
  micros: Micros
}

/** One account's tokens of one model on one UTC day. */
export type DayUsage = ModelUsage & { day: string }

/** What one account spent and used over the window, day by day (oldest first). */
export interface AccountWorkload {
  accountId: string
  /** Coffer provider id (`openai`, `manual`…). */
  provider: string
  label: string
  /**
   * Spend per day and unit (`USD`, `CNY`, `credits`…). Kept per day because each day converts at
   * the exchange rate in force that day, and only days with token counts can be re-priced.
   */
  spend: DaySpend[]
  /** Token counts per day and model. */
  usage: DayUsage[]
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

/** Token lines summed per model, by model name. */
export function sumByModel(lines: readonly ModelUsage[]): ModelUsage[] {
  const byModel = new Map<string, ModelUsage>()
  for (const line of lines) {
    const sum = byModel.get(line.model)
    if (!sum) {
      byModel.set(line.model, {
        model: line.model,
        inputTokens: line.inputTokens,
        outputTokens: line.outputTokens,
        cachedInputTokens: line.cachedInputTokens,
        cacheWriteTokens: line.cacheWriteTokens,
        requests: line.requests
      })
      continue
    }
    sum.inputTokens += line.inputTokens
    sum.outputTokens += line.outputTokens
    sum.cachedInputTokens += line.cachedInputTokens
    sum.cacheWriteTokens += line.cacheWriteTokens
    sum.requests += line.requests
  }
  return [...byModel.values()].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0))
}

/** Reads spend and usage lines of every account over the window from the ledger, per day. */
export function readWorkload(db: Database, now: Date, days: number): Workload {
  const { from, to } = windowDays(now, days)
  const accounts = new Map<string, AccountWorkload>()
  const accountRows = db.prepare('SELECT id, provider, label FROM accounts ORDER BY label').all() as { id: string; provider: string; label: string }[]
  for (const row of accountRows) accounts.set(row.id, { accountId: row.id, provider: row.provider, label: row.label, spend: [], usage: [] })

  // Why per account: each read is then a range of a primary key (`daily_rollups` and the usage
  // lines' `usage_facts` both lead with the account, then the day), already in day order, with no
  // sort and no lookups from a day index; a usage line is unique per (account, day, model), so
  // nothing needs summing. Within a day lines come in the order of their model's id: ordering them
  // by name as well cost a sort of every line (a third of this read); sums do not depend on it,
  // and `sumByModel` orders what is shown. Spend comes from the
  // daily rollups: the same sums as the raw lines, one row a day instead of one a line item.
  // Usage read from Claude Code / Codex logs was paid by a subscription, not measured spend: it is
  // compared in the subscriptions' value report (subscriptions/), not re-priced here.
  const spendOf = cached(db, 'SELECT day, unit, spend_micros AS micros FROM daily_rollups WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day, unit')
  const usageOf = cached(db,
    `SELECT day, model, input_tokens AS inputTokens, output_tokens AS outputTokens, cached_input_tokens AS cachedInputTokens,
       cache_write_tokens AS cacheWriteTokens, requests
     FROM usage_lines WHERE account_id = ? AND day BETWEEN ? AND ? AND source != 'local' ORDER BY day`
  )
  for (const account of accounts.values()) {
    account.spend = spendOf.all(account.accountId, from, to) as DaySpend[]
    account.usage = usageOf.all(account.accountId, from, to) as DayUsage[]
  }

  return {
    windowDays: days,
    from,
    to,
    accounts: [...accounts.values()].filter((account) => account.spend.length > 0 || account.usage.length > 0)
  }
}
