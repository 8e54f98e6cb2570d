import type { Database } from 'better-sqlite3'
import type { Overview } from '../../../shared/contract/ledger-schemas'
import type { FactSource } from '../../../shared/balance-kinds'
import { isCurrency, microsToDecimal } from '../../../shared/money'
import { accountFigures, primaryUnit } from './account-figures'
import { AccountStateRepo } from './account-state-repo'
import { addDays, dayOf, monthStart } from './days'
import { Valuer } from './valuation'

/**
 * The overview's totals in the home currency: every account's primary balance (at the newest
 * rate), month-to-date spend (each day at its rate), burn rate and projection, each naming what it
 * converted and what it left out; the account that runs out first (its card's own runway); and daily
 * spend per account for the stacked chart. Reads daily rollups and current balances only, so its
 * cost does not grow with months of history.
 */
export function overview(db: Database, now: Date, days: number): Overview {
  const valuer = Valuer.load(db)
  const state = new AccountStateRepo(db)
  const today = dayOf(now)
  const accounts = db.prepare('SELECT id, label FROM accounts ORDER BY created_at, label').all() as { id: string; label: string }[]
  const labels = new Map(accounts.map((account) => [account.id, account.label]))
  const balance = valuer.total()
  const burn = valuer.total()
  const projection = valuer.total()
  const byUnit = new Map<string, { unit: string; micros: number; accountId: string | null }>()
  let paced = 0
  let firstToRunOut: Overview['firstToRunOut'] = null
  let runwayAccounts = 0
  for (const account of accounts) {
    const figures = accountFigures(db, account.id, now, state)
    if (!figures) continue
    // The primary balance, and every other unit's total on the account (DeepSeek's CNY and USD
    // wallets, a CNY top-up on a USD account): all of it is money the user has.
    const others = state.sortedBalances(account.id).filter((row) => row.kind === 'total' && row.unit !== figures.unit)
    const held = [...(figures.balanceMicros !== null ? [{ unit: figures.unit, micros: figures.balanceMicros }] : []), ...others.map((row) => ({ unit: row.unit, micros: row.amountMicros }))]
    for (const { unit, micros } of held) {
      balance.add(micros, unit, account.id, null)
      // Credit units are per account: GPTBots credits and Stability credits are different things.
      const scope = isCurrency(unit) ? null : account.id
      const key = `${unit}|${scope ?? ''}`
      const entry = byUnit.get(key) ?? { unit, micros: 0, accountId: scope }
      entry.micros += micros
      byUnit.set(key, entry)
    }
    const { pace } = figures
    if (pace.burnPerDayMicros !== null) {
      paced += 1
      burn.add(pace.burnPerDayMicros, figures.unit, account.id, null)
      projection.add(pace.projectionMicros ?? 0, figures.unit, account.id, null)
    }
    if (figures.hasSpend && pace.runwayDays !== null) {
      runwayAccounts += 1
      if (!firstToRunOut || pace.runwayDays < firstToRunOut.days) firstToRunOut = { accountId: account.id, label: account.label, days: pace.runwayDays, date: pace.runwayDate }
    }
  }
  const monthToDate = valuer.total()
  const mtd = db
    .prepare('SELECT account_id AS accountId, day, unit, spend_micros AS micros FROM daily_rollups WHERE day BETWEEN ? AND ?')
    .all(monthStart(today), today) as { accountId: string; day: string; unit: string; micros: number }[]
  for (const row of mtd) monthToDate.add(row.micros, row.unit, row.accountId, row.day)

  const from = addDays(today, -(days - 1))
  const dayList = Array.from({ length: days }, (_, index) => addDays(from, index))
  const index = new Map(dayList.map((day, position) => [day, position]))
  const rows = db
    .prepare('SELECT account_id AS accountId, day, unit, spend_micros AS micros FROM daily_rollups WHERE day BETWEEN ? AND ?')
    .all(from, today) as { accountId: string; day: string; unit: string; micros: number }[]
  const series = new Map<string, Overview['spendSeries']['accounts'][number]>()
  for (const row of rows) {
    const key = `${row.accountId}|${row.unit}`
    const converted = valuer.convert(row.micros, row.unit, row.accountId, row.day)
    let entry = series.get(key)
    if (!entry) {
      entry = { accountId: row.accountId, label: labels.get(row.accountId) ?? row.accountId, unit: row.unit, converted: converted.ok, values: dayList.map(() => 0) }
      series.set(key, entry)
    }
    const position = index.get(row.day) as number
    entry.values[position] = (entry.values[position] ?? 0) + (converted.ok ? converted.micros : row.micros) / 1_000_000
  }
  return {
    home: valuer.home,
    totalBalance: balance.view(),
    monthToDate: monthToDate.view(),
    burnPerDay: paced > 0 ? burn.view() : null,
    projection: paced > 0 ? projection.view() : null,
    firstToRunOut,
    runwayAccounts,
    balancesByUnit: [...byUnit.values()]
      .sort((a, b) => a.unit.localeCompare(b.unit) || (labels.get(a.accountId ?? '') ?? '').localeCompare(labels.get(b.accountId ?? '') ?? ''))
      .map(({ unit, micros, accountId }) => ({ unit, amount: microsToDecimal(micros), accountId, account: accountId === null ? null : (labels.get(accountId) ?? null) })),
    spendSeries: { days: dayList, accounts: [...series.values()] }
  }
}

/** An account's primary balance at the end of each of the last `days` days that have a reading. */
export function balanceHistory(db: Database, accountId: string, now: Date, days: number): { unit: string | null; points: { day: string; amount: string; source: FactSource }[] } {
  const primary = primaryUnit(db, new AccountStateRepo(db), accountId)
  if (!primary) return { unit: null, points: [] }
  const from = `${addDays(dayOf(now), -(days - 1))}T00:00:00.000Z`
  const rows = db
    .prepare(
      `SELECT substr(observed_at, 1, 10) AS day, amount_micros AS micros, source FROM balance_snapshots
       WHERE account_id = ? AND unit = ? AND kind = 'total' AND observed_at >= ? ORDER BY observed_at, id`
    )
    .all(accountId, primary.unit, from) as { day: string; micros: number; source: FactSource }[]
  const last = new Map<string, { micros: number; source: FactSource }>()
  for (const row of rows) last.set(row.day, row)
  return { unit: primary.unit, points: [...last].map(([day, { micros, source }]) => ({ day, amount: microsToDecimal(micros), source })) }
}
