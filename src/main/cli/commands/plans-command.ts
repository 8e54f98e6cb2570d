import type { Command } from 'commander'
import { UNDATED_RATE_DAY } from '../../../shared/contract/ledger-schemas'
import type { Comparison, PlanOption } from '../../../shared/contract/plans-calls'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'
import { CliFormat, localeFromEnv } from '../locale-format'

/** Comparisons are in USD (the price dataset's currency), shown in the user's locale. */
const usdIn =
  (format: CliFormat) =>
  (amount: string | null): string =>
    amount === null ? '—' : format.money({ amount: (Math.round(Number(amount) * 100) / 100).toFixed(2), unit: 'USD' })

const statusText: Record<Exclude<PlanOption['status'], 'priced'>, string> = {
  unknown: 'price unknown',
  'cannot-cover': 'cannot cover',
  'not-repriced': 'not re-priced'
}

function optionLine(option: PlanOption, money: (amount: string | null) => string): string {
  const rank = option.rank === null ? '  -' : String(option.rank).padStart(3)
  // "≈": the figure holds spend converted into USD, so it moves with the exchange rates.
  const cost = option.status === 'priced' ? `${option.converted ? '≈' : ''}${money(option.monthlyCost)}/mo` : statusText[option.status]
  return `${rank}  ${`${option.name} — ${option.providerName}`.padEnd(46)} ${cost.padStart(14)}  ${option.answer}`
}

/** "1 CNY = 0.14 USD (from 2026-11-01), …": the rates a converted figure used. */
function ratesText(usage: Comparison['usage'], format: CliFormat): string {
  return usage.windowSpend.rates
    .map((use) => `1 ${use.unit} = ${use.rate} ${use.in}${use.from && use.from > UNDATED_RATE_DAY ? ` (from ${format.day(use.from)})` : ''}`)
    .join(', ')
}

/** The comparison as text: measured spend, ranked options, plain answers, what was left out. */
export function comparisonText(result: Comparison, locale = 'en-US'): string[] {
  const { usage, dataset } = result
  // Days are said relative to the comparison's own last day, so the output does not drift with the clock.
  const format = new CliFormat(locale, () => new Date(`${usage.to}T12:00:00Z`))
  const money = usdIn(format)
  const converted = usage.windowSpend.approximate ? ` (converted into USD: ${ratesText(usage, format)})` : ''
  const lines = [`Usage ${format.day(usage.from)} … ${format.day(usage.to)} (${usage.windowDays} days): ${money(usage.monthlyUsage)}/month of measured spend${converted}.`]
  const measured = Number(usage.windowSpend.amount)
  if (measured > 0) {
    const share = Math.floor((Number(usage.withTokensUsd) / measured) * 100)
    lines.push(`Token counts cover ${share} % of that spend: re-priced options replace only those days, the rest is counted as measured.`)
  }
  lines.push(`Prices: ${dataset.package} ${dataset.version} (data as of ${dataset.publishedAt})${dataset.overrides ? `, ${dataset.overrides} price override(s)` : ''}.`, '')
  // The plain answers come before the ranking they speak of ("the ranking below shows only fixed fees").
  if (result.answers.length > 0) lines.push(...result.answers.map((answer) => `• ${answer}`), '')
  for (const option of result.options) lines.push(optionLine(option, money))
  if (result.options.some((option) => option.status === 'priced' && option.converted)) lines.push('', `≈ includes spend converted into USD: ${ratesText(usage, format)}.`)
  if (usage.excluded.length > 0) lines.push('', 'Left out:', ...usage.excluded.map((note) => `  ${note}`))
  return lines
}

/** `coffer plans compare [--json] [--window 30|90]`: which plan would have been cheapest. */
export function registerPlansCommand(program: Command, io: CliIo): void {
  const plans = program.command('plans').description('compare subscriptions, credit packs and providers against your real usage')
  plans
    .command('compare')
    .description('rank every plan by what your last 30 or 90 days of measured spend would cost per month on it')
    .option('--window <days>', 'days of usage to look at: 30 or 90', '30')
    .option('--json', 'machine-readable output (the same ranking the Plans page shows)')
    .action(async (options: { window: string; json?: boolean }) => {
      if (options.window !== '30' && options.window !== '90') throw new UsageError(`--window must be 30 or 90 (got "${options.window}").`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const result = await call(core, 'plans:compare', { windowDays: options.window === '90' ? 90 : 30 })
        if (options.json) io.out(JSON.stringify(result, null, 2))
        else for (const line of comparisonText(result, localeFromEnv(io.env))) io.out(line)
      })
    })
}
