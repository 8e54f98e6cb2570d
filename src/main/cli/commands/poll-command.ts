import type { Command } from 'commander'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import type { CliIo } from '../cli-io'
import { pollLine, printableJson } from '../format'
import { withPollProgress } from '../poll-progress'
import { resolveAccount } from '../resolve-account'

/** `coffer poll [ID|LABEL]... [--json]`: polls now and prints each account's resulting status. */
export function registerPollCommand(program: Command, io: CliIo): void {
  program
    .command('poll')
    .description('poll accounts now (all when none is named) and print each resulting status')
    .argument('[id-or-label...]', 'accounts to poll')
    .option('--json', 'machine-readable output')
    .action(async (names: string[], options: { json?: boolean }) => {
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const ids = names.map((name) => resolveAccount(core, name).id)
        // A progress line on a terminal while it runs: a first poll may read 90 days of history.
        const reports = await withPollProgress(core, io, () => call(core, 'accounts:poll', { ids }))
        if (options.json) {
          io.out(printableJson({ polls: reports }))
        } else if (reports.length === 0) {
          io.out('No accounts to poll. Add one with `coffer accounts add`.')
        } else {
          for (const report of reports) io.out(pollLine(report))
        }
      })
    })
}
