import type { Handlers } from '../../../shared/contract'
import { accountFigures } from '../ledger/account-figures'
import { exportRecords } from '../ledger/export-records'
import { readFx, writeFx } from '../ledger/fx'
import { balanceHistory, overview } from '../ledger/overview'
import { queryBalances, queryCredits, queryPolls, querySpend, queryUsage } from '../ledger/records-queries'
import { requireAccount } from '../accounts/account-service'
import type { CoreContext } from '../core-context'
import { confirmCredit, recordCredit, removeCredit, updateCredit } from './credit-service'

type LedgerCallName =
  | 'credits:record'
  | 'credits:confirm'
  | 'credits:update'
  | 'credits:remove'
  | 'balance:correct'
  | 'records:spend'
  | 'records:usage'
  | 'records:credits'
  | 'records:polls'
  | 'records:balances'
  | 'records:export'
  | 'ledger:overview'
  | 'ledger:balance-history'
  | 'fx:get'
  | 'fx:set'

/** Implements the ledger calls: credit events, records pages, exports, overview totals, exchange rates. */
export function createRecordsHandlers(context: CoreContext): Pick<Handlers, LedgerCallName> {
  const { db } = context
  const changed = (accountId: string): void => context.emit('accounts:changed', { ids: [accountId] })
  const withChange = <T extends { accountId: string }>(value: T): T => {
    changed(value.accountId)
    return value
  }

  return {
    'credits:record': async (draft) => withChange(recordCredit(db, requireAccount(context, draft.accountId), draft, context.now())),
    'credits:confirm': async ({ id }) => withChange(confirmCredit(db, id, context.now())),
    'credits:update': async (change) => withChange(updateCredit(db, change, context.now())),
    'credits:remove': async ({ id }) => {
      const accountId = (db.prepare('SELECT account_id AS id FROM credit_events WHERE id = ?').get(id) as { id: string } | undefined)?.id
      removeCredit(db, id, context.now())
      if (accountId) changed(accountId)
      return { removed: true as const }
    },
    'balance:correct': async ({ id, amount, unit }) => {
      const account = requireAccount(context, id)
      const figures = accountFigures(db, id, context.now())
      return withChange(recordCredit(db, account, { accountId: id, kind: 'balance', amount, unit: unit ?? figures?.unit }, context.now()))
    },
    'records:spend': async (filter) => querySpend(db, filter),
    'records:usage': async (filter) => queryUsage(db, filter),
    'records:credits': async (filter) => queryCredits(db, filter, context.now()),
    'records:polls': async (filter) => queryPolls(db, filter),
    'records:balances': async (filter) => queryBalances(db, filter),
    'records:export': async ({ what, format, filter }) => exportRecords(db, what, format, filter, context.now()),
    'ledger:overview': async ({ days }) => overview(db, context.now(), days),
    'ledger:balance-history': async ({ id, days }) => {
      requireAccount(context, id)
      return balanceHistory(db, id, context.now(), days)
    },
    'fx:get': async () => readFx(db, context.now()),
    'fx:set': async (settings) => writeFx(db, settings, context.now())
  }
}
