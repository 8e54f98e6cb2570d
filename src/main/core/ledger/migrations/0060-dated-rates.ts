import type { Database } from 'better-sqlite3'
import { UNDATED_RATE_DAY } from '../../../../shared/contract/ledger-schemas'
import type { Migration } from './migration'


/**
 * Issue 9 (money): exchange rates get an effective day and a history, per home currency, and are
 * for currencies only. Before this step one undated rate per unit was kept, and a rate for a credit
 * unit ("credits") was applied to every provider's credits alike. Here:
 * - each currency rate becomes the rate in force since {@link UNDATED_RATE_DAY} for the home
 *   currency of the time (it was applied to all history, and still is);
 * - a rate for a non-currency unit becomes the credit value (`creditValue` +
 *   `creditValueCurrency` = the home currency) of each manual or custom account in that unit that
 *   had none, so what the user said their credits were worth is kept where it was meant;
 * - the old table goes.
 */
export const datedRatesSchema: Migration = {
  version: 60,
  name: 'dated-rates',
  up: (db) => {
    db.exec(`
      CREATE TABLE fx_rate_history (
        home           TEXT NOT NULL,
        unit           TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        per_home       TEXT NOT NULL,
        set_at         TEXT NOT NULL,
        PRIMARY KEY (home, unit, effective_from)
      ) STRICT, WITHOUT ROWID;
    `)
    const home = (db.prepare(`SELECT value FROM ledger_settings WHERE key = 'home_currency'`).get() as { value: string } | undefined)?.value ?? 'USD'
    const rates = db.prepare('SELECT unit, per_home AS rate, updated_at AS at FROM fx_rates').all() as { unit: string; rate: string; at: string }[]
    const insert = db.prepare('INSERT INTO fx_rate_history (home, unit, effective_from, per_home, set_at) VALUES (?, ?, ?, ?, ?)')
    for (const rate of rates) {
      if (/^[A-Z]{3}$/.test(rate.unit)) insert.run(home, rate.unit, UNDATED_RATE_DAY, rate.rate, rate.at)
      else moveToAccounts(db, rate.unit, rate.rate, home)
    }
    db.exec('DROP TABLE fx_rates')
  }
}

function moveToAccounts(db: Database, unit: string, rate: string, home: string): void {
  const accounts = db.prepare(`SELECT id, options_json AS json FROM accounts WHERE provider IN ('manual', 'custom')`).all() as { id: string; json: string }[]
  const update = db.prepare('UPDATE accounts SET options_json = ? WHERE id = ?')
  for (const account of accounts) {
    const options = JSON.parse(account.json) as Record<string, string>
    // Manual accounts store their unit (default USD); custom ones default to USD when it is left out.
    if ((options.unit ?? 'USD') !== unit || options.creditValue) continue
    update.run(JSON.stringify({ ...options, creditValue: rate, creditValueCurrency: home }), account.id)
  }
}
