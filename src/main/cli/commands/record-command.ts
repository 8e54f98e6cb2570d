import type { Command } from 'commander'
import { creditKinds, type CreditKind } from '../../../shared/contract/ledger-schemas'
import { creditKindText } from '../../core/ledger/credit-kinds'
import { printable, printableJson } from '../format'
import { cliFormat } from '../locale-format'
import { call, withCliCore, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'
import { findProvider } from '../../../shared/providers'
import { resolveAccount } from '../resolve-account'

interface RecordOptions {
  type: string
  amount: string
  unit?: string
  at?: string
  expires?: string
  note?: string
  json?: boolean
}

/**
 * `coffer record ID|LABEL --type topup|grant|adjustment|balance|expiration|refund --amount DEC
 * [--unit U] [--at ISO] [--expires ISO] [--note TEXT]`: enters a credit event, or (`balance`) the
 * figure the provider's console shows, which becomes the anchor of the derived balance.
 */
export function registerRecordCommand(program: Command, io: CliIo): void {
  program
    .command('record')
    .description('record a top-up, grant, adjustment, refund, expiration, or the balance your console shows')
    .argument('<id-or-label>', 'the account')
    .requiredOption('--type <type>', `one of ${creditKinds.join(', ')}`)
    .requiredOption('--amount <decimal>', 'the amount, e.g. 50 or 12.40 (an expiration is the positive amount that expired)')
    .option('--unit <unit>', 'the unit (default: the account’s own, e.g. USD)')
    .option('--at <iso>', 'when it happened (default: now), e.g. 2026-03-01 or 2026-03-01T09:30:00Z')
    .option('--expires <iso>', 'when this credit expires, e.g. 2027-03-01')
    .option('--note <text>', 'a note for yourself')
    .option('--json', 'machine-readable output')
    .action(async (name: string, options: RecordOptions) => {
      if (!(creditKinds as readonly string[]).includes(options.type)) {
        throw new UsageError(`--type must be one of ${creditKinds.join(', ')} (got "${options.type}").`)
      }
      const kind = options.type as CreditKind
      await withCliCore(program.opts<GlobalOptions>(), io, async (core) => {
        const account = resolveAccount(core, name)
        const event = await call(core, 'credits:record', {
          accountId: account.id,
          kind,
          amount: options.amount,
          unit: options.unit,
          at: options.at,
          expiresAt: options.expires,
          note: options.note
        })
        const [view] = (await call(core, 'accounts:list', {})).filter((candidate) => candidate.id === account.id)
        const balance = view?.balances[0]
        if (options.json) {
          io.out(printableJson({ event, balance: balance ?? null }))
          return
        }
        const format = cliFormat(io.env)
        const expiry = event.expiresAt ? `, expires ${format.dayFromNow(event.expiresAt)}` : ''
        io.out(`Recorded ${creditKindText[kind].toLowerCase()} of ${format.money(event)} for ${printable(account.label)} (event ${event.id}${expiry}).`)
        if (event.match === 'pending' || event.match === 'overdue') {
          // The provider's own reading decides: until it shows the credit, it is not counted (no phantom spend).
          io.out(`${findProvider(account.provider)?.name ?? account.provider} reports ${printable(account.label)}’s balance itself: Coffer will match this ${creditKindText[kind].toLowerCase()} when the balance shows it.`)
        } else if (event.match === 'matched') {
          io.out('Matched to the balance rise Coffer had already seen: it counts once.')
        }
        if (balance) io.out(`Balance now: ${format.money(balance)} (${balance.source}).`)
      })
    })
}
