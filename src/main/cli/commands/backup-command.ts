import type { Command } from 'commander'
import { listBackups, restoreBackup } from '../../core/ledger/backups'
import { ensureDataFolder } from '../../core/ledger/open-ledger'
import type { CliIo } from '../cli-io'
import { resolveHome, type GlobalOptions } from '../open-cli-core'

/**
 * `coffer backup list [--json]` and `coffer backup restore [DAY|FILE]`. They work on the files
 * alone, without opening the ledger: they are what a user runs when the ledger is damaged.
 */
export function registerBackupCommand(program: Command, io: CliIo): void {
  const backup = program.command('backup').description('the daily automatic backups of the ledger (the last 7 are kept)')

  backup
    .command('list')
    .description('the backups, newest first')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) => {
      const backups = listBackups(ensureDataFolder(resolveHome(program.opts<GlobalOptions>(), io)))
      if (options.json) io.out(JSON.stringify({ backups }, null, 2))
      else if (backups.length === 0) io.out('No backups yet: Coffer writes one a day, the first time it opens the ledger that day.')
      else for (const entry of backups) io.out(`${entry.day}  ${(entry.bytes / 1_048_576).toFixed(1).padStart(7)} MB  ${entry.path}`)
    })

  backup
    .command('restore')
    .description('put a backup (the newest, or that of DAY) in the ledger’s place; the current ledger is moved aside, not deleted')
    .argument('[day-or-file]', 'e.g. 2026-03-01 (default: the newest)')
    .action((which: string | undefined) => {
      const home = ensureDataFolder(resolveHome(program.opts<GlobalOptions>(), io))
      const { restored, movedAside } = restoreBackup(home, which, new Date())
      io.out(`Restored the backup of ${restored.day}.`)
      if (movedAside) io.out(`The ledger it replaced is kept as ${movedAside}.`)
      io.out('Close the Coffer app and any `coffer serve` before using the restored ledger, so nothing writes the old one back.')
    })
}
