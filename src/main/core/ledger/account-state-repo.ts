import type { Database } from 'better-sqlite3'
import { cached } from './statements'
import type { AccountStatus } from '../../../shared/account-status'
import type { BalanceKind, FactSource } from '../../../shared/balance-kinds'

/** The newest poll run of an account. */
export interface LastPoll {
  status: AccountStatus
  finishedAt: string
  errorCode: string | null
  errorMessage: string | null
  httpStatus: number | null
  retryAfterMs: number | null
}

/** One row of the latest balance set. */
export interface BalanceRow {
  unit: string
  kind: BalanceKind
  amountMicros: number
  source: FactSource
  observedAt: string
  /** When the figure resets by itself (quota periods), or null. */
  resetsAt: string | null
}

/** Read-side queries behind account cards, the tray and `coffer status`. */
export class AccountStateRepo {
  constructor(private readonly db: Database) {}

  lastPoll(accountId: string): LastPoll | undefined {
    return cached(this.db,
        `SELECT status, finished_at AS finishedAt, error_code AS errorCode, error_message AS errorMessage,
                http_status AS httpStatus, retry_after_ms AS retryAfterMs
         FROM poll_runs WHERE account_id = ? ORDER BY id DESC LIMIT 1`
      )
      .get(accountId) as LastPoll | undefined
  }

  lastSuccessAt(accountId: string): string | null {
    const row = cached(this.db, `SELECT finished_at AS at FROM poll_runs WHERE account_id = ? AND status = 'ok' ORDER BY id DESC LIMIT 1`)
      .get(accountId) as { at: string } | undefined
    return row?.at ?? null
  }

  /**
   * The current balance figures: every official figure of the newest poll that reported any (so a
   * kind the provider stopped sending disappears), plus the newest derived or manual figure of each
   * (unit, kind) that no official figure covers. After a failed poll these are still the last good
   * values, which the caller marks stale.
   */
  latestBalances(accountId: string): BalanceRow[] {
    return cached(this.db,
        `WITH official AS (
           SELECT * FROM balance_snapshots
           WHERE account_id = @id AND source = 'official' AND poll_run_id = (
             SELECT MAX(poll_run_id) FROM balance_snapshots WHERE account_id = @id AND source = 'official')
         ),
         other AS (
           SELECT * FROM balance_snapshots s
           WHERE account_id = @id AND source IN ('derived', 'manual')
             AND NOT EXISTS (SELECT 1 FROM official o WHERE o.unit = s.unit AND o.kind = s.kind)
             AND id = (SELECT id FROM balance_snapshots t
                       WHERE t.account_id = s.account_id AND t.unit = s.unit AND t.kind = s.kind AND t.source IN ('derived', 'manual')
                       ORDER BY observed_at DESC, id DESC LIMIT 1)
         )
         SELECT unit, kind, amount_micros AS amountMicros, source, observed_at AS observedAt, resets_at AS resetsAt
         FROM (SELECT * FROM official UNION ALL SELECT * FROM other)
         ORDER BY id`
      )
      .all({ id: accountId }) as BalanceRow[]
  }
}
