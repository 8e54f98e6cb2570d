import type { Command } from 'commander'
import { BUDGET_DISCLAIMER, budgetPeriods, type BudgetPeriod } from '../../../shared/alerts'
import type { BudgetView } from '../../../shared/contract/alerts-calls'
import { UsageError, type CliIo } from '../cli-io'
import { printable, printableJson } from '../format'
import { cliFormat } from '../locale-format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { resolveAccount } from '../resolve-account'

const PERIOD_ADJECTIVE: Record<BudgetPeriod, string> = { day: 'daily', week: 'weekly', month: 'monthly' }

interface SetOptions {
  global?: boolean
  period: string
  limit: string
  unit?: string
  thresholds?: string
  webhook?: string
  allowLocalWebhook?: boolean
  json?: boolean
}

/** `coffer budget set ID|LABEL|--global --period day|week|month --limit DEC [--unit U]`, `budget list` and `budget remove`. */
export function registerBudgetCommand(program: Command, io: CliIo): void {
  const budget = program.command('budget').description('spend limits: Coffer warns at 50/80/100 % (it cannot stop a provider from spending)')

  budget
    .command('set')
    .description('set a spend limit for an account or for all accounts (--global)')
    .argument('[id-or-label]', 'the account (omit with --global)')
    .option('--global', 'a limit over every account together (same unit only)')
    .requiredOption('--period <period>', budgetPeriods.join(' | '))
    .requiredOption('--limit <amount>', 'the limit, e.g. 50')
    .option('--unit <unit>', 'unit of the limit (default: the account’s primary unit, USD for --global)')
    .option('--thresholds <list>', 'warning thresholds in percent, e.g. 50,80,100 (the default)')
    .option('--webhook <url>', 'also POST warnings to this URL (ntfy or Slack incoming webhook)')
    .option('--allow-local-webhook', 'let the webhook reach this machine or the local network (127.0.0.1, 10.x, 192.168.x…)')
    .option('--json', 'machine-readable output')
    .action(async (idOrLabel: string | undefined, options: SetOptions) => {
      if (Boolean(options.global) === (idOrLabel !== undefined)) throw new UsageError('Name one account, or use --global (not both).')
      if (!(budgetPeriods as readonly string[]).includes(options.period)) throw new UsageError(`--period must be one of ${budgetPeriods.join(', ')}.`)
      const thresholds = options.thresholds?.split(',').map((part) => {
        const value = part.trim()
        if (!/^\d+$/.test(value)) throw new UsageError(`--thresholds takes whole percentages such as 50,80,100 (got "${value}").`)
        return Number(value)
      })
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const accountId = idOrLabel === undefined ? null : resolveAccount(core, idOrLabel).id
        const view = await call(core, 'budgets:set', {
          accountId,
          period: options.period as BudgetPeriod,
          limit: options.limit,
          ...(options.unit !== undefined ? { unit: options.unit } : {}),
          ...(thresholds ? { thresholds } : {}),
          ...(options.webhook !== undefined ? { webhookUrl: options.webhook } : {}),
          ...(options.allowLocalWebhook ? { webhookAllowLocal: true } : {})
        })
        if (options.json) {
          io.out(printableJson({ budget: view }))
          return
        }
        io.out(
          printable(
            `Spend limit set for ${view.accountLabel ?? 'all accounts'}: ${cliFormat(io.env).money(view.limit)} per ${view.period}, ` +
              `warnings at ${view.thresholds.join('/')} %. Spent so far: ${cliFormat(io.env).money({ amount: view.spent, unit: view.limit.unit })} (${view.percent} %).`
          )
        )
        io.out(BUDGET_DISCLAIMER)
      })
    })

  budget
    .command('remove')
    .description('remove a spend limit: by its number in `coffer budget list`, or an account’s (or --global) limit')
    .argument('[id-or-label]', 'the limit’s number (#3 or 3), or the account')
    .option('--global', 'the limit over all accounts')
    .option('--period <period>', `which one, when there are several: ${budgetPeriods.join(' | ')}`)
    .action(async (target: string | undefined, options: { global?: boolean; period?: string }) => {
      if (Boolean(options.global) === (target !== undefined)) throw new UsageError('Name one limit or account, or use --global (not both).')
      if (options.period !== undefined && !(budgetPeriods as readonly string[]).includes(options.period)) throw new UsageError(`--period must be one of ${budgetPeriods.join(', ')}.`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const { budgets } = await call(core, 'budgets:list', {})
        const byNumber = target !== undefined && /^#?\d+$/.test(target) ? budgets.find((view) => view.id === Number(target.replace('#', ''))) : undefined
        const accountId = byNumber || options.global ? null : resolveAccount(core, target as string).id
        const matching = byNumber ? [byNumber] : budgets.filter((view) => view.accountId === accountId && (options.period === undefined || view.period === options.period))
        const whose = byNumber ? `#${byNumber.id}` : accountId === null ? 'all accounts' : printable(core.context.accounts.get(accountId)?.label ?? accountId)
        if (matching.length === 0) throw new UsageError(`There is no ${options.period ? `${PERIOD_ADJECTIVE[options.period as BudgetPeriod]} ` : ''}spend limit for ${whose}: see \`coffer budget list\`.`)
        if (matching.length > 1) throw new UsageError(`${whose} has ${matching.length} spend limits (${matching.map((view) => view.period).join(', ')}): say which with --period.`)
        const [view] = matching as [BudgetView]
        await call(core, 'budgets:remove', { id: view.id })
        io.out(printable(`Removed the spend limit for ${view.accountLabel ?? 'all accounts'}: ${cliFormat(io.env).money(view.limit)} per ${view.period}.`))
      })
    })

  budget
    .command('list')
    .description('spend limits and their progress')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const result = await call(core, 'budgets:list', {})
        if (options.json) {
          io.out(printableJson(result))
          return
        }
        if (result.budgets.length === 0) io.out('No spend limits. Set one: coffer budget set --global --period month --limit 50')
        for (const view of result.budgets) {
          io.out(
            `#${String(view.id).padEnd(4)} ${printable(view.accountLabel ?? 'All accounts').padEnd(20)} ${view.period.padEnd(6)} ` +
              printable(`${cliFormat(io.env).money({ amount: view.spent, unit: view.limit.unit })} of ${cliFormat(io.env).money(view.limit)} (${view.percent} %)`)
          )
        }
        for (const limit of result.providerLimits) {
          io.out(printable(`provider limit  ${limit.accountId} ${limit.kind}: ${cliFormat(io.env).money({ amount: limit.amount, unit: limit.unit })}`))
        }
      })
    })
}
