import type { Database } from 'better-sqlite3'
import { cached, memoUntilChange } from './statements'
import type { AccountStatus } from '../../../shared/account-status'
import { balanceKinds, type BalanceKind, type FactSource } from '../../../shared/balance-kinds'
import { ownUnit } from './account-units'

/** The newest poll run of an account. */
export interface LastPoll {
  status: AccountStatus
  finishedAt: string
  errorCode: string | null
  errorMessage: string | null
  httpStatus: number | null
  retryAfterMs: number | null
  /** What a successful poll could not read (issue 13.3), or null. */
  warning: string | null
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
                http_status AS httpStatus, retry_after_ms AS retryAfterMs, warning
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
  /**
   * {@link latestBalances} with the primary balance first: the account's own unit (its provider's
   * currency, or a manual account's `unit`) before any other unit recorded on it, then by kind
   * (total before key limits before splits), then as reported.
   */
  sortedBalances(accountId: string): BalanceRow[] {
    return sortBalances(this.latestBalances(accountId), this.ownUnitOf(accountId))
  }

  /** The unit the account is kept in, when its provider or its options say (see {@link ownUnit}). */
  ownUnitOf(accountId: string): string | null {
    const row = cached(this.db, 'SELECT provider, options_json AS json FROM accounts WHERE id = ?').get(accountId) as { provider: string; json: string } | undefined
    return row ? ownUnit(row.provider, JSON.parse(row.json) as Record<string, string>) : null
  }

  latestBalances(accountId: string): readonly BalanceRow[] {
    // Cards, alert evaluation, runway and the tray each ask for the same account's figures several
    // times per call: read them once per ledger change.
    return memoUntilChange(this.db, `latestBalances:${accountId}`, () => this.readLatestBalances(accountId))
  }

  private readLatestBalances(accountId: string): BalanceRow[] {
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

/** Orders balance rows primary first: `ownUnit` first (when known), then by kind, then as given. */
export function sortBalances(rows: readonly BalanceRow[], ownUnit: string | null = null): BalanceRow[] {
  const unitRank = (row: BalanceRow): number => (ownUnit !== null && row.unit !== ownUnit ? 1 : 0)
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => unitRank(a.row) - unitRank(b.row) || balanceKinds.indexOf(a.row.kind) - balanceKinds.indexOf(b.row.kind) || a.index - b.index)
    .map(({ row }) => row)
}
