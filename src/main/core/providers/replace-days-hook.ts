import type { IngestHook } from '../ledger/ingest'
import { refreshRollups } from '../ledger/rollups'

interface LineKey {
  day: string
  item: string
  unit: string
}

/**
 * When an adapter says its answer for a range of days is complete (`facts.replaceDays`: OpenAI,
 * Anthropic, xAI, Fireworks), official spend and usage lines of those days that the answer no
 * longer contains are removed: a provider that re-attributes a day (a line item renamed, a model
 * merged) leaves exactly its newest figures, never old and new side by side. Runs in the ingest
 * transaction before the ledger's own hook, and refreshes the rollups of days it changed.
 */
export const replaceDaysHook: IngestHook = (db, record) => {
  const range = record.status === 'ok' ? record.facts?.replaceDays : undefined
  if (!range || !record.facts) return
  const args = [record.accountId, range.from, range.to] as const
  const keep = new Set(record.facts.spend.map((line) => JSON.stringify([line.day, line.item, line.unit])))
  const spend = db
    .prepare(`SELECT day, item, unit FROM spend_lines WHERE account_id = ? AND source = 'official' AND day BETWEEN ? AND ?`)
    .all(...args) as LineKey[]
  const dropSpend = db.prepare(`DELETE FROM spend_lines WHERE account_id = ? AND day = ? AND item = ? AND unit = ? AND source = 'official'`)
  const changed = new Set<string>()
  for (const line of spend) {
    if (keep.has(JSON.stringify([line.day, line.item, line.unit]))) continue
    dropSpend.run(record.accountId, line.day, line.item, line.unit)
    changed.add(line.day)
  }
  const keepModels = new Set(record.facts.usage.map((line) => JSON.stringify([line.day, line.model])))
  const usage = db
    .prepare(`SELECT day, model FROM usage_lines WHERE account_id = ? AND source = 'official' AND day BETWEEN ? AND ?`)
    .all(...args) as { day: string; model: string }[]
  const dropUsage = db.prepare(`DELETE FROM usage_lines WHERE account_id = ? AND day = ? AND model = ? AND source = 'official'`)
  for (const line of usage) {
    if (keepModels.has(JSON.stringify([line.day, line.model]))) continue
    dropUsage.run(record.accountId, line.day, line.model)
    changed.add(line.day)
  }
  if (changed.size > 0) refreshRollups(db, record.accountId, changed)
}
