import type { Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { useTempDir } from '../../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { ingestBalance, ingestSpend, insertAccount } from '../../../../helpers/ledger-script'

const NOW = new Date('2026-11-21T12:00:00.000Z')

/** Tables that grow with history: no dashboard query may read one of them whole. */
const HISTORY_TABLES = ['spend_facts', 'usage_facts', 'balance_snapshots', 'poll_runs', 'credit_events', 'raw_responses', 'daily_rollups', 'value_lines', 'alerts']
/** Views over a history table (migration 210): their plans name the table itself. */
const HISTORY_VIEWS: Record<string, string> = { spend_lines: 'spend_facts', usage_lines: 'usage_facts' }

/** Every SQL text `db` prepares from now on. */
function recordStatements(db: Database): Set<string> {
  const seen = new Set<string>()
  const prepare = db.prepare.bind(db)
  db.prepare = ((sql: string) => {
    seen.add(sql)
    return prepare(sql)
  }) as Database['prepare']
  return seen
}

/** SQLite's plan for `sql` with every parameter bound to NULL (plans do not depend on values). */
function planOf(db: Database, sql: string): string {
  const withoutStrings = sql.replace(/'(?:[^']|'')*'/g, "''")
  const named = [...withoutStrings.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((match) => match[1] as string)
  const positional = (withoutStrings.match(/\?/g) ?? []).length
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`)
  const args: unknown[] = named.length > 0 ? [Object.fromEntries(named.map((name) => [name, null]))] : Array.from({ length: positional }, () => null)
  return (statement.all(...args) as { detail: string }[]).map((row) => row.detail).join(' | ')
}

/** Names (tables and their aliases) under which `sql` reads a history table. */
function historyNames(sql: string): string[] {
  const names: string[] = []
  for (const [view, table] of Object.entries(HISTORY_VIEWS)) if (new RegExp(`\\b${view}\\b`).test(sql)) names.push(table)
  for (const table of HISTORY_TABLES) {
    if (!new RegExp(`\\b${table}\\b`).test(sql)) continue
    names.push(table)
    for (const match of sql.matchAll(new RegExp(`\\b${table}\\s+(?:AS\\s+)?([a-z]\\w*)\\b`, 'gi'))) {
      const alias = match[1] as string
      if (!/^(WHERE|JOIN|ON|GROUP|ORDER|LEFT|INNER|USING|SET|VALUES|LIMIT|UNION)$/i.test(alias)) names.push(alias)
    }
  }
  return names
}

describe('every query behind the dashboard reads history through an index (at the shape of a 1M-line ledger)', () => {
  const dir = useTempDir()
  let core: Core | null = null
  afterEach(() => {
    core?.close()
    core = null
  })

  it('no full scan of a history table in accounts, overview, alerts, budgets, records, plans, or a poll’s ingest', async () => {
    const c = createTestCore(dir(), { now: () => NOW })
    core = c
    const statements = recordStatements(c.context.db)
    insertAccount(c, 'acc_plansopen1', 'OpenAI', 'openai')
    insertAccount(c, 'acc_plansdeep1', 'DeepSeek', 'deepseek')
    ingestSpend(c, 'acc_plansopen1', '2026-11-20T23:00:00.000Z', [
      ['2026-11-19', 'gpt-5 input', '1.5'],
      ['2026-11-20', 'gpt-5 input', '2.25']
    ])
    ingestBalance(c, 'acc_plansdeep1', '2026-11-19T12:00:00.000Z', '110', 'CNY')
    ingestBalance(c, 'acc_plansdeep1', '2026-11-20T12:00:00.000Z', '100', 'CNY')
    await callOk(c, 'budgets:set', { accountId: null, period: 'month', limit: '100', unit: 'USD', webhookFormat: 'auto' })
    await callOk(c, 'rules:set', { accountId: 'acc_plansdeep1', kind: 'low_balance', below: { amount: '20', unit: 'CNY' }, enabled: true, webhookFormat: 'auto' })
    await callOk(c, 'credits:record', { accountId: 'acc_plansopen1', kind: 'topup', amount: '50', unit: 'USD', at: '2026-11-01T00:00:00Z', expiresAt: '2027-11-01T00:00:00Z' })

    await callOk(c, 'accounts:list', {})
    await callOk(c, 'ledger:overview', { days: 90 })
    await callOk(c, 'alerts:list', {})
    await callOk(c, 'budgets:list', {})
    for (const what of ['spend', 'usage', 'credits', 'polls', 'balances'] as const) await callOk(c, `records:${what}`, { from: '2026-10-23', to: '2026-11-21' })
    await callOk(c, 'plans:compare', { windowDays: 90 })
    await callOk(c, 'ledger:balance-history', { id: 'acc_plansdeep1', days: 90 })

    const scans: string[] = []
    for (const sql of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) continue
      const plan = planOf(c.context.db, sql)
      for (const name of historyNames(sql)) {
        if (new RegExp(`\\bSCAN ${name}\\b(?! USING)`).test(plan)) scans.push(`${plan}\n    in: ${sql.replace(/\s+/g, ' ').slice(0, 240)}`)
      }
    }
    expect(statements.size).toBeGreaterThan(40)
    expect(scans).toEqual([])
  })
})
