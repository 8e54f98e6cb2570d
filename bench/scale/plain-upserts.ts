import type { Database } from 'better-sqlite3'
import type { LedgerFacts } from '../../src/main/core/ledger/facts'

/**
 * The naive baseline for writing a poll's lines: one upsert statement per line into the fact
 * tables (migration 210), in one transaction, nothing derived. The account's number and each
 * distinct name's id are looked up once per call, as any writer of these tables must.
 * `bump` is added to every amount and input count, so a repeated call really changes the lines.
 */
export function plainUpserts(db: Database): (accountId: string, facts: LedgerFacts, at: string, bump?: number) => void {
  const spendUpsert = db.prepare(
    `INSERT INTO spend_facts (account_no, day, item_id, unit, amount_micros, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET amount_micros = excluded.amount_micros, source = excluded.source, updated_at = excluded.updated_at`
  )
  const usageUpsert = db.prepare(
    `INSERT INTO usage_facts (account_no, day, model_id, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, requests, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
       cached_input_tokens = excluded.cached_input_tokens, cache_write_tokens = excluded.cache_write_tokens,
       requests = excluded.requests, source = excluded.source, updated_at = excluded.updated_at`
  )
  const accountNo = db.prepare('SELECT no FROM accounts WHERE id = ?').pluck()
  const addName = db.prepare('INSERT OR IGNORE INTO line_names (name) VALUES (?)')
  const nameId = db.prepare('SELECT id FROM line_names WHERE name = ?').pluck()
  return (accountId, facts, at, bump = 0) => {
    db.transaction(() => {
      const no = accountNo.get(accountId) as number
      const ids = new Map<string, number>()
      const id = (name: string): number => {
        let known = ids.get(name)
        if (known === undefined) {
          addName.run(name)
          known = nameId.get(name) as number
          ids.set(name, known)
        }
        return known
      }
      for (const s of facts.spend) spendUpsert.run(no, s.day, id(s.item), s.unit, s.amountMicros + bump, s.source, at)
      for (const u of facts.usage) usageUpsert.run(no, u.day, id(u.model), u.inputTokens + bump, u.outputTokens, u.cachedInputTokens, u.cacheWriteTokens, u.requests, u.source, at)
    })()
  }
}
