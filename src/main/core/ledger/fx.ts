import Big from 'big.js'
import type { Database } from 'better-sqlite3'
import type { FxChange, FxSettings } from '../../../shared/contract/ledger-schemas'
import { fxChangeSchema, UNDATED_RATE_DAY } from '../../../shared/contract/ledger-schemas'
import { CofferError } from '../../../shared/errors'
import { dayOf } from './days'
import { cached } from './statements'

const DEFAULT_HOME = 'USD'

/** One dated rate: one `unit` is worth `rate` of the home currency from day `from` on. */
export interface DatedRate {
  unit: string
  rate: Big
  from: string
}

/**
 * Every exchange rate of one home currency, by unit, oldest first. A day's amount converts at the
 * rate in force that day; a day before a unit's first rate uses that first rate (the user set no
 * earlier one, and leaving all earlier spend out would hide it); a balance uses the newest rate.
 */
export class RateBook {
  private readonly byUnit = new Map<string, DatedRate[]>()

  constructor(
    readonly home: string,
    rates: readonly DatedRate[]
  ) {
    for (const rate of [...rates].sort((a, b) => a.from.localeCompare(b.from))) {
      const list = this.byUnit.get(rate.unit) ?? []
      list.push(rate)
      this.byUnit.set(rate.unit, list)
    }
  }

  /** The rate of `unit` in force on `day` (`null` = the newest), or `null` when it has none. */
  rateOn(unit: string, day: string | null): DatedRate | null {
    if (unit === this.home) return { unit, rate: new Big(1), from: UNDATED_RATE_DAY }
    const list = this.byUnit.get(unit)
    if (!list || list.length === 0) return null
    if (day === null) return list.at(-1) ?? null
    let found = list[0] as DatedRate
    for (const rate of list) {
      if (rate.from > day) break
      found = rate
    }
    return found
  }

  /** Units that have at least one rate. */
  units(): string[] {
    return [...this.byUnit.keys()].sort()
  }
}

/** The home currency of the ledger. */
export function readHome(db: Database): string {
  return (cached(db, `SELECT value FROM ledger_settings WHERE key = 'home_currency'`).get() as { value: string } | undefined)?.value ?? DEFAULT_HOME
}

/** The home currency's rate book. */
export function readRateBook(db: Database): RateBook {
  const home = readHome(db)
  const rows = cached(db, 'SELECT unit, per_home AS rate, effective_from AS "from" FROM fx_rate_history WHERE home = ?').all(home) as {
    unit: string
    rate: string
    from: string
  }[]
  return new RateBook(
    home,
    rows.map((row) => ({ unit: row.unit, rate: new Big(row.rate), from: row.from }))
  )
}

/** The home currency, the rates in force today and the whole history, as `fx:get` shows them. */
export function readFx(db: Database, now: Date): FxSettings {
  const home = readHome(db)
  const history = cached(db, 'SELECT unit, per_home AS rate, effective_from AS "from", set_at AS setAt FROM fx_rate_history WHERE home = ? ORDER BY unit, effective_from').all(home) as {
    unit: string
    rate: string
    from: string
    setAt: string
  }[]
  const today = dayOf(now)
  const inForce = new Map<string, { unit: string; rate: string; from: string }>()
  for (const entry of history) {
    // The newest rate that has started; a unit whose rates all start later still shows its first.
    if (entry.from <= today || !inForce.has(entry.unit)) inForce.set(entry.unit, { unit: entry.unit, rate: entry.rate, from: entry.from })
  }
  return { home, rates: [...inForce.values()], history }
}

/**
 * Applies an `fx:set` change in one transaction: the home currency, new dated rates (from today
 * unless a day is given; a rate equal to the one already in force that day adds nothing), and units
 * whose rates are forgotten. Rates are kept per home currency, so switching home and back loses
 * nothing.
 */
export function writeFx(db: Database, change: FxChange, now: Date): FxSettings {
  const { home, rates, remove } = fxChangeSchema.parse(change)
  const today = dayOf(now)
  db.transaction(() => {
    cached(db, `INSERT INTO ledger_settings (key, value) VALUES ('home_currency', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(home)
    const book = readRateBook(db)
    const upsert = cached(db,
      `INSERT INTO fx_rate_history (home, unit, effective_from, per_home, set_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (home, unit, effective_from) DO UPDATE SET per_home = excluded.per_home, set_at = excluded.set_at`
    )
    for (const { unit, rate, from } of rates) {
      if (unit === home) continue
      const value = new Big(rate)
      if (value.lte(0)) throw new CofferError('bad_request', `A rate is what one ${unit} is worth in ${home}: it must be more than zero (got ${rate}).`)
      const day = from ?? today
      const current = book.rateOn(unit, day)
      if (!from && current && current.rate.eq(value)) continue
      upsert.run(home, unit, day, value.toString(), now.toISOString())
    }
    for (const unit of remove) cached(db, 'DELETE FROM fx_rate_history WHERE home = ? AND unit = ?').run(home, unit)
  })()
  return readFx(db, now)
}
