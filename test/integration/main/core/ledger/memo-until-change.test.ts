import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ledgerVersion, memoUntilChange } from '../../../../../src/main/core/ledger/statements'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('coffer-memo-')
const open: BetterSqlite3.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

function connect(path: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(path)
  db.pragma('journal_mode = WAL')
  open.push(db)
  return db
}

describe('memoUntilChange: a read kept only while the ledger is unchanged', () => {
  it('keeps the value across reads, and drops it after this connection writes, even in a rolled-back transaction', () => {
    const db = connect(join(tempDir(), 'coffer.db'))
    db.exec('CREATE TABLE t (v INTEGER)')
    let reads = 0
    const read = (): number => memoUntilChange(db, 'sum', () => (reads++, (db.prepare('SELECT COALESCE(SUM(v), 0) AS s FROM t').get() as { s: number }).s))

    expect([read(), read(), read()]).toEqual([0, 0, 0])
    expect(reads).toBe(1)
    db.prepare('INSERT INTO t VALUES (5)').run()
    expect(read()).toBe(5)
    expect(reads).toBe(2)
    try {
      db.transaction(() => {
        db.prepare('INSERT INTO t VALUES (7)').run()
        throw new Error('roll back')
      })()
    } catch {
      // rolled back: the value is the same, read again all the same
    }
    expect(read()).toBe(5)
    expect(reads).toBe(3)
  })

  it('drops the value when another process commits (PRAGMA data_version)', () => {
    const path = join(tempDir(), 'coffer.db')
    const db = connect(path)
    db.exec('CREATE TABLE t (v INTEGER)')
    const other = connect(path)
    const read = (): number => memoUntilChange(db, 'count', () => (db.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n)

    expect(read()).toBe(0)
    const before = ledgerVersion(db)
    other.prepare('INSERT INTO t VALUES (1)').run()
    expect(ledgerVersion(db)).not.toBe(before)
    expect(read()).toBe(1)
  })

  it('keeps values of different keys apart', () => {
    const db = connect(join(tempDir(), 'coffer.db'))
    expect(memoUntilChange(db, 'a', () => 'A')).toBe('A')
    expect(memoUntilChange(db, 'b', () => 'B')).toBe('B')
    expect(memoUntilChange(db, 'a', () => 'not read again')).toBe('A')
  })
})
