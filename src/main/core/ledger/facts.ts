import type { AccountStatus } from '../../../shared/account-status'
import type { BalanceKind, FactSource } from '../../../shared/balance-kinds'
import type { Micros, Unit } from '../../../shared/money'

/** A balance figure at one moment, e.g. DeepSeek's granted CNY balance. */
export interface BalanceFact {
  unit: Unit
  kind: BalanceKind
  amountMicros: Micros
  source: FactSource
  /** When this figure resets by itself (a quota period's end, ISO time); absent for ordinary balances. */
  resetsAt?: string | null
}

/** Money spent on one UTC day for one line item or model. Re-ingesting a day replaces it. */
export interface SpendFact {
  /** `YYYY-MM-DD`, UTC. */
  day: string
  item: string
  unit: Unit
  amountMicros: Micros
  source: FactSource
}

/** Tokens and requests on one UTC day for one model. Re-ingesting a day replaces it. */
export interface UsageFact {
  day: string
  model: string
  inputTokens: number
  outputTokens: number
  /** Input tokens served from cache (already excluded from `inputTokens`). */
  cachedInputTokens: number
  cacheWriteTokens: number
  requests: number
  source: FactSource
}

export const creditEventKinds = [
  'topup',
  'grant',
  'renewal',
  'reset',
  'purchase',
  'adjustment',
  'refund',
  'expiration',
  'balance'
] as const
export type CreditEventKind = (typeof creditEventKinds)[number]

/** Credit added or removed: a top-up, a grant, an expiry… (`balance` = a user's anchor entry). */
export interface CreditEventFact {
  kind: CreditEventKind
  amountMicros: Micros
  unit: Unit
  occurredAt: string
  expiresAt?: string | null
  note?: string | null
  source: FactSource
  /** Derived events (a detected top-up) wait for the user to confirm them. */
  confirmed?: boolean
}

/** Everything one successful poll learned. */
export interface LedgerFacts {
  balances: BalanceFact[]
  spend: SpendFact[]
  usage: UsageFact[]
  creditEvents: CreditEventFact[]
  /**
   * UTC days (`YYYY-MM-DD`) this answer covers completely, per kind of line (the days of the
   * buckets a provider returned): official lines of these days that it does not contain are
   * removed (see ledger/replace-days.ts). Days not listed are left alone.
   */
  replaceDays?: { spend?: readonly string[]; usage?: readonly string[] }
  /**
   * What this otherwise good answer could not tell (a secondary endpoint that failed, an API the
   * provider has blocked): one sentence each, for the poll run's warning. The poll still succeeds.
   */
  warnings?: string[]
  /**
   * What the provider estimates some usage cost, per day and model (Claude Code analytics'
   * `estimated_cost`): stored as `official` value lines, never spend. A day listed here replaces
   * that day's official value lines.
   */
  values?: ValueFact[]
}

/** A provider's own estimate of what one day's usage of a model cost: a value line, never spend. */
export interface ValueFact {
  day: string
  model: string
  unit: Unit
  amountMicros: Micros
}

/** What a provider actually said, kept for the account's "raw responses" view. Never holds a key. */
export interface RawCapture {
  method: string
  url: string
  httpStatus: number | null
  contentType: string | null
  body: string
}

/** One finished poll, successful or not, ready for {@link ingestPoll}. */
export interface PollRecord {
  accountId: string
  startedAt: string
  finishedAt: string
  status: AccountStatus
  errorCode: string | null
  errorMessage: string | null
  httpStatus: number | null
  retryAfterMs: number | null
  /** A successful poll's {@link LedgerFacts.warnings}, joined into one sentence; `null` when clean. */
  warning?: string | null
  /** Present only when `status` is `ok`: a failed poll writes nothing but its run row. */
  facts: LedgerFacts | null
  raw: RawCapture[]
}

/** An empty fact set, for adapters to fill. */
export function emptyFacts(): LedgerFacts {
  return { balances: [], spend: [], usage: [], creditEvents: [] }
}
