import type { Database } from 'better-sqlite3'
import type { IngestHook } from '../ledger/ingest'
import { refreshRollups } from '../ledger/rollups'
import { cached } from '../ledger/statements'

/**
 * When an adapter says which days its answer covers completely (`facts.replaceDays`: the days of
 * the buckets OpenAI, Anthropic and xAI returned, the days Fireworks summarised), official spend
 * and usage lines of those days that the answer no longer contains are removed: a provider that
 * re-attributes a day (a line item renamed, a model merged) leaves exactly its newest figures,
 * never old and new side by side. Days the answer does not cover are left alone. Runs in the
 * ingest transaction before the ledger's own hook, and refreshes the rollups of days it changed.
 */
export const replaceDaysHook: IngestHook = (db, record) => {
  const days = record.status === 'ok' ? record.facts?.replaceDays : undefined
  if (!days || !record.facts) return
  const changed = new Set<string>()
  const spendKeep = new Set(record.facts.spend.map((line) => JSON.stringify([line.day, line.item, line.unit])))
  for (const row of officialRows(db, 'spend_lines', 'item, unit', record.accountId, days.spend)) {
    const { day, item, unit } = row as { day: string; item: string; unit: string }
    if (spendKeep.has(JSON.stringify([day, item, unit]))) continue
    cached(db, `DELETE FROM spend_lines WHERE account_id = ? AND day = ? AND item = ? AND unit = ? AND source = 'official'`).run(record.accountId, day, item, unit)
    changed.add(day)
  }
  const usageKeep = new Set(record.facts.usage.map((line) => JSON.stringify([line.day, line.model])))
  for (const row of officialRows(db, 'usage_lines', 'model', record.accountId, days.usage)) {
    const { day, model } = row as { day: string; model: string }
    if (usageKeep.has(JSON.stringify([day, model]))) continue
    cached(db, `DELETE FROM usage_lines WHERE account_id = ? AND day = ? AND model = ? AND source = 'official'`).run(record.accountId, day, model)
    changed.add(day)
  }
  if (changed.size > 0) refreshRollups(db, record.accountId, changed)
}

function officialRows(db: Database, table: 'spend_lines' | 'usage_lines', columns: string, accountId: string, days: readonly string[] | undefined): unknown[] {
  if (!days || days.length === 0) return []
  return cached(db, `SELECT day, ${columns} FROM ${table} WHERE account_id = ? AND source = 'official' AND day IN (SELECT value FROM json_each(?))`).all(accountId, JSON.stringify([...new Set(days)]))
}
