import Big from 'big.js'
import type { Database } from 'better-sqlite3'
import type { ApproxMoney, Exclusion, ExclusionReason, RateUse } from '../../../shared/contract/ledger-schemas'
import { isCurrency, microsToDecimal } from '../../../shared/money'
import { findProvider } from '../../../shared/providers'
import { creditValueOf, isNotMoney, ownUnit } from './account-units'
import { readRateBook, type RateBook } from './fx'
import { cached } from './statements'

/** The facts about an account that valuing its amounts needs. */
export interface ValuedAccount {
  id: string
  label: string
  provider: string
  options: Readonly<Record<string, string>>
}

/** An amount converted into the target unit, with what the conversion used. */
export type Conversion = { ok: true; micros: number; uses: RateUse[] } | { ok: false; reason: ExclusionReason; fix: string | null }

/**
 * Turns amounts of any unit into money of one unit: a credit unit through its account's (or its
 * provider's) credit value, a currency through the exchange rate in force on the amount's day (a
 * balance: the newest). Exact: one multiplication in big.js, rounded half-even to a micro-unit once.
 */
export class Valuer {
  private readonly accounts: Map<string, ValuedAccount>

  constructor(
    readonly book: RateBook,
    accounts: readonly ValuedAccount[]
  ) {
    this.accounts = new Map(accounts.map((account) => [account.id, account]))
  }

  /** The valuer of the ledger as it is now (rates of the current home currency, every account). */
  static load(db: Database): Valuer {
    const rows = cached(db, 'SELECT id, label, provider, options_json AS json FROM accounts').all() as { id: string; label: string; provider: string; json: string }[]
    return new Valuer(
      readRateBook(db),
      rows.map((row) => ({ id: row.id, label: row.label, provider: row.provider, options: JSON.parse(row.json) as Record<string, string> }))
    )
  }

  get home(): string {
    return this.book.home
  }

  /** The account's label, for exclusions. */
  label(accountId: string | null): string | null {
    return accountId === null ? null : (this.accounts.get(accountId)?.label ?? accountId)
  }

  /**
   * Converts `micros` of `unit` held or spent on `accountId` on `day` (`null` = now) into `target`.
   */
  convert(micros: number, unit: string, accountId: string | null, day: string | null, target: string = this.home): Conversion {
    if (unit === target) return { ok: true, micros, uses: [] }
    const uses: RateUse[] = []
    let amount = new Big(micros)
    let currency = unit
    if (!isCurrency(unit)) {
      const account = accountId === null ? undefined : this.accounts.get(accountId)
      const value = account ? creditValueOf(account.provider, account.options, unit, this.home) : null
      if (!value) return this.noValue(unit, account)
      amount = amount.times(value.value)
      currency = value.currency
      uses.push({ unit, rate: value.value.toString(), in: currency, basis: value.basis, from: null, accountId })
    }
    if (currency !== target) {
      const from = this.book.rateOn(currency, day)
      const to = this.book.rateOn(target, day)
      if (!from || !to) return this.noRate(from ? target : currency)
      if (currency !== this.home) uses.push({ unit: currency, rate: from.rate.toString(), in: this.home, basis: 'exchange_rate', from: from.from, accountId: null })
      if (target !== this.home) uses.push({ unit: target, rate: to.rate.toString(), in: this.home, basis: 'exchange_rate', from: to.from, accountId: null })
      amount = amount.times(from.rate).div(to.rate)
    }
    return { ok: true, micros: Number(amount.round(0, Big.roundHalfEven).toFixed(0)), uses }
  }

  /** A new running total in `target` (default: the home currency). */
  total(target: string = this.home): ValuedTotal {
    return new ValuedTotal(this, target)
  }

  private noValue(unit: string, account: ValuedAccount | undefined): Conversion {
    if (isNotMoney(unit)) return { ok: false, reason: 'not_money', fix: null }
    const name = account ? (findProvider(account.provider)?.name ?? account.provider) : null
    const canSet = account !== undefined && ownUnit(account.provider, account.options) === unit && (account.provider === 'manual' || account.provider === 'custom')
    const fix = canSet
      ? `Set what one ${unit} is worth on ${account.label} (Edit account → Value of one unit).`
      : `Coffer does not know what ${name ? `${name}’s ` : ''}${unit} are worth, so they stay in ${unit}.`
    return { ok: false, reason: 'no_credit_value', fix }
  }

  private noRate(currency: string): Conversion {
    return {
      ok: false,
      reason: 'no_rate',
      fix: `Set what one ${currency} is worth in ${this.home} (Exchange rates… on the Overview, or coffer rates set ${currency} RATE).`
    }
  }
}

/**
 * A sum of amounts of many units and accounts in one target unit: what it converted (and with which
 * rates), and what it had to leave out, per account and unit, with the reason and the fix. Its
 * `amount` is exactly the sum of the converted parts, each rounded to a micro-unit once.
 */
export class ValuedTotal {
  micros = 0
  private converted = false
  private readonly excluded = new Map<string, Omit<Exclusion, 'amount'> & { micros: number }>()
  private readonly uses = new Map<string, RateUse>()

  constructor(
    private readonly valuer: Valuer,
    readonly unit: string
  ) {}

  /** Adds an amount; returns its converted value, or `null` when it was left out. */
  add(micros: number, unit: string, accountId: string | null, day: string | null): number | null {
    if (micros === 0) return 0
    const result = this.valuer.convert(micros, unit, accountId, day, this.unit)
    if (!result.ok) {
      const key = `${accountId ?? ''}|${unit}`
      const entry = this.excluded.get(key) ?? { accountId, account: this.valuer.label(accountId), unit, reason: result.reason, fix: result.fix, micros: 0 }
      entry.micros += micros
      this.excluded.set(key, entry)
      return null
    }
    if (unit !== this.unit) this.converted = true
    for (const use of result.uses) this.uses.set(JSON.stringify(use), use)
    this.micros += result.micros
    return result.micros
  }

  /** The total as the contract carries it. */
  view(): ApproxMoney {
    const excluded = [...this.excluded.values()]
      .sort((a, b) => a.unit.localeCompare(b.unit) || (a.account ?? '').localeCompare(b.account ?? ''))
      .map(({ micros, ...rest }) => ({ ...rest, amount: microsToDecimal(micros) }))
    const fixable = excluded.filter((entry) => entry.reason !== 'not_money').map((entry) => entry.unit)
    const rates = [...this.uses.values()].sort((a, b) => a.unit.localeCompare(b.unit) || (a.from ?? '').localeCompare(b.from ?? ''))
    return { amount: microsToDecimal(this.micros), unit: this.unit, approximate: this.converted, missingRates: [...new Set(fixable)].sort(), excluded, rates }
  }
}
