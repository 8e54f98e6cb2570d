import { cached } from './statements'
import type { Database } from 'better-sqlite3'
import type { FactSource } from '../../../shared/balance-kinds'
import type { AccountView } from '../../../shared/contract/schemas'
import { microsToDecimal } from '../../../shared/money'
import type { AccountRecord } from './accounts-repo'
import { AccountStateRepo } from './account-state-repo'
import { addDays, dayOf, monthStart } from './days'
import { currentLotState } from './lot-input'
import { computePace, type Pace } from './pace'
import { dailySpend } from './rollups'

/** What the ledger knows about one account's money in its primary unit. */
export interface AccountFigures {
  unit: string
  balanceMicros: number | null
  pace: Pace
  expiring: { micros: number; expiresAt: string } | null
  /** False for accounts fed only by entries (no spend reported or derived, ever). */
  hasSpend: boolean
  /** Where this month's spend comes from: `derived` as soon as any of it was computed. */
  spendSource: FactSource | null
}

/**
 * The account's primary unit: its own unit (`ownUnit`: its provider’s currency, or its `unit` option) with its balance (or a key's
 * remaining limit) when known; for accounts without an own unit (DeepSeek), that of the primary
 * balance, else of the latest spend, else of the latest credit event; `null` when the ledger has
 * nothing in any unit yet.
 */
export function primaryUnit(db: Database, state: AccountStateRepo, accountId: string): { unit: string; balanceMicros: number | null } | null {
  // A key's remaining limit stands in for the balance when that is all a key may read (OpenRouter).
  const total = state.sortedBalances(accountId).find((row) => row.kind === 'total' || row.kind === 'key_limit_remaining')
  const own = state.ownUnitOf(accountId)
  // Another unit recorded on the account (a CNY top-up on a USD account) never takes the primary place.
  if (total && (own === null || total.unit === own)) return { unit: total.unit, balanceMicros: total.amountMicros }
  if (own !== null && hasAny(db, accountId, own)) return { unit: own, balanceMicros: null }
  if (total) return { unit: total.unit, balanceMicros: total.amountMicros }
  const spent = cached(db, 'SELECT unit FROM daily_rollups WHERE account_id = ? ORDER BY day DESC LIMIT 1').get(accountId) as { unit: string } | undefined
  const credited = cached(db, 'SELECT unit FROM credit_events WHERE account_id = ? ORDER BY occurred_at DESC LIMIT 1').get(accountId) as { unit: string } | undefined
  const unit = spent?.unit ?? credited?.unit
  return unit ? { unit, balanceMicros: null } : null
}

/** Whether the ledger holds any spend or credit event of the account in `unit`. */
function hasAny(db: Database, accountId: string, unit: string): boolean {
  return (
    cached(db, 'SELECT 1 FROM daily_rollups WHERE account_id = ? AND unit = ? UNION ALL SELECT 1 FROM credit_events WHERE account_id = ? AND unit = ? LIMIT 1').get(
      accountId,
      unit,
      accountId,
      unit
    ) !== undefined
  )
}

/** The first UTC day the ledger has anything (spend, a balance, a credit event) for the account. */
export function firstDataDay(db: Database, accountId: string): string | null {
  const row = cached(db,
      `SELECT MIN(day) AS day FROM (
         SELECT MIN(day) AS day FROM daily_rollups WHERE account_id = @id
         UNION ALL SELECT substr(MIN(observed_at), 1, 10) FROM balance_snapshots WHERE account_id = @id
         UNION ALL SELECT substr(MIN(occurred_at), 1, 10) FROM credit_events WHERE account_id = @id)`
    )
    .get({ id: accountId }) as { day: string | null }
  return row.day
}

