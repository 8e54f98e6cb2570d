import type { Database } from 'better-sqlite3'
import type { EmitEvent } from '../../../shared/contract'

/** How often a long-running core asks SQLite whether another process wrote to the ledger. */
export const LEDGER_WATCH_MS = 1_000

/** A running watcher: `check()` runs one round now (tests), `stop()` ends it. */
export interface LedgerWatcher {
  check(): void
  stop(): void
}

/** What the UI shows, reduced to comparable strings: per account, alerts, and everything global. */
interface Fingerprint {
  accounts: Map<string, string>
  alerts: string
  settings: string
}

/**
 * Small tables whose rows change totals, limits or alerts of every account (rates, plans, rules):
 * a change in any of them refreshes everything.
 */
const SETTINGS_TABLES = [
  'alert_rules',
  'budgets',
  'account_alert_settings',
  'alert_settings',
  'fx_rate_history',
  'user_plans',
  'price_overrides',
  'ledger_settings'
] as const

/**
 * Notices what other processes (`coffer poll` in a terminal, a second `coffer serve`) commit to
 * the ledger and tells this core's listeners, so an open dashboard and the tray refresh without a
 * reload. `PRAGMA data_version` changes only when ANOTHER connection committed, so an idle check
 * costs one pragma a second; only then is the ledger fingerprinted (a few indexed aggregates) and
 * compared, and only what differs is announced: `accounts:changed` with those accounts' ids,
 * `alerts:changed` when alerts did. Comparing contents rather than reacting to every commit
 * matters: listing alerts re-evaluates them and stamps `last_evaluated_at`, so two open
 * dashboards would otherwise wake each other forever.
 */
export function watchLedger(db: Database, emit: EmitEvent, options: { intervalMs?: number } = {}): LedgerWatcher {
  let version = dataVersion(db)
  let known = fingerprint(db)
  let failing = false

  const check = (): void => {
    try {
      const current = dataVersion(db)
      if (current === version) return
      version = current
      const next = fingerprint(db)
      const previous = known
      known = next
      failing = false
      const everything = next.settings !== previous.settings
      const ids = changedAccounts(previous.accounts, next.accounts, everything)
      if (ids.length > 0) emit('accounts:changed', { ids })
      // The renderer re-reads `alerts:list` (and with it the banner). Announcing is left to the
      // process that fired the alert: it marks them notified, so nothing is announced twice.
      if (everything || next.alerts !== previous.alerts) emit('alerts:changed', {})
    } catch (error) {
      // A closed or faulty ledger: say so once, keep trying (the fault may clear).
      if (!failing) console.error('Coffer: watching the ledger for other processes failed:', (error as Error).message)
      failing = true
    }
  }

  const timer = setInterval(check, options.intervalMs ?? LEDGER_WATCH_MS)
  // The watcher never keeps a process alive on its own.
  timer.unref()
  return { check, stop: () => clearInterval(timer) }
}

function dataVersion(db: Database): number {
  return db.pragma('data_version', { simple: true }) as number
}

function changedAccounts(before: Map<string, string>, after: Map<string, string>, everything: boolean): string[] {
  const ids = new Set<string>()
  for (const [id, print] of after) if (everything || before.get(id) !== print) ids.add(id)
  // A removed account changed too: the renderer drops its card.
  for (const id of before.keys()) if (!after.has(id)) ids.add(id)
  return [...ids].sort()
}

type Row = Record<string, unknown>

function fingerprint(db: Database): Fingerprint {
  const accounts = new Map<string, string>()
  for (const row of db.prepare('SELECT * FROM accounts ORDER BY id').all() as Row[]) accounts.set(String(row.id), JSON.stringify(row))
  // Polls and snapshots are appended: the newest id says whether there is anything new. Credit
  // events are also edited and removed (Records page, confirmations), hence the count and sums.
  const perAccount = [
    'SELECT account_id AS id, MAX(id) AS v FROM poll_runs GROUP BY account_id',
    'SELECT account_id AS id, MAX(id) AS v FROM balance_snapshots GROUP BY account_id',
    `SELECT account_id AS id, COUNT(*) || ':' || MAX(id) || ':' || TOTAL(amount_micros) || ':' || TOTAL(confirmed) || ':' ||
            TOTAL(LENGTH(COALESCE(note, '') || COALESCE(expires_at, '') || COALESCE(pending_until, '') || occurred_at)) AS v
       FROM credit_events GROUP BY account_id`
  ]
  for (const sql of perAccount) {
    for (const row of db.prepare(sql).all() as { id: string; v: unknown }[]) {
      const print = accounts.get(row.id)
      if (print !== undefined) accounts.set(row.id, `${print}|${String(row.v)}`)
    }
  }
  // Open alerts as the UI shows them, and how many resolved (a dismissal or a resolution).
  const alerts = db
    .prepare(
      `SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || TOTAL(state = 'resolved') || ':' ||
              COALESCE(GROUP_CONCAT(CASE WHEN state != 'resolved' THEN id || ',' || state || ',' || severity || ',' || message || ',' ||
                COALESCE(snooze_until, '') || ',' || snooze_until_topup || ',' || COALESCE(webhook_status, '') END, '|'), '') AS v
         FROM alerts`
    )
    .pluck()
    .get() as string
  // Rows sorted as text: some of these tables have no rowid to order by.
  const settings = SETTINGS_TABLES.map((table) => (db.prepare(`SELECT * FROM ${table}`).all() as Row[]).map((row) => JSON.stringify(row)).sort().join('\n')).join('\n\n')
  return { accounts, alerts, settings }
}
