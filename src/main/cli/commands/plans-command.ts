import type { Command } from 'commander'
import type { Comparison, PlanOption } from '../../../shared/contract/plans-calls'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'

const money = (amount: string | null): string => (amount === null ? '—' : `$${(Math.round(Number(amount) * 100) / 100).toFixed(2)}`)

function optionLine(option: PlanOption): string {
  const rank = option.rank === null ? '  -' : String(option.rank).padStart(3)
  const cost = option.status === 'priced' ? `${money(option.monthlyCost)}/mo` : option.status === 'unknown' ? 'price unknown' : 'cannot cover'
  return `${rank}  ${`${option.name} — ${option.providerName}`.padEnd(46)} ${cost.padStart(14)}  ${option.answer}`
}

/** The comparison as text: usage, ranked options, plain answers. */
export function comparisonText(result: Comparison): string[] {
  const { usage, dataset } = result
  const lines = [
    `Usage ${usage.from} … ${usage.to} (${usage.windowDays} days): ${money(usage.monthlyUsage)}/month of API usage.`,
    `Prices: ${dataset.package} ${dataset.version} (data as of ${dataset.publishedAt})${dataset.overrides ? `, ${dataset.overrides} price override(s)` : ''}.`,
    ''
  ]
  for (const option of result.options) lines.push(optionLine(option))
  if (result.answers.length > 0) lines.push('', ...result.answers.map((answer) => `• ${answer}`))
  if (usage.excluded.length > 0) lines.push('', 'Left out:', ...usage.excluded.map((note) => `  ${note}`))
  return lines
}

/** `coffer plans compare [--json] [--window 30|90]`: which plan would have been cheapest. */
export function registerPlansCommand(program: Command, io: CliIo): void {
  const plans = program.command('plans').description('compare subscriptions, credit packs and providers against your real usage')
  plans
    .command('compare')
    .description('rank every plan by what your last 30 or 90 days of usage would cost per month on it')
    .option('--window <days>', 'days of usage to look at: 30 or 90', '30')
    .option('--json', 'machine-readable output (the same ranking the Plans page shows)')
    .action(async (options: { window: string; json?: boolean }) => {
      if (options.window !== '30' && options.window !== '90') throw new UsageError(`--window must be 30 or 90 (got "${options.window}").`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const result = await call(core, 'plans:compare', { windowDays: options.window === '90' ? 90 : 30 })
        if (options.json) io.out(JSON.stringify(result, null, 2))
        else for (const line of comparisonText(result)) io.out(line)
      })
    })
}