/** Balance, pace and expiring credit of one account now (reads rollups, never the line history). */
export function accountFigures(db: Database, accountId: string, now: Date, state = new AccountStateRepo(db)): AccountFigures | null {
  const primary = primaryUnit(db, state, accountId)
  if (!primary) return null
  const today = dayOf(now)
  const spend = dailySpend(db, accountId, primary.unit, addDays(today, -40), today)
  const pace = computePace(spend, firstDataDay(db, accountId), today, primary.balanceMicros)
  // Replaying credit lots walks the whole history: only worth it when some credit can still expire.
  const canExpire = cached(db, 'SELECT 1 FROM credit_events WHERE account_id = ? AND unit = ? AND expires_at > ? LIMIT 1').get(accountId, primary.unit, now.toISOString()) !== undefined
  const expiring = canExpire ? currentLotState(db, accountId, primary.unit, now).expiring : null
  const hasSpend = cached(db, 'SELECT 1 FROM daily_rollups WHERE account_id = ? LIMIT 1').get(accountId) !== undefined
  // From the fact table rather than the spend_lines view: only the source is needed, and the view
  // would look up every line's item name (a month holds over a thousand lines of a busy account).
  const sources = (
    cached(db, 'SELECT DISTINCT source FROM spend_facts WHERE account_no = (SELECT no FROM accounts WHERE id = ?) AND day >= ? AND unit = ?').all(
      accountId,
      monthStart(today),
      primary.unit
    ) as { source: FactSource }[]
  ).map((row) => row.source)
  const spendSource = sources.length === 0 ? null : sources.length === 1 ? (sources[0] as FactSource) : 'derived'
  return { unit: primary.unit, balanceMicros: primary.balanceMicros, pace, expiring, hasSpend, spendSource }
}

/** The figures as the account view carries them (decimal strings). */
export function figuresToView(figures: AccountFigures | null): Pick<AccountView, 'spend' | 'spendSource' | 'runwayDays' | 'pace' | 'expiring'> {
  if (!figures) return { spend: null, spendSource: null, runwayDays: null, pace: null, expiring: null }
  const { pace, unit } = figures
  const decimal = (micros: number | null): string | null => (micros === null ? null : microsToDecimal(micros))
  const expiring = figures.expiring ? { amount: microsToDecimal(figures.expiring.micros), unit, expiresAt: figures.expiring.expiresAt } : null
  if (!figures.hasSpend) {
    const reason = 'Coffer sees no spend for this account (nothing reported, nothing derived), so there is no pace to show.'
    return { spend: null, spendSource: null, runwayDays: null, pace: { unit, burnPerDay: null, windowDays: null, runwayDays: null, runwayDate: null, projection: null, reason }, expiring }
  }
  return {
    spend: { unit, today: microsToDecimal(pace.todayMicros), monthToDate: microsToDecimal(pace.monthToDateMicros) },
    spendSource: figures.spendSource,
    runwayDays: pace.runwayDays,
    pace: {
      unit,
      burnPerDay: decimal(pace.burnPerDayMicros),
      windowDays: pace.windowDays,
      runwayDays: pace.runwayDays,
      runwayDate: pace.runwayDate,
      projection: decimal(pace.projectionMicros),
      reason: pace.reason
    },
    expiring
  }
}

/**
 * This month's `official` value lines of an account per unit (a provider's own estimate, such as
 * Claude Code analytics' cost; migration 200), named by what they estimate. Never spend.
 */
export function providerEstimates(db: Database, accountId: string, now: Date): { what: string; unit: string; monthToDate: string }[] {
  // What a line estimates is the part of its model name before " · " ("Claude Code · claude-sonnet-4").
  const rows = cached(db,
    `SELECT CASE WHEN instr(model, ' · ') > 0 THEN substr(model, 1, instr(model, ' · ') - 1) ELSE model END AS what,
            unit, SUM(amount_micros) AS micros
     FROM value_lines
     WHERE account_id = ? AND day >= ? AND source = 'official' AND amount_micros IS NOT NULL
     GROUP BY what, unit ORDER BY what, unit`
  ).all(accountId, monthStart(dayOf(now))) as { what: string; unit: string; micros: number }[]
  return rows.map((row) => ({ what: row.what, unit: row.unit, monthToDate: microsToDecimal(row.micros) }))
}

/** The ledger's contribution to every account view (spend, runway, pace, expiring credit, provider estimates). */
export function ledgerExtras(
  db: Database,
  now: () => Date
): (account: AccountRecord) => ReturnType<typeof figuresToView> & { unconfirmedTopups: number; providerEstimates: { what: string; unit: string; monthToDate: string }[] } {
  const state = new AccountStateRepo(db)
  return (account) => ({
    ...figuresToView(accountFigures(db, account.id, now(), state)),
    providerEstimates: providerEstimates(db, account.id, now()),
    unconfirmedTopups: (cached(db, 'SELECT COUNT(*) AS n FROM credit_events WHERE account_id = ? AND (confirmed = 0 OR (matched_snapshot_id IS NULL AND pending_until <= ?))').get(account.id, now().toISOString()) as { n: number }).n
  })
}
