import { Command, CommanderError } from 'commander'
import { CofferError } from '../../shared/errors'
import { appVersion } from '../core/app-handlers'
import { CommandExit, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './cli-io'
import { printable } from './format'
import { helpHint, installHelpHints } from './usage-hints'
import { registerAccountsCommand } from './commands/accounts-command'
import { registerAlertsCommand } from './commands/alerts-command'
import { registerBackupCommand } from './commands/backup-command'
import { registerBudgetCommand } from './commands/budget-command'
import { registerCheckCommand } from './commands/check-command'
import { registerExportCommand } from './commands/export-command'
import { registerPlansCommand } from './commands/plans-command'
import { registerPollCommand } from './commands/poll-command'
import { registerRatesCommand } from './commands/rates-command'
import { registerRecordCommand } from './commands/record-command'
import { registerServeCommand } from './commands/serve-command'
import { registerStatusCommand } from './commands/status-command'
import { registerSubscriptionsCommand } from './commands/subscriptions-command'

/** Builds the `coffer` command tree. Each command lives in its own file under commands/. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('coffer')
    .description('Balances, spend and runway of your AI API accounts, from the same ledger as the Coffer app.')
    .option('--home <dir>', 'data folder (default: $COFFER_HOME or the app’s data folder)')
    .version(appVersion(), '-V, --version', 'print Coffer’s version')
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride()
  registerAccountsCommand(program, io)
  registerPollCommand(program, io)
  registerStatusCommand(program, io)
  registerAlertsCommand(program, io)
  registerBudgetCommand(program, io)
  registerRatesCommand(program, io)
  registerBackupCommand(program, io)
  registerRecordCommand(program, io)
  registerExportCommand(program, io)
  registerPlansCommand(program, io)
  registerSubscriptionsCommand(program, io)
  registerServeCommand(program, io)
  registerCheckCommand(program, io)
  return program
}

/**
 * Runs the CLI and returns its exit code: 0 done (even when a provider failed: its status says
 * so), 2 bad usage, 1 internal error; a command may end with its own code ({@link CommandExit}:
 * `coffer check` exits 3 when an alert is open).
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io)
  const reached = installHelpHints(program)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return EXIT_OK
  } catch (error) {
    if (error instanceof CommandExit) return error.exitCode
    if (error instanceof CommanderError) {
      // --help and --version also end here, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE
    }
    // Messages may quote what was typed or stored (a label, an account name): printed escaped.
    if (error instanceof UsageError) {
      io.err(`coffer: ${printable(error.message)} ${helpHint(reached())}`)
      return EXIT_USAGE
    }
    if (error instanceof CofferError) {
      io.err(`coffer: ${printable(error.message)}${error.code === 'bad_request' ? ` ${helpHint(reached())}` : ''}`)
      const usage = error.code === 'bad_request' || error.code === 'not_found' || error.code === 'conflict'
      return usage ? EXIT_USAGE : EXIT_INTERNAL
    }
    io.err(`coffer: internal error: ${printable((error as Error).message)}`)
    return EXIT_INTERNAL
  }
}
