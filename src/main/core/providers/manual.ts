import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { ProviderAdapter } from './provider-adapter'

/**
 * Manual accounts (ChatGPT Plus/Pro, Claude Pro/Max, GPTBots, Operator AI…) have no API: a poll
 * asks nobody and learns nothing. Their balances and credit events are what the user records
 * (`coffer record`, the records UI); the poll only marks the account as checked.
 */
export const manualAdapter: ProviderAdapter = {
  id: 'manual',
  async poll(): Promise<LedgerFacts> {
    return emptyFacts()
  }
}
