import type { Command } from 'commander'
import type { ApproxMoney, Overview } from '../../../shared/contract/ledger-schemas'
import type { AccountView } from '../../../shared/contract/schemas'
import { exclusionFixes, exclusionsText } from '../../../shared/exclusions'
import { runwayText } from '../../../shared/runway'
import { formatMoney, isCurrency, microsToDecimal, toMicros } from '../../../shared/money'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import type { CliIo } from '../cli-io'
import { accountJson, accountLine, printable, printableJson } from '../format'

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
          // Open alerts colour each line as they colour the card: the same words, the worst first.
          const { alerts } = await call(core, 'alerts:list', { states: ['active'], limit: 200 })
          for (const account of accounts) io.out(accountLine(account, alerts))
          const overview = await call(core, 'ledger:overview', { days: 7 })
          // Totals name accounts (what was left out, who runs out first): labels may be old data.
          for (const line of totalsLines(overview)) io.out(printable(line))
          const { budgets } = await call(core, 'budgets:list', {})
          for (const budget of budgets) {
            const spent = formatMoney({ amount: budget.spent, unit: budget.limit.unit }, 'en-US')
            io.out(printable(`limit: ${printable(budget.accountLabel ?? 'All accounts').padEnd(20)} ${spent} of ${formatMoney(budget.limit, 'en-US')} per ${budget.period} (${budget.percent} %)`))
            if (budget.excluded.length > 0) io.out(printable(`       ${exclusionsText(budget.excluded)}`))
          }
        }
      })
    })
}

/** The totals for people: balance and month-to-date (≈ when converted), what each left out and how to fix it, who runs out first. */
export function totalsLines(overview: Overview): string[] {
  const figure = (value: ApproxMoney): string => `${value.approximate ? '≈ ' : ''}${formatMoney(value, 'en-US')}`
  const { totalBalance, monthToDate, firstToRunOut: first } = overview
  const lines = [`total: ${figure(totalBalance)} balance · ${figure(monthToDate)} spent this month`]
  if (totalBalance.excluded.length > 0) lines.push(`       balance — ${exclusionsText(totalBalance.excluded)}`)
  if (monthToDate.excluded.length > 0) lines.push(`       this month — ${exclusionsText(monthToDate.excluded)}`)
  for (const fix of exclusionFixes([...totalBalance.excluded, ...monthToDate.excluded])) lines.push(`       ${fix}`)
  if (first) lines.push(`runs out first: ${first.label}, in ${runwayText(first.days)}${first.date ? ` (${first.date})` : ''}`)
  return lines
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
