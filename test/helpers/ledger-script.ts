import type { Core } from '../../src/main/core/app'
import { emptyFacts, type LedgerFacts } from '../../src/main/core/ledger/facts'
import { ingestPoll } from '../../src/main/core/ledger/ingest'
import { toMicros } from '../../src/shared/money'
import type { ProviderId } from '../../src/shared/providers'

/** Inserts an account straight into the ledger (no key, no provider call). */
export function insertAccount(
  core: Core,
  id: string,
  label: string,
  provider: ProviderId = 'deepseek',
  createdAt = '2026-01-01T00:00:00.000Z',
  options: Record<string, string> = {}
): void {
  core.context.accounts.insert({ id, provider, label, baseUrl: null, options, pollIntervalMinutes: 15, keyHint: null, createdAt })
}

/** A manual GPTBots-style account in credits worth $0.01 each (100 credits = $1). */
export function insertGptbotsAccount(core: Core, id: string): void {
  insertAccount(core, id, 'GPTBots', 'manual', '2026-01-01T00:00:00.000Z', { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' })
}

/** Ingests one successful poll at `at` through the core's own ingest hooks. */
export function ingestAt(core: Core, accountId: string, at: string, fill: (facts: LedgerFacts) => void): void {
  const facts = emptyFacts()
  fill(facts)
  ingestPoll(
    core.context.db,
    { accountId, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] },
    core.context.ingestHooks
  )
}

/** A poll that reported one official total balance. */
export function ingestBalance(core: Core, accountId: string, at: string, amount: string, unit = 'CNY'): void {
  ingestAt(core, accountId, at, (facts) => facts.balances.push({ unit, kind: 'total', amountMicros: toMicros(amount), source: 'official' }))
}

/** A poll that reported official spend lines (`[day, item, amount]`). */
export function ingestSpend(core: Core, accountId: string, at: string, lines: [string, string, string][], unit = 'USD'): void {
  ingestAt(core, accountId, at, (facts) => {
    for (const [day, item, amount] of lines) facts.spend.push({ day, item, unit, amountMicros: toMicros(amount), source: 'official' })
  })
}
