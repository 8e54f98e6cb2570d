import type { Database } from 'better-sqlite3'
import type { Overview } from '../../../shared/contract/ledger-schemas'
import type { FactSource } from '../../../shared/balance-kinds'
import { microsToDecimal } from '../../../shared/money'
import { accountFigures, primaryUnit } from './account-figures'
import { AccountStateRepo } from './account-state-repo'
import { addDays, dayOf, monthStart } from './days'
import { converter, HomeSum, readFx } from './fx'

/**
 * The overview's totals: every account's primary balance and month-to-date spend in the home
 * currency (approximate: user-set rates), burn rate, projection and runway in total, and daily
 * spend per account for the stacked chart. Reads daily rollups and current balances only, so its
 * cost does not grow with months of history.
 */
export function overview(db: Database, now: Date, days: number): Overview {
  const fx = readFx(db)
  const convert = converter(fx)
  const state = new AccountStateRepo(db)
  const today = dayOf(now)
  const accounts = db.prepare('SELECT id, label FROM accounts ORDER BY created_at, label').all() as { id: string; label: string }[]
  const balance = new HomeSum(convert)
  const burn = new HomeSum(convert)
  const projection = new HomeSum(convert)
  const byUnit = new Map<string, number>()
  let paced = 0
  for (const account of accounts) {
    const figures = accountFigures(db, account.id, now, state)
    if (!figures) continue
    if (figures.balanceMicros !== null) {
      balance.add(figures.balanceMicros, figures.unit)
      byUnit.set(figures.unit, (byUnit.get(figures.unit) ?? 0) + figures.balanceMicros)
    }
    if (figures.pace.burnPerDayMicros !== null) {
      paced += 1
      burn.add(figures.pace.burnPerDayMicros, figures.unit)
      projection.add(figures.pace.projectionMicros ?? 0, figures.unit)
    }
  }
  const monthToDate = new HomeSum(convert)
  const mtd = db
    .prepare('SELECT unit, SUM(spend_micros) AS micros FROM daily_rollups WHERE day BETWEEN ? AND ? GROUP BY unit')
    .all(monthStart(today), today) as { unit: string; micros: number }[]
  for (const row of mtd) monthToDate.add(row.micros, row.unit)

  const from = addDays(today, -(days - 1))
  const dayList = Array.from({ length: days }, (_, index) => addDays(from, index))
  const index = new Map(dayList.map((day, position) => [day, position]))
  const rows = db
    .prepare('SELECT account_id AS accountId, day, unit, spend_micros AS micros FROM daily_rollups WHERE day BETWEEN ? AND ?')
    .all(from, today) as { accountId: string; day: string; unit: string; micros: number }[]
  const series = new Map<string, Overview['spendSeries']['accounts'][number]>()
  for (const row of rows) {
    const key = `${row.accountId}|${row.unit}`
    let entry = series.get(key)
    if (!entry) {
      const label = accounts.find((account) => account.id === row.accountId)?.label ?? row.accountId
      entry = { accountId: row.accountId, label, unit: row.unit, converted: convert(0, row.unit) !== null, values: dayList.map(() => 0) }
      series.set(key, entry)
    }
    const home = convert(row.micros, row.unit)
    const position = index.get(row.day) as number
    entry.values[position] = (entry.values[position] ?? 0) + (home ?? row.micros) / 1_000_000
  }
  const totalBurn = burn.micros
  return {
    home: fx.home,
    totalBalance: balance.view(fx.home),
    monthToDate: monthToDate.view(fx.home),
    burnPerDay: paced > 0 ? burn.view(fx.home) : null,
    projection: paced > 0 ? projection.view(fx.home) : null,
    runwayDays: paced > 0 && totalBurn > 0 ? Math.max(0, Math.round((balance.micros / totalBurn) * 10) / 10) : null,
    balancesByUnit: [...byUnit].sort().map(([unit, micros]) => ({ unit, amount: microsToDecimal(micros) })),
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
