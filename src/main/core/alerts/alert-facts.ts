import type { Database } from 'better-sqlite3'
import type { AccountStatus } from '../../../shared/account-status'
import { sortBalances } from '../accounts/account-view'
import { AccountStateRepo } from '../ledger/account-state-repo'
import type { AccountRecord } from '../ledger/accounts-repo'
import { loadLotState } from '../ledger/lot-input'
import { cached } from '../ledger/statements'
import type { AccountFacts, ExpiringLot } from './alert-model'
import type { BudgetWindow } from './budget-math'

/** Credit events that add credit (and so may carry an expiry, and count as a top-up). */
const CREDIT_ADDING_KINDS = ['topup', 'grant', 'renewal', 'purchase'] as const
const DAY_MS = 86_400_000
/** Days of spend behind the fallback runway estimate. */
const RUNWAY_WINDOW_DAYS = 7

/** Reads what the alert engine needs from the ledger. All queries are small and indexed. */
export class AlertFacts {
  private readonly state: AccountStateRepo

  constructor(private readonly db: Database) {
    this.state = new AccountStateRepo(db)
  }

  /** One account's facts; `runwayDays` comes from the ledger's derivations when they provide it. */
  forAccount(
    account: AccountRecord,
    autoReload: boolean,
    now: Date,
    runwayDays: number | null,
    needs: { runway: boolean; lots: boolean } = { runway: true, lots: true }
  ): AccountFacts {
    const last = this.state.lastPoll(account.id)
    const balances = sortBalances(this.state.latestBalances(account.id)).map(({ unit, kind, amountMicros }) => ({ unit, kind, amountMicros }))
    const facts: AccountFacts = {
      accountId: account.id,
      label: account.label,
      provider: account.provider,
      autoReload,
      status: (last?.status ?? 'never_polled') as AccountStatus,
      balances,
      runwayDays,
      lots: needs.lots ? this.unexpiredLots(account.id, now) : []
    }
    if (facts.runwayDays === null && needs.runway) facts.runwayDays = this.fallbackRunway(facts, now)
    return facts
  }

  /**
   * Credit lots with a future expiry and what is left on them: the ledger's first-in first-out
   * replay of credit events against spend (so a grant half used up reports its remaining half).
   */
  unexpiredLots(accountId: string, now: Date): ExpiringLot[] {
    const units = cached(this.db, `SELECT DISTINCT unit FROM credit_events WHERE account_id = ? AND expires_at IS NOT NULL AND expires_at > ?`)
      .all(accountId, now.toISOString()) as { unit: string }[]
    return units.flatMap(({ unit }) =>
      loadLotState(this.db, accountId, unit, now)
        .lots.filter((lot) => lot.remaining > 0 && lot.expiresAt !== null && Date.parse(lot.expiresAt) > now.getTime())
        .map((lot) => ({ unit, amountMicros: lot.remaining, expiresAt: lot.expiresAt as string }))
    )
  }

  /**
   * Runway when no derivation supplies one: the primary balance over the average daily spend of the
   * last seven UTC days (spend lines in the same unit). `null` without spend.
   */
  fallbackRunway(facts: AccountFacts, now: Date): number | null {
    const primary = facts.balances.find((balance) => balance.kind === 'total' || balance.kind === 'key_limit_remaining')
    if (!primary) return null
    const since = new Date(now.getTime() - (RUNWAY_WINDOW_DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
    const row = cached(this.db, `SELECT COALESCE(SUM(amount_micros), 0) AS spent FROM spend_lines WHERE account_id = ? AND unit = ? AND day >= ?`)
      .get(facts.accountId, primary.unit, since) as { spent: number }
    if (row.spent <= 0) return null
    const daily = row.spent / RUNWAY_WINDOW_DAYS
    return Math.max(0, primary.amountMicros) / daily
  }

  /** Spend in `unit` within a budget window, for one account or all of them (`null`). */
  spent(accountId: string | null, unit: string, window: BudgetWindow): number {
    const row = cached(this.db,
        `SELECT COALESCE(SUM(amount_micros), 0) AS spent FROM spend_lines
         WHERE (? IS NULL OR account_id = ?) AND unit = ? AND day >= ? AND day < ?`
      )
      .get(accountId, accountId, unit, window.start, window.end) as { spent: number }
    return row.spent
  }

  /**
   * Whether the account's credit went up by at least `minRiseMicros` after `since`: a recorded
   * top-up (or grant, renewal, purchase), or a spendable balance that rose between two consecutive
   * snapshots.
   */
  toppedUpSince(accountId: string, since: string, minRiseMicros = 1): boolean {
    const credit = cached(this.db,
        `SELECT 1 FROM credit_events WHERE account_id = ? AND created_at > ? AND amount_micros >= ?
           AND kind IN (SELECT value FROM json_each(?)) LIMIT 1`
      )
      .get(accountId, since, Math.max(1, minRiseMicros), JSON.stringify(CREDIT_ADDING_KINDS))
    if (credit) return true
    const rise = cached(this.db,
        `SELECT 1 FROM (
           SELECT observed_at, amount_micros,
                  LAG(amount_micros) OVER (PARTITION BY unit, kind ORDER BY observed_at, id) AS previous
           FROM balance_snapshots
           WHERE account_id = @id AND kind IN ('total', 'key_limit_remaining')
             AND observed_at >= COALESCE((SELECT MAX(observed_at) FROM balance_snapshots
                                          WHERE account_id = @id AND observed_at <= @since), @since)
         ) WHERE observed_at > @since AND previous IS NOT NULL AND amount_micros - previous >= @rise LIMIT 1`
      )
      .get({ id: accountId, since, rise: Math.max(1, minRiseMicros) })
    return rise !== undefined
  }

  /**
   * A balance increase seen by the newest poll that reported balances, compared with the poll
   * before it (same unit and kind): the top-up Coffer announces for auto-reload accounts.
   */
  latestRise(accountId: string): { runId: number; unit: string; deltaMicros: number; amountMicros: number } | null {
    const runs = cached(this.db,
        `SELECT DISTINCT poll_run_id AS runId FROM balance_snapshots
         WHERE account_id = ? AND source = 'official' AND poll_run_id IS NOT NULL ORDER BY poll_run_id DESC LIMIT 2`
      )
      .all(accountId) as { runId: number }[]
    const [latest, previous] = runs
    if (!latest || !previous) return null
    const read = cached(this.db,
      `SELECT unit, kind, amount_micros AS amountMicros FROM balance_snapshots
       WHERE poll_run_id = ? AND kind IN ('total', 'key_limit_remaining') ORDER BY kind = 'total' DESC, id`
    )
    const now = read.all(latest.runId) as { unit: string; kind: string; amountMicros: number }[]
    const before = read.all(previous.runId) as { unit: string; kind: string; amountMicros: number }[]
    for (const figure of now) {
      const earlier = before.find((candidate) => candidate.unit === figure.unit && candidate.kind === figure.kind)
      if (earlier && figure.amountMicros > earlier.amountMicros) {
        return { runId: latest.runId, unit: figure.unit, deltaMicros: figure.amountMicros - earlier.amountMicros, amountMicros: figure.amountMicros }
      }
    }
    return null
  }
}
