import { closeSync, openSync, writeSync } from 'node:fs'
import { streamExport } from '../../core/records/stream-export'
import type { Req } from '../../../shared/contract'
import type { Command } from 'commander'
import { recordKinds, type RecordKind } from '../../../shared/contract/ledger-schemas'
import { collect } from '../arguments'
import { checkRequest, withCliCore, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'
import { resolveAccount } from '../resolve-account'

interface ExportOptions {
  what: string
  format: string
  from?: string
  to?: string
  out?: string
  account: string[]
  type: string[]
}

/**
 * `coffer export --what spend|usage|credits|balances --format csv|json [--from DATE] [--to DATE]
 * [--out FILE]`: the same core function as the records page's export, so both produce the same text.
 */
export function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('export spend, usage, credit events, balances or polls as CSV or JSON')
    .requiredOption('--what <what>', recordKinds.join('|'))
    .requiredOption('--format <format>', 'csv|json')
    .option('--from <date>', 'first day, YYYY-MM-DD (UTC)')
    .option('--to <date>', 'last day, YYYY-MM-DD (UTC)')
    .option('--account <id-or-label>', 'only this account (repeatable)', collect, [])
    .option('--type <type>', 'only this line item / model / kind / status (repeatable)', collect, [])
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: ExportOptions) => {
      if (!(recordKinds as readonly string[]).includes(options.what)) throw new UsageError(`--what must be one of ${recordKinds.join(', ')} (got "${options.what}").`)
      // A local: TypeScript keeps the narrowing of a const inside the callback below, not of options.format.
      const format = options.format
      if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json (got "${format}").`)
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const accountIds = options.account.map((name) => resolveAccount(core, name).id)
        const request: Req<'records:export'> = { what: options.what as RecordKind, format, filter: { from: options.from, to: options.to, accountIds, types: options.type } }
        checkRequest('records:export', request)
        if (options.out) {
          // Owner-only: an export holds your spending history (mode applies when the file is created).
          const fd = openSync(options.out, 'w', 0o600)
          try {
            const result = streamExport(core.context, request, (chunk) => writeSync(fd, chunk))
            io.err(`Wrote ${result.rows} ${result.rows === 1 ? 'row' : 'rows'} to ${options.out}.`)
          } finally {
            closeSync(fd)
          }
        } else if (io.write) {
          streamExport(core.context, request, io.write)
        } else {
          const chunks: string[] = []
          streamExport(core.context, request, (chunk) => chunks.push(chunk))
          // io.out adds the final line break itself.
          io.out(chunks.join('').replace(/\n$/, ''))
        }
      })
    })
}
