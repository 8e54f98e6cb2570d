import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../src/main/core/app'
import { emptyFacts } from '../src/main/core/ledger/facts'
import { ingestPoll } from '../src/main/core/ledger/ingest'
import { MemoryPreferencesStore } from '../src/main/core/preferences/preferences-store'
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store'
import { newAccountId } from '../src/shared/ids'

/** A core over a fresh ledger file in a temp folder (real SQLite on disk, in-memory keys). */
export function benchCore(overrides: Partial<Parameters<typeof createCore>[0]> = {}): Core {
  return createCore({
    runtime: 'test',
    dataDir: mkdtempSync(join(tmpdir(), 'coffer-bench-')),
    secrets: new MemorySecretStore(),
    preferences: new MemoryPreferencesStore(),
    ...overrides
  })
}

/**
 * Seeds `accounts` accounts with `days` days of history each: one balance snapshot per day and
 * `itemsPerDay` spend lines, through the real ingest path (one transaction per poll).
 */
export function seedHistory(core: Core, accounts: number, days: number, itemsPerDay: number): string[] {
  const ids: string[] = []
  const start = Date.now() - days * 86_400_000
  for (let a = 0; a < accounts; a += 1) {
    const id = newAccountId()
    ids.push(id)
    core.context.accounts.insert({
      id,
      provider: a % 2 ? 'deepseek' : 'openrouter',
      label: `Bench ${a}`,
      baseUrl: null,
      options: {},
      pollIntervalMinutes: 15,
      keyHint: 'sk-…0000',
      createdAt: new Date(start).toISOString()
    })
    for (let d = 0; d < days; d += 1) {
      const at = new Date(start + d * 86_400_000).toISOString()
      const facts = emptyFacts()
      facts.balances.push({ unit: 'USD', kind: 'total', amountMicros: 100_000_000 - d * 1000, source: 'official' })
      for (let i = 0; i < itemsPerDay; i += 1) {
        facts.spend.push({ day: at.slice(0, 10), item: `model-${i}`, unit: 'USD', amountMicros: 12_345 + i, source: 'official' })
      }
      ingestPoll(core.context.db, { accountId: id, startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] }, core.context.ingestHooks)
    }
  }
  return ids
}
