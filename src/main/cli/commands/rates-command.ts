import type { Command } from 'commander'
import { UNDATED_RATE_DAY, type FxSettings } from '../../../shared/contract/ledger-schemas'
import { UsageError, type CliIo } from '../cli-io'
import { printableJson } from '../format'
import { cliFormat, type CliFormat } from '../locale-format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'

const CURRENCY = /^[A-Za-z]{3}$/
const DECIMAL = /^\d+(\.\d+)?$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

function currency(value: string, what: string): string {
  if (!CURRENCY.test(value)) {
    throw new UsageError(`${what} must be a three-letter currency code such as USD or CNY (got "${value}"). Credits are valued on their account: its "Value of one unit".`)
  }
  return value.toUpperCase()
}

/**
 * `coffer rates home CUR`, `coffer rates set UNIT RATE [--from DATE]` (RATE = the home-currency value
 * of one UNIT) and `coffer rates list [--json]`. Rates are dated: a day's spend converts at the rate
 * in force that day, a balance at the newest.
 */
export function registerRatesCommand(program: Command, io: CliIo): void {
  const rates = program.command('rates').description('home currency and dated exchange rates (totals across currencies use them)')

  rates
    .command('home')
    .description('set the home currency that totals are shown in')
    .argument('<currency>', 'e.g. USD, EUR, CNY')
    .action(async (code: string) => {
      const home = currency(code, 'The home currency')
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const settings = await call(core, 'fx:set', { home })
        io.out(`Home currency: ${settings.home}.`)
        if (settings.rates.length === 0) io.out(`No rates for ${settings.home} yet: set one with coffer rates set CNY 0.14 (1 CNY = 0.14 ${settings.home}).`)
      })
    })

  rates
    .command('set')
    .description('set what one UNIT is worth in the home currency, from today or from --from DATE')
    .argument('<unit>', 'a currency code, e.g. CNY')
    .argument('<rate>', 'the home-currency value of one unit, e.g. 0.14')
    .option('--from <date>', 'the day the rate takes effect (YYYY-MM-DD; default today; the first rate of a unit also covers the days before it)')
    .action(async (code: string, rate: string, options: { from?: string }) => {
      const unit = currency(code, 'The unit')
      if (!DECIMAL.test(rate) || Number(rate) <= 0) throw new UsageError(`The rate must be a positive decimal such as 0.14 (got "${rate}").`)
      if (options.from !== undefined && !DAY.test(options.from)) throw new UsageError(`--from expects a date such as 2026-03-01 (got "${options.from}").`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const { home } = await call(core, 'fx:get', {})
        if (unit === home) throw new UsageError(`${unit} is the home currency: one ${unit} is always worth 1 ${home}.`)
        const settings = await call(core, 'fx:set', { home, rates: [{ unit, rate, ...(options.from ? { from: options.from } : {}) }] })
        const set = settings.history.filter((entry) => entry.unit === unit).at(-1)
        const from = options.from ?? set?.from
        io.out(`1 ${unit} = ${rate} ${home}${from && from > UNDATED_RATE_DAY ? ` from ${cliFormat(io.env).day(from)}` : ''}.`)
      })
    })

  rates
    .command('list')
    .description('the home currency, the rates in force today and their history')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const settings = await call(core, 'fx:get', {})
        if (options.json) io.out(printableJson(settings))
        else for (const line of ratesLines(settings, cliFormat(io.env))) io.out(line)
      })
    })
}

/** `rates list` for people: one line per unit with its current rate, then its earlier ones. */
export function ratesLines(settings: FxSettings, format: CliFormat): string[] {
  const lines = [`home currency: ${settings.home}`]
  if (settings.rates.length === 0) lines.push(`no rates yet: coffer rates set CNY 0.14 (1 CNY = 0.14 ${settings.home})`)
  for (const rate of settings.rates) {
    const earlier = settings.history.filter((entry) => entry.unit === rate.unit && entry.from !== rate.from)
    const since = rate.from > UNDATED_RATE_DAY ? ` since ${format.day(rate.from)}` : ''
    const fromText = (day: string): string => (day > UNDATED_RATE_DAY ? `from ${format.day(day)}` : 'undated')
    const history = earlier.length > 0 ? ` (before: ${earlier.map((entry) => `${entry.rate} ${fromText(entry.from)}`).join(', ')})` : ''
    lines.push(`1 ${rate.unit} = ${rate.rate} ${settings.home}${since}${history}`)
  }
  return lines
}
