import { z } from 'zod'

/** The ledger sizes `npm run bench -- --scale …` builds (spend + usage lines). */
export const scaleNames = ['10k', '100k', '1m'] as const
export type ScaleName = (typeof scaleNames)[number]
export const scaleSchema = z.enum(scaleNames)

const targetLines: Record<ScaleName, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }

/** Accounts whose provider reports spend and usage (admin APIs): OpenAI and Anthropic shapes. */
export const SPEND_ACCOUNTS = 14
/** Accounts that only report a balance (DeepSeek, OpenRouter shapes): Coffer derives their spend. */
export const BALANCE_ACCOUNTS = 6
/** Spend line items per spend account and day (OpenAI's costs endpoint: one per line item). */
export const SPEND_ITEMS_PER_DAY = 40
/** Usage rows per spend account and day (OpenAI's usage endpoint: one per model). */
export const USAGE_MODELS_PER_DAY = 25
/**
 * Days a backfill poll of a spend account covers (one ingest transaction per poll): what the
 * OpenAI, Anthropic and xAI adapters fetch on an account's first poll.
 */
export { BACKFILL_DAYS } from '../../src/main/core/providers/history-window'

/** What one scale's ledger holds. */
export interface ScalePlan {
  scale: ScaleName
  accounts: number
  spendAccounts: number
  balanceAccounts: number
  days: number
  spendItemsPerDay: number
  usageModelsPerDay: number
  /** Spend + usage lines the plan produces (official lines, plus one derived spend line a day per balance account). */
  expectedLines: number
}

/**
 * The same 20-account shape at every scale (the measurement: 20 accounts, about 916 lines a
 * day), with history as long as the target needs: 11 days at 10k, 110 at 100k, 1,095 (three years)
 * at 1m. Why scale days rather than lines per day: what must not grow is the cost of history, so the
 * 10k ledger is the same user earlier in time.
 */
export function scalePlan(scale: ScaleName): ScalePlan {
  const perDay = SPEND_ACCOUNTS * (SPEND_ITEMS_PER_DAY + USAGE_MODELS_PER_DAY) + BALANCE_ACCOUNTS
  const days = Math.max(7, Math.round(targetLines[scale] / perDay))
  return {
    scale,
    accounts: SPEND_ACCOUNTS + BALANCE_ACCOUNTS,
    spendAccounts: SPEND_ACCOUNTS,
    balanceAccounts: BALANCE_ACCOUNTS,
    days,
    spendItemsPerDay: SPEND_ITEMS_PER_DAY,
    usageModelsPerDay: USAGE_MODELS_PER_DAY,
    expectedLines: days * perDay
  }
}
