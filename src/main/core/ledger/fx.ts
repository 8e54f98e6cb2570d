import Big from 'big.js'
import type { Database } from 'better-sqlite3'
import type { FxSettings } from '../../../shared/contract/ledger-schemas'
import { microsToDecimal } from '../../../shared/money'

const DEFAULT_HOME = 'USD'

/** The home currency and the user's exchange rates (how many home units one unit is worth). */
export function readFx(db: Database): FxSettings {
  const home = (db.prepare(`SELECT value FROM ledger_settings WHERE key = 'home_currency'`).get() as { value: string } | undefined)?.value ?? DEFAULT_HOME
  const rates = db.prepare('SELECT unit, per_home AS rate FROM fx_rates ORDER BY unit').all() as { unit: string; rate: string }[]
  return { home, rates }
}

/** Replaces the home currency and every rate. */
export function writeFx(db: Database, settings: FxSettings, now: Date): FxSettings {
  db.transaction(() => {
    db.prepare(`INSERT INTO ledger_settings (key, value) VALUES ('home_currency', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(settings.home)
    db.prepare('DELETE FROM fx_rates').run()
    const insert = db.prepare('INSERT INTO fx_rates (unit, per_home, updated_at) VALUES (?, ?, ?)')
    for (const { unit, rate } of settings.rates) if (unit !== settings.home) insert.run(unit, new Big(rate).toString(), now.toISOString())
  })()
  return readFx(db)
}

/** Converts micro-units of `unit` into the home currency; `null` when there is no rate. */
export type Converter = (micros: number, unit: string) => number | null

/** A converter over the given settings (rounded half-even to a micro-unit). */
export function converter(settings: FxSettings): Converter {
  const rates = new Map(settings.rates.map(({ unit, rate }) => [unit, new Big(rate)]))
  return (micros, unit) => {
    if (unit === settings.home) return micros
    const rate = rates.get(unit)
    return rate ? Number(new Big(micros).times(rate).round(0, Big.roundHalfEven).toFixed(0)) : null
  }
}

/** Sums amounts in many units into the home currency, noting the units that had no rate. */
export class HomeSum {
  micros = 0
  readonly missing = new Set<string>()
  constructor(private readonly convert: Converter) {}
  add(micros: number, unit: string): void {
    const home = this.convert(micros, unit)
    if (home === null) this.missing.add(unit)
    else this.micros += home
  }
  /** The sum in `home`, with the units left out for want of a rate (sorted). */
  view(home: string): { amount: string; unit: string; missingRates: string[] } {
    return { amount: microsToDecimal(this.micros), unit: home, missingRates: [...this.missing].sort() }
  }
}
