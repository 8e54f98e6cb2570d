import type { Command } from 'commander'
import type { AccountView } from '../../../shared/contract/schemas'
import { microsToDecimal, toMicros } from '../../../shared/money'
import { call, openCliCore, type GlobalOptions } from '../open-cli-core'
import type { CliIo } from '../cli-io'
import { accountJson, accountLine } from '../format'

/** `coffer status [--json]`: balances, spend, runway and status of every account. */
export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('balances, spend, runway and status of every account')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const core = openCliCore(program.opts<GlobalOptions>(), io)
      try {
        const accounts = await call(core, 'accounts:list', {})
        if (options.json) {
          io.out(JSON.stringify({ accounts: accounts.map(accountJson), totals: totals(accounts) }, null, 2))
        } else if (accounts.length === 0) {
          io.out('No accounts yet. Add one: coffer accounts add --provider deepseek --label DeepSeek --key-stdin')
        } else {
          for (const account of accounts) io.out(accountLine(account))
        }
      } finally {
        core.close()
      }
    })
}

/** Sum of each account's primary `total` balance, per unit (exact: summed in micro-units). */
export function totals(accounts: AccountView[]): { balances: { unit: string; amount: string }[] } {
  const byUnit = new Map<string, number>()
  for (const account of accounts) {
    for (const balance of account.balances.filter((candidate) => candidate.kind === 'total')) {
      byUnit.set(balance.unit, (byUnit.get(balance.unit) ?? 0) + toMicros(balance.amount))
    }
  }
  return { balances: [...byUnit].map(([unit, micros]) => ({ unit, amount: microsToDecimal(micros) })) }
}
