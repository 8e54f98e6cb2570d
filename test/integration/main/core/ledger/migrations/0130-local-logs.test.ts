import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../../../src/main/core/ledger/migrate'
import { migrations } from '../../../../../../src/main/core/ledger/migrations'
import { useMigrationLedgers } from '../../../../../helpers/migration-ledgers'

const { tempDir, track } = useMigrationLedgers()

const NOW = '2026-11-21T12:00:00.000Z'

/** A ledger as the previous version wrote it (every step before 130), with official usage lines. */
function previousVersionLedger(path: string): void {
  const db = new BetterSqlite3(path)
  migrate(
    db,
    migrations.filter((step) => step.version < 130)
  )
  db.prepare(
    `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at) VALUES ('acc_openai0001', 'openai', 'OpenAI', NULL, '{}', 15, NULL, ?)`
  ).run(NOW)
  const usage = db.prepare(
    `INSERT INTO usage_lines (account_id, day, model, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, requests, source, updated_at)
     VALUES ('acc_openai0001', ?, ?, ?, ?, ?, ?, ?, 'official', ?)`
  )
  // A trigger another step might have put on usage_lines must survive the rebuild.
  db.exec(`CREATE TABLE usage_audit (n INTEGER NOT NULL); CREATE TRIGGER usage_audit_insert AFTER INSERT ON usage_lines BEGIN INSERT INTO usage_audit VALUES (1); END;`)
  usage.run('2026-11-20', 'gpt-5', 1000, 200, 300, 0, 4, NOW)
  usage.run('2026-11-21', 'gpt-5-mini', 50, 5, 0, 0, 1, NOW)
  expect(() => usage.run('2026-11-21', 'x', 1, 1, 0, 0, 1, NOW).changes).not.toThrow()
  expect(() =>
    db.prepare(`INSERT INTO usage_lines (account_id, day, model, source, updated_at) VALUES ('acc_openai0001', '2026-11-22', 'y', 'local', ?)`).run(NOW)
  ).toThrow(/CHECK constraint failed/)
  db.close()
}

describe('migration 130: local log usage', () => {
  it('keeps every usage line of a ledger written by the previous version, accepts source local and reasoning tokens, and adds the offset, seen and value tables', () => {
    const path = join(tempDir(), 'coffer.db')
    previousVersionLedger(path)
    const db = new BetterSqlite3(path)
    track(db)
    db.pragma('foreign_keys = ON')
    // Up to this step: a later one (190) drops the day index this test checks the rebuild kept.
    expect(migrate(db, migrations.filter((step) => step.version <= 130))).toBe(130)

    expect(db.prepare('SELECT day, model, input_tokens AS i, output_tokens AS o, cached_input_tokens AS c, requests AS r, reasoning_tokens AS z, source FROM usage_lines ORDER BY day, model').all()).toEqual([
      { day: '2026-11-20', model: 'gpt-5', i: 1000, o: 200, c: 300, r: 4, z: 0, source: 'official' },
      { day: '2026-11-21', model: 'gpt-5-mini', i: 50, o: 5, c: 0, r: 1, z: 0, source: 'official' },
      { day: '2026-11-21', model: 'x', i: 1, o: 1, c: 0, r: 1, z: 0, source: 'official' }
    ])
    // The index of step 90 survived the rebuild; the primary key still holds.
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'usage_lines' AND sql IS NOT NULL`).all()).toEqual([{ name: 'usage_lines_by_day' }])
    expect(() =>
      db.prepare(`INSERT INTO usage_lines (account_id, day, model, source, updated_at) VALUES ('acc_openai0001', '2026-11-20', 'gpt-5', 'local', ?)`).run(NOW)
    ).toThrow(/UNIQUE/)
    db.prepare(`INSERT INTO usage_lines (account_id, day, model, reasoning_tokens, source, updated_at) VALUES ('acc_openai0001', '2026-11-22', 'gpt-5', 7, 'local', ?)`).run(NOW)
    // 3 inserts before the migration, 1 after: the trigger still fires.
    expect(db.prepare('SELECT COUNT(*) AS n FROM usage_audit').get()).toEqual({ n: 4 })
    expect(() => db.prepare(`INSERT INTO usage_lines (account_id, day, model, source, updated_at) VALUES ('acc_openai0001', '2026-11-23', 'gpt-5', 'guessed', ?)`).run(NOW)).toThrow(
      /CHECK constraint failed/
    )
    // Other tables keep their narrower constraint: only usage lines are ever local.
    expect(() =>
      db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES ('acc_openai0001', '2026-11-22', 'x', 'USD', 1, 'local', ?)`).run(NOW)
    ).toThrow(/CHECK constraint failed/)

    db.prepare(
      `INSERT INTO local_log_files (account_id, path, offset_bytes, size_bytes, head_length, head_hash, updated_at) VALUES ('acc_openai0001', '/logs/a.jsonl', 10, 10, 10, 'h', ?)`
    ).run(NOW)
    db.prepare(
      `INSERT INTO value_lines (account_id, day, model, unit, amount_micros, source, updated_at) VALUES ('acc_openai0001', '2026-11-22', 'gpt-5', 'USD', NULL, 'derived', ?)`
    ).run(NOW)
    expect(() =>
      db.prepare(`INSERT INTO value_lines (account_id, day, model, unit, amount_micros, source, updated_at) VALUES ('acc_openai0001', '2026-11-23', 'gpt-5', 'USD', 1, 'official', ?)`).run(NOW)
    ).toThrow(/CHECK constraint failed/)
    // Removing the account removes what was read for it.
    db.prepare(`DELETE FROM accounts WHERE id = 'acc_openai0001'`).run()
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM usage_lines) + (SELECT COUNT(*) FROM local_log_files) + (SELECT COUNT(*) FROM value_lines) AS n').get()).toEqual({ n: 0 })
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
