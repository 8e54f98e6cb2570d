import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { queryRecords, toCsv, writeExport } from '../../../../../src/main/core/ledger/export-records'
import type { ParsedFilter } from '../../../../../src/main/core/ledger/records-queries'
import { useTempDir } from '../../../../helpers/temp-dir'
import { createTestCore } from '../../../../helpers/test-core'
import { ingestSpend, insertAccount } from '../../../../helpers/ledger-script'

const A = 'acc_streamaaa1'
const NOW = new Date('2026-03-10T12:00:00.000Z')
const ALL: ParsedFilter = { accountIds: [], types: [], sort: 'date', dir: 'desc', limit: null }

describe('exports stream their rows (issue 10.4)', () => {
  const dir = useTempDir()
  let core: Core | null = null
  afterEach(() => {
    core?.close()
    core = null
  })
  const seeded = (lines: number): Core => {
    const c = createTestCore(dir(), { now: () => NOW })
    core = c
    insertAccount(c, A, 'Team "A", EU', 'openai')
    const rows: [string, string, string][] = []
    for (let i = 0; i < lines; i++) rows.push([`2026-03-0${1 + (i % 9)}`, `=item ${i}, "quoted"`, `${i}.000001`])
    ingestSpend(c, A, '2026-03-09T23:00:00.000Z', rows)
    return c
  }

  it('CSV arrives in chunks of about 64 KB that add up to exactly the rows the records page shows', () => {
    const c = seeded(3000)
    const chunks: string[] = []
    const info = writeExport(c.context.db, 'spend', 'csv', ALL, NOW, (chunk) => chunks.push(chunk))

    expect(info).toEqual({ filename: 'coffer-spend-start-to-2026-03-10.csv', mimeType: 'text/csv;charset=utf-8', rows: 3000 })
    expect(chunks.length).toBeGreaterThan(2)
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024)
    expect(chunks.join('')).toBe(toCsv('spend', queryRecords(c.context.db, 'spend', ALL).rows))
  })

  it('JSON is one valid pretty-printed document: what, exportedAt, filter, every row, summary', () => {
    const c = seeded(500)
    const chunks: string[] = []
    writeExport(c.context.db, 'spend', 'json', { ...ALL, from: '2026-03-02' }, NOW, (chunk) => chunks.push(chunk))
    const text = chunks.join('')
    const page = queryRecords(c.context.db, 'spend', { ...ALL, from: '2026-03-02' })
    const document = JSON.parse(text) as { rows: Record<string, unknown>[] }

    // Exactly what JSON.stringify(…, null, 2) writes for the same document, byte for byte.
    expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`)
    expect(Object.keys(document)).toEqual(['what', 'exportedAt', 'filter', 'rows', 'summary'])
    expect(document).toMatchObject({ what: 'spend', exportedAt: NOW.toISOString(), filter: { from: '2026-03-02' }, summary: page.summary })
    expect(document.rows).toHaveLength(page.rows.length)
    expect(document.rows[0]).toEqual({ date: '2026-03-09', account: 'Team "A", EU', account_id: A, item: expect.stringMatching(/^=item /), amount: expect.any(String), unit: 'USD', source: 'official' })
  })

  it('an export with no rows is still a valid document', () => {
    const c = seeded(1)
    const chunks: string[] = []
    const info = writeExport(c.context.db, 'usage', 'json', ALL, NOW, (chunk) => chunks.push(chunk))
    expect(info.rows).toBe(0)
    const document = JSON.parse(chunks.join('')) as { rows: unknown[] }
    expect(document.rows).toEqual([])
    expect(chunks.join('')).toBe(`${JSON.stringify(document, null, 2)}\n`)
  })
})
