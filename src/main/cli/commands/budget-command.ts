import type { Command } from 'commander'
import { BUDGET_DISCLAIMER, budgetPeriods, type BudgetPeriod } from '../../../shared/alerts'
import { formatMoney } from '../../../shared/money'
import { UsageError, type CliIo } from '../cli-io'
import { printable, printableJson } from '../format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { resolveAccount } from '../resolve-account'

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

/** `coffer budget set ID|LABEL|--global --period day|week|month --limit DEC [--unit U]` and `budget list`. */
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
            `Spend limit set for ${view.accountLabel ?? 'all accounts'}: ${formatMoney(view.limit, 'en-US')} per ${view.period}, ` +
              `warnings at ${view.thresholds.join('/')} %. Spent so far: ${formatMoney({ amount: view.spent, unit: view.limit.unit }, 'en-US')} (${view.percent} %).`
          )
        )
        io.out(BUDGET_DISCLAIMER)
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
              printable(`${formatMoney({ amount: view.spent, unit: view.limit.unit }, 'en-US')} of ${formatMoney(view.limit, 'en-US')} (${view.percent} %)`)
          )
        }
        for (const limit of result.providerLimits) {
          io.out(printable(`provider limit  ${limit.accountId} ${limit.kind}: ${formatMoney({ amount: limit.amount, unit: limit.unit }, 'en-US')}`))
        }
      })
    })
}
