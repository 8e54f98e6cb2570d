import type { Command } from 'commander'
import type { SubscriptionReport } from '../../../shared/contract/subscriptions-calls'
import { formatMoney } from '../../../shared/money'
import { printable, printableJson } from '../format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'

/**
 * The `--json` shape of issue 12.3, exactly: `{ "subscriptions": [ { "accountId", "label", "plan",
 * "cycleStart", "cycleEnd", "fee": { "amount", "unit" } | null, "apiEquivalent": { "amount",
 * "unit" }, "ratio", "tokens": { "input", "output", "cacheWrite", "cacheRead" }, "unpricedModels":
 * [ { "model", "input", "output", "cacheWrite", "cacheRead" } ] } ] }`. Amounts are decimal strings;
 * `cycleEnd` is the next renewal day (exclusive).
 */
export function subscriptionsJson(reports: readonly SubscriptionReport[]): { subscriptions: unknown[] } {
  return {
    subscriptions: reports.map((report) => ({
      accountId: report.accountId,
      label: report.label,
      plan: report.plan,
      cycleStart: report.cycleStart,
      cycleEnd: report.cycleEnd,
      fee: report.fee,
      apiEquivalent: report.apiEquivalent,
      ratio: report.ratio,
      tokens: report.tokens,
      unpricedModels: report.unpricedModels
    }))
  }
}

const count = (n: number): string => n.toLocaleString('en-US')

/** One subscription as text. Labels and model names come from the ledger: printed escaped. */
export function subscriptionText(report: SubscriptionReport): string[] {
  const lines = [`${printable(report.label)} (${report.provider}) — billing cycle ${report.cycleStart} … ${report.cycleEnd} (renews ${report.cycleEnd})`]
  lines.push(`  ${printable(report.summary)}`)
  const { tokens } = report
  lines.push(
    `  Tokens: ${count(tokens.input)} input, ${count(tokens.output)} output (${count(report.reasoningTokens)} reasoning), ${count(tokens.cacheWrite)} cache writes, ${count(tokens.cacheRead)} cache reads; ${count(report.requests)} requests.`
  )
  for (const model of report.unpricedModels) {
    lines.push(`  Not priced: ${printable(model.model)} (${count(model.input)} input, ${count(model.output)} output, ${count(model.cacheWrite)} cache-write, ${count(model.cacheRead)} cache-read tokens).`)
  }
  if (report.cheapest?.cost) {
    const note = report.cheapest.note ? ` (${printable(report.cheapest.note)})` : ''
    lines.push(`  Cheapest alternative: ${printable(report.cheapest.name)}, ${formatMoney(report.cheapest.cost, 'en-US')} this cycle${note}.`)
  }
  for (const note of report.notes) lines.push(`  ${printable(note)}`)
  const overrides = report.prices.overrides ? `, ${report.prices.overrides} price override(s)` : ''
  lines.push(`  Prices: ${report.prices.package} ${report.prices.version} (data as of ${report.prices.publishedAt})${overrides}. API-equivalent value is not spend.`)
  return lines
}

/** `coffer subscriptions [--json]`: what each subscription measured from local logs is worth this cycle. */
export function registerSubscriptionsCommand(program: Command, io: CliIo): void {
  program
    .command('subscriptions')
    .description('what each Claude Code / Codex subscription is worth this billing cycle at API prices (from the agents’ local logs)')
    .option('--json', 'machine-readable output')
    .option('--at <date>', 'the billing cycle containing this day (YYYY-MM-DD) instead of the current one')
    .action(async (options: { json?: boolean; at?: string }) => {
      if (options.at !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.at) || Number.isNaN(Date.parse(`${options.at}T00:00:00Z`)))) {
        throw new UsageError(`--at must be a day such as 2026-11-21 (got "${options.at}").`)
      }
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const { subscriptions } = await call(core, 'subscriptions:report', { cycles: 1, ...(options.at ? { at: options.at } : {}) })
        if (options.json) {
          io.out(printableJson(subscriptionsJson(subscriptions)))
          return
        }
        if (subscriptions.length === 0) {
          io.out('No subscriptions measured yet: add a Claude Code or Codex account (coffer accounts add --provider claude-code --label "Claude Max" --option plan=claude-max-5x).')
          return
        }
        subscriptions.forEach((report, index) => {
          if (index > 0) io.out('')
          for (const line of subscriptionText(report)) io.out(line)
        })
      })
    })
}
