/**
 * What a balance figure measures. `total` is the spendable balance; the others qualify it.
 * Ordered: the first kind present is the account's primary balance.
 */
export const balanceKinds = [
  'total',
  'key_limit_remaining',
  'paid',
  'granted',
  'key_limit',
  'key_usage',
  'used',
  'limit',
  'posted',
  'credit_line',
  'owed',
  'overage'
] as const

export type BalanceKind = (typeof balanceKinds)[number]

/**
 * Where a figure came from: a provider's API, Coffer's arithmetic, the user, or a coding agent's
 * own logs on this machine (`local`: Claude Code and Codex usage lines, issue 12). Only usage
 * lines are ever `local`; the ledger's CHECK constraints allow it there alone (migration 130).
 */
export const factSources = ['official', 'derived', 'manual', 'local'] as const
export type FactSource = (typeof factSources)[number]

/** Labels for the UI. */
export const balanceKindText: Record<BalanceKind, string> = {
  total: 'Balance',
  key_limit_remaining: 'Key limit left',
  paid: 'Topped up',
  granted: 'Granted',
  key_limit: 'Key limit',
  key_usage: 'Key usage',
  used: 'Used',
  limit: 'Limit',
  // xAI: the prepaid ledger as posted, before the current cycle's spend is deducted (issue 13.4).
  posted: 'Posted balance',
  // Novita: how far the account may go below zero; money lent, not owned (issue 13.8).
  credit_line: 'Credit line',
  owed: 'Owed (invoices)',
  // ElevenLabs: characters used beyond the period's quota (issue 13.9).
  overage: 'Overage'
}
