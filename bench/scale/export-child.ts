import { closeSync, openSync, writeSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { csvField, writeExport } from '../../src/main/core/ledger/export-records'
import { microsToDecimal } from '../../src/shared/money'

/**
 * One export in a process of its own, so its memory is its own: `coffer`'s streamed CSV export
 * (`writeExport`, as `coffer export --out` runs it), or the naive baseline, a plain SELECT → CSV
 * loop writing the same file. Prints `{ ms, rows, rssDeltaMb }` (peak RSS over RSS at the start).
 *
 *   node --import tsx bench/scale/export-child.ts LEDGER FROM_DAY OUT coffer|plain
 */
const [ledger, from, out, mode] = process.argv.slice(2) as [string, string, string, 'coffer' | 'plain']
const db = new BetterSqlite3(ledger, { readonly: true })
const startRss = process.memoryUsage().rss
const fd = openSync(out, 'w', 0o600)
const started = performance.now()
let rows = 0
if (mode === 'coffer') {
  rows = writeExport(db, 'spend', 'csv', { from, accountIds: [], types: [], sort: 'date', dir: 'desc', limit: null }, new Date(), (chunk) => writeSync(fd, chunk)).rows
} else {
  writeSync(fd, 'date,account,account_id,item,amount,unit,source\r\n')
  const statement = db.prepare(
    `SELECT t.day, a.label, t.account_id, t.item, t.amount_micros, t.unit, t.source FROM spend_lines t JOIN accounts a ON a.id = t.account_id
     WHERE t.day >= ? ORDER BY t.day DESC, a.label, t.item`
  )
  let buffer = ''
  for (const row of statement.iterate(from) as IterableIterator<{ day: string; label: string; account_id: string; item: string; amount_micros: number; unit: string; source: string }>) {
    // The same text as Coffer's export, so the two answers are the same file.
    buffer += `${[row.day, row.label, row.account_id, row.item, microsToDecimal(row.amount_micros), row.unit, row.source].map(csvField).join(',')}\r\n`
    rows += 1
    if (buffer.length > 65_536) {
      writeSync(fd, buffer)
      buffer = ''
    }
  }
  writeSync(fd, buffer)
}
closeSync(fd)
const ms = performance.now() - started
const peak = process.resourceUsage().maxRSS * 1024
console.log(JSON.stringify({ ms: Math.round(ms), rows, rssDeltaMb: Math.round(((peak - startRss) / 1e6) * 10) / 10 }))
db.close()
