import type { Database } from 'better-sqlite3'
import { cached } from './statements'
import type { ProviderId } from '../../../shared/providers'

/** An account as stored: never a secret, only a masked hint of the key. */
export interface AccountRecord {
  id: string
  provider: ProviderId
  label: string
  /** `null` = the provider's documented origin. */
  baseUrl: string | null
  options: Record<string, string>
  pollIntervalMinutes: number
  keyHint: string | null
  createdAt: string
}

interface AccountRow {
  id: string
  provider: string
  label: string
  base_url: string | null
  options_json: string
  poll_interval_minutes: number
  key_hint: string | null
  created_at: string
}

function fromRow(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    provider: row.provider as ProviderId,
    label: row.label,
    baseUrl: row.base_url,
    options: JSON.parse(row.options_json) as Record<string, string>,
    pollIntervalMinutes: row.poll_interval_minutes,
    keyHint: row.key_hint,
    createdAt: row.created_at
  }
}

/** Reads and writes the `accounts` table. */
export class AccountsRepo {
  constructor(private readonly db: Database) {}

  list(): AccountRecord[] {
    const rows = cached(this.db, 'SELECT * FROM accounts ORDER BY created_at, label').all() as AccountRow[]
    return rows.map(fromRow)
  }

  get(id: string): AccountRecord | undefined {
    const row = cached(this.db, 'SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined
    return row && fromRow(row)
  }

  /** Finds by id, or by label (case-insensitive), as the CLI's `ID|LABEL` arguments do. */
  find(idOrLabel: string): AccountRecord | undefined {
    const row = cached(this.db, 'SELECT * FROM accounts WHERE id = ? OR label = ? COLLATE NOCASE')
      .get(idOrLabel, idOrLabel) as AccountRow | undefined
    return row && fromRow(row)
  }

  labelTaken(label: string, exceptId?: string): boolean {
    const row = cached(this.db, 'SELECT 1 FROM accounts WHERE label = ? COLLATE NOCASE AND id IS NOT ?')
      .get(label, exceptId ?? null)
    return row !== undefined
  }

  insert(account: AccountRecord): void {
    cached(this.db,
        `INSERT INTO accounts (id, provider, label, base_url, options_json, poll_interval_minutes, key_hint, created_at)
         VALUES (@id, @provider, @label, @baseUrl, @options, @pollIntervalMinutes, @keyHint, @createdAt)`
      )
      .run({ ...account, options: JSON.stringify(account.options) })
  }

  update(account: AccountRecord): void {
    cached(this.db,
        `UPDATE accounts SET label = @label, base_url = @baseUrl, options_json = @options,
           poll_interval_minutes = @pollIntervalMinutes, key_hint = @keyHint WHERE id = @id`
      )
      .run({ ...account, options: JSON.stringify(account.options) })
  }

  /** Deletes the account; its snapshots, lines, events and poll runs go with it (ON DELETE CASCADE). */
  remove(id: string): boolean {
    return cached(this.db, 'DELETE FROM accounts WHERE id = ?').run(id).changes > 0
  }
}
