import type { AccountRecord } from '../core/ledger/accounts-repo'
import type { Core } from '../core/app'
import { UsageError } from './cli-io'
import { printable } from './format'

/** The account named by an `ID|LABEL` argument, or a usage error listing what exists. */
export function resolveAccount(core: Core, idOrLabel: string): AccountRecord {
  const account = core.context.accounts.find(idOrLabel)
  if (account) return account
  const known = core.context.accounts.list().map((candidate) => `${printable(candidate.label)} (${candidate.id})`)
  throw new UsageError(`No account "${printable(idOrLabel)}". ${known.length ? `Accounts: ${known.join(', ')}.` : 'There are no accounts yet.'}`)
}
