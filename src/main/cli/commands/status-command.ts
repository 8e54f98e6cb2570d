import type { Command } from 'commander'
import type { AccountView } from '../../../shared/contract/schemas'
import { formatMoney, microsToDecimal, toMicros } from '../../../shared/money'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import type { CliIo } from '../cli-io'
import { accountJson, accountLine } from '../format'

/** `coffer status [--json]`: balances, spend, runway and status of every account, and spend limits. */
export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('balances, spend, runway and status of every account')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const accounts = await call(core, 'accounts:list', {})
        if (options.json) {
          const overview = await call(core, 'ledger:overview', { days: 7 })
          const home = {
            unit: overview.home,
            balance: overview.totalBalance.amount,
            monthToDate: overview.monthToDate.amount,
            approximate: true,
            missingRates: [...new Set([...overview.totalBalance.missingRates, ...overview.monthToDate.missingRates])].sort()
          }
          const { budgets } = await call(core, 'budgets:list', {})
          const budgetJson = budgets.map(({ id, accountId, period, limit, spent, percent, thresholds, windowStart, windowEnd }) => ({
            id,
            accountId,
            period,
            limit: limit.amount,
            unit: limit.unit,
            spent,
            percent,
            thresholds,
            windowStart,
            windowEnd
          }))
          io.out(JSON.stringify({ accounts: accounts.map(accountJson), totals: { ...totals(accounts), home }, budgets: budgetJson }, null, 2))
        } else if (accounts.length === 0) {
          io.out('No accounts yet. Add one: coffer accounts add --provider deepseek --label DeepSeek --key-stdin')
        } else {
          for (const account of accounts) io.out(accountLine(account))
          const { budgets } = await call(core, 'budgets:list', {})
          for (const budget of budgets) {
            const spent = formatMoney({ amount: budget.spent, unit: budget.limit.unit }, 'en-US')
            io.out(`limit: ${(budget.accountLabel ?? 'All accounts').padEnd(20)} ${spent} of ${formatMoney(budget.limit, 'en-US')} per ${budget.period} (${budget.percent} %)`)
          }
        }
      })
    })
}

type UnitTotal = { unit: string; amount: string }

/**
 * Sum of each account's primary `total` balance, and of its spend today and this month, per unit
 * (exact: summed in micro-units).
 */
export function totals(accounts: AccountView[]): { balances: UnitTotal[]; spendToday: UnitTotal[]; spendMonthToDate: UnitTotal[] } {
  const balances = new Map<string, number>()
  const today = new Map<string, number>()
  const month = new Map<string, number>()
  const add = (map: Map<string, number>, unit: string, amount: string): void => void map.set(unit, (map.get(unit) ?? 0) + toMicros(amount))
  for (const account of accounts) {
    for (const balance of account.balances.filter((candidate) => candidate.kind === 'total')) add(balances, balance.unit, balance.amount)
    if (account.spend) {
      add(today, account.spend.unit, account.spend.today)
      add(month, account.spend.unit, account.spend.monthToDate)
    }
  }
  const list = (map: Map<string, number>): UnitTotal[] => [...map].map(([unit, micros]) => ({ unit, amount: microsToDecimal(micros) }))
  return { balances: list(balances), spendToday: list(today), spendMonthToDate: list(month) }
}
