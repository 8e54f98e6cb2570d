import type { Database } from 'better-sqlite3'
import type { AccountStatus } from '../../../shared/account-status'
import { AccountStateRepo } from '../ledger/account-state-repo'
import type { AccountRecord } from '../ledger/accounts-repo'
import { currentLotState } from '../ledger/lot-input'
import { cached } from '../ledger/statements'
import { Valuer } from '../ledger/valuation'
import type { ApproxMoney } from '../../../shared/contract/ledger-schemas'
import type { AccountFacts, ExpiringLot } from './alert-model'
import type { BudgetWindow } from './budget-math'

/** Credit events that add credit (and so may carry an expiry, and count as a top-up). */
const CREDIT_ADDING_KINDS = ['topup', 'grant', 'renewal', 'purchase'] as const

/** Reads what the alert engine needs from the ledger. All queries are small and indexed. */
export class AlertFacts {
  private readonly state: AccountStateRepo
  private valuerCache: Valuer | undefined

  constructor(private readonly db: Database) {
    this.state = new AccountStateRepo(db)
  }

  /**
   * One account's facts. `runwayDays` is the figure the account's card shows (the ledger's pace), so an
   * alert never says a different runway than the card; unknown there, unknown here.
   */
  forAccount(
    account: AccountRecord,
    autoReload: boolean,
    now: Date,
    runwayDays: number | null,
    needs: { runway: boolean; lots: boolean } = { runway: true, lots: true }
  ): AccountFacts {
    const last = this.state.lastPoll(account.id)
    const balances = this.state.sortedBalances(account.id).map(({ unit, kind, amountMicros }) => ({ unit, kind, amountMicros }))
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
      currentLotState(this.db, accountId, unit, now)
        .lots.filter((lot) => lot.remaining > 0 && lot.expiresAt !== null && Date.parse(lot.expiresAt) > now.getTime())
        .map((lot) => ({ unit, amountMicros: lot.remaining, expiresAt: lot.expiresAt as string }))
    )
  }

  /**
   * Spend within a budget window in the limit's `unit`, for one account or all of them (`null`):
   * spend in other units converted (each day at its rate, credits at their account's value), and
   * what could not be converted listed, per account and unit, instead of silently left out.
   */
  spent(accountId: string | null, unit: string, window: BudgetWindow): ApproxMoney {
    const rows = (
      accountId === null
        ? cached(this.db, 'SELECT account_id AS accountId, day, unit, spend_micros AS micros FROM daily_rollups WHERE day >= ? AND day < ?').all(window.start, window.end)
        : cached(this.db, 'SELECT account_id AS accountId, day, unit, spend_micros AS micros FROM daily_rollups WHERE account_id = ? AND day >= ? AND day < ?').all(
            accountId,
            window.start,
            window.end
          )
    ) as { accountId: string; day: string; unit: string; micros: number }[]
    const total = this.valuer().total(unit)
    for (const row of rows) total.add(row.micros, row.unit, row.accountId, row.day)
    return total.view()
  }

  /** Rates and credit values, read once per evaluation (they cannot change inside one). */
  private valuer(): Valuer {
    this.valuerCache ??= Valuer.load(this.db)
    return this.valuerCache
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
