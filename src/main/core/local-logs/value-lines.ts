import type { Database } from 'better-sqlite3'
import { cached } from '../ledger/statements'
import { PlansRepo } from '../plans/plans-repo'
import { createDatasetPriceBook, type PriceBook } from '../plans/price-book'
import { tokenCostMicros } from '../plans/usage-valuation'

/** The pricing-dataset provider whose list prices value each local agent's usage. */
export const LOCAL_PRICE_PROVIDER: Readonly<Record<string, string>> = { 'claude-code': 'anthropic', codex: 'openai' }

/** Price books by day (prices have dates), for one batch of revaluations. */
export class DayPrices {
  private readonly books = new Map<string, PriceBook>()
  private readonly overrides

  constructor(db: Database) {
    this.overrides = new PlansRepo(db).listOverrides()
  }

  /** The book valid on `day` (noon UTC: the dataset's price changes take effect by date). */
  on(day: string): PriceBook {
    let book = this.books.get(day)
    if (!book) {
      book = createDatasetPriceBook(this.overrides, new Date(`${day}T12:00:00.000Z`))
      this.books.set(day, book)
    }
    return book
  }
}

interface UsageRow {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
}

/**
 * Rewrites the API-equivalent value of one account's usage on (`day`, `model`) from its usage line:
 * input, output, cache writes and cache reads each at their own list price on that day (the user's
 * price overrides first), as a `derived` value line. A model the price data does not know gets a
 * line without amount: "not priced", never $0. Value lines are never spend (see migration 130).
 */
export function revalue(db: Database, accountId: string, provider: string, day: string, model: string, prices: DayPrices, at: string): void {
  const usage = cached(
    db,
    `SELECT input_tokens AS input, output_tokens AS output, cached_input_tokens AS cacheRead, cache_write_tokens AS cacheWrite
       FROM usage_lines WHERE account_id = ? AND day = ? AND model = ?`
  ).get(accountId, day, model) as UsageRow | undefined
  if (!usage) {
    cached(db, 'DELETE FROM value_lines WHERE account_id = ? AND day = ? AND model = ?').run(accountId, day, model)
    return
  }
  const priceProvider = LOCAL_PRICE_PROVIDER[provider]
  const rate = priceProvider ? prices.on(day).rate(priceProvider, model) : null
  const amount = rate
    ? tokenCostMicros({ model, inputTokens: usage.input, outputTokens: usage.output, cachedInputTokens: usage.cacheRead, cacheWriteTokens: usage.cacheWrite, requests: 0 }, rate)
    : null
  cached(
    db,
    `INSERT INTO value_lines (account_id, day, model, unit, amount_micros, price_model, source, updated_at)
     VALUES (?, ?, ?, 'USD', ?, ?, 'derived', ?)
     ON CONFLICT (account_id, day, model) DO UPDATE SET
       amount_micros = excluded.amount_micros, price_model = excluded.price_model, updated_at = excluded.updated_at`
  ).run(accountId, day, model, amount, rate ? rate.modelId : null, at)
}

/** Re-values every usage line of `accountId` (after a price override changed, say). */
export function revalueAccount(db: Database, accountId: string, provider: string, at: string): void {
  const prices = new DayPrices(db)
  const lines = cached(db, 'SELECT day, model FROM usage_lines WHERE account_id = ?').all(accountId) as { day: string; model: string }[]
  db.transaction(() => {
    for (const line of lines) revalue(db, accountId, provider, line.day, line.model, prices, at)
  })()
}
