import type { Command } from 'commander'
import type { AccountView } from '../../../shared/contract/schemas'
import { exclusionsText } from '../../../shared/exclusions'
import { isCurrency, microsToDecimal, toMicros } from '../../../shared/money'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import type { CliIo } from '../cli-io'
import { accountJson, printable, printableJson } from '../format'
import { cliFormat } from '../locale-format'
import { statusTable } from '../status-table'

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
          const { totalBalance, monthToDate } = overview
          const home = {
            unit: overview.home,
            balance: totalBalance.amount,
            monthToDate: monthToDate.amount,
            // True only when some part was converted: an all-USD ledger's USD total is exact.
            approximate: totalBalance.approximate || monthToDate.approximate,
            missingRates: [...new Set([...totalBalance.missingRates, ...monthToDate.missingRates])].sort(),
            excluded: { balance: totalBalance.excluded, monthToDate: monthToDate.excluded },
            rates: [...new Map([...totalBalance.rates, ...monthToDate.rates].map((use) => [JSON.stringify(use), use])).values()]
          }
          const { budgets } = await call(core, 'budgets:list', {})
          const budgetJson = budgets.map(({ id, accountId, period, limit, spent, approximate, excluded, percent, thresholds, windowStart, windowEnd }) => ({
            id,
            accountId,
            period,
            limit: limit.amount,
            unit: limit.unit,
            spent,
            approximate,
            excluded,
            percent,
            thresholds,
            windowStart,
            windowEnd
          }))
          const totalsJson = { ...totals(accounts), home, firstToRunOut: overview.firstToRunOut }
          io.out(printableJson({ accounts: accounts.map(accountJson), totals: totalsJson, budgets: budgetJson }))
        } else if (accounts.length === 0) {
          io.out('No accounts yet. Add one: coffer accounts add --provider deepseek --label DeepSeek --key-stdin')
        } else {
          // Open alerts colour each row as they colour the card: the same verdict, the same words.
          const { alerts } = await call(core, 'alerts:list', { states: ['active'], limit: 200 })
          const overview = await call(core, 'ledger:overview', { days: 7 })
          const format = cliFormat(io.env)
          for (const line of statusTable(accounts, alerts, overview, format)) io.out(line)
          const { budgets } = await call(core, 'budgets:list', {})
          if (budgets.length > 0) io.out('')
          for (const budget of budgets) {
            const spent = format.money({ amount: budget.spent, unit: budget.limit.unit })
            io.out(printable(`Spend limit, ${budget.accountLabel ?? 'all accounts'}: ${spent} of ${format.money(budget.limit)} per ${budget.period} (${format.number(budget.percent, 1)} %)`))
            if (budget.excluded.length > 0) io.out(printable(`  ${exclusionsText(budget.excluded, format.locale)}`))
          }
        }
      })
    })
}

type UnitTotal = { unit: string; amount: string; accountId?: string }

/**
 * Sum of each account's `total` balances, and of its spend today and this month, per unit (exact:
 * summed in micro-units). A credit unit is per account (`accountId`): two platforms' "credits"
 * are different things and are never added together.
 */
export function totals(accounts: AccountView[]): { balances: UnitTotal[]; spendToday: UnitTotal[]; spendMonthToDate: UnitTotal[] } {
  const balances = new Map<string, UnitTotal & { micros: number }>()
  const today = new Map<string, UnitTotal & { micros: number }>()
  const month = new Map<string, UnitTotal & { micros: number }>()
  const add = (map: Map<string, UnitTotal & { micros: number }>, accountId: string, unit: string, amount: string): void => {
    const scope = isCurrency(unit) ? null : accountId
    const key = `${unit}|${scope ?? ''}`
    const entry = map.get(key) ?? { unit, amount: '0', micros: 0, ...(scope ? { accountId: scope } : {}) }
    entry.micros += toMicros(amount)
    map.set(key, entry)
  }
  for (const account of accounts) {
    for (const balance of account.balances.filter((candidate) => candidate.kind === 'total')) add(balances, account.id, balance.unit, balance.amount)
    if (account.spend) {
      add(today, account.id, account.spend.unit, account.spend.today)
      add(month, account.id, account.spend.unit, account.spend.monthToDate)
    }
  }
  const list = (map: Map<string, UnitTotal & { micros: number }>): UnitTotal[] => [...map.values()].map(({ micros, ...entry }) => ({ ...entry, amount: microsToDecimal(micros) }))
  return { balances: list(balances), spendToday: list(today), spendMonthToDate: list(month) }
}
