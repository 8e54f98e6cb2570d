import type { Migration } from './migration'

/** A trigger body: drop the checkpoints of (`account`, `unit`) that an input at `instant` falls inside. */
function dropCheckpointsBefore(account: string, unit: string, instant: string): string {
  // Why the day of margin and NOT (… >= …): a checkpoint holds every step before `through`, and an
  // input written with an offset, or not a date at all (julianday → NULL), must still drop it.
  return `DELETE FROM lot_checkpoints WHERE account_id = ${account} AND unit = ${unit} AND NOT (julianday(${instant}) >= julianday(through) + 1);`
}

/** A trigger body: drop the checkpoints whose days include `day` (a day's spend counts at its end). */
function dropCheckpointsByDay(account: string, unit: string, day: string): string {
  return `DELETE FROM lot_checkpoints WHERE account_id = ${account} AND unit = ${unit} AND NOT (${day} > substr(through, 1, 10));`
}

/**
 * Issue 10 (reads that do not grow with history):
 * - `usage_lines_by_day`: the Records usage tab, its totals and model list, and the plans workload
 *   read a range of days; without it each scanned the whole table.
 * - `balance_snapshots_other`: the newest derived or manual figure per (unit, kind) is one index
 *   seek instead of a walk over every snapshot the account ever had.
 * - `lot_checkpoints`: the credit-lot replay (credit-lots.ts) stopped at an instant about a week
 *   back, so reads replay only the days since. Triggers on every input of the replay (credit events,
 *   daily rollups, official balance readings) drop a checkpoint that an insert, change or delete
 *   before its instant makes wrong, whichever code path (or hand edit) wrote it; the next read
 *   replays the whole history once and saves a new one.
 * Nothing existing changes: the table starts empty and fills on first read.
 */
export const historyIndependentReadsSchema: Migration = {
  version: 90,
  name: 'history-independent-reads',
  up: (db) => {
    db.exec(`
      CREATE INDEX usage_lines_by_day ON usage_lines (day, account_id);
      CREATE INDEX balance_snapshots_other ON balance_snapshots (account_id, unit, kind, observed_at, id)
        WHERE source IN ('derived', 'manual');

      CREATE TABLE lot_checkpoints (
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        unit       TEXT NOT NULL,
        through    TEXT NOT NULL,
        state_json TEXT NOT NULL,
        PRIMARY KEY (account_id, unit)
      ) STRICT;

      CREATE TRIGGER lot_checkpoints_credit_insert AFTER INSERT ON credit_events BEGIN
        ${dropCheckpointsBefore('NEW.account_id', 'NEW.unit', 'NEW.occurred_at')}
      END;
      CREATE TRIGGER lot_checkpoints_credit_update AFTER UPDATE ON credit_events BEGIN
        ${dropCheckpointsBefore('OLD.account_id', 'OLD.unit', 'OLD.occurred_at')}
        ${dropCheckpointsBefore('NEW.account_id', 'NEW.unit', 'NEW.occurred_at')}
      END;
      CREATE TRIGGER lot_checkpoints_credit_delete AFTER DELETE ON credit_events BEGIN
        ${dropCheckpointsBefore('OLD.account_id', 'OLD.unit', 'OLD.occurred_at')}
      END;

      CREATE TRIGGER lot_checkpoints_rollup_insert AFTER INSERT ON daily_rollups BEGIN
        ${dropCheckpointsByDay('NEW.account_id', 'NEW.unit', 'NEW.day')}
      END;
      CREATE TRIGGER lot_checkpoints_rollup_update AFTER UPDATE ON daily_rollups BEGIN
        ${dropCheckpointsByDay('OLD.account_id', 'OLD.unit', 'OLD.day')}
        ${dropCheckpointsByDay('NEW.account_id', 'NEW.unit', 'NEW.day')}
      END;
      CREATE TRIGGER lot_checkpoints_rollup_delete AFTER DELETE ON daily_rollups BEGIN
        ${dropCheckpointsByDay('OLD.account_id', 'OLD.unit', 'OLD.day')}
      END;

      CREATE TRIGGER lot_checkpoints_reading_insert AFTER INSERT ON balance_snapshots
        WHEN NEW.kind = 'total' AND NEW.source = 'official' BEGIN
        ${dropCheckpointsBefore('NEW.account_id', 'NEW.unit', 'NEW.observed_at')}
      END;
      CREATE TRIGGER lot_checkpoints_reading_update AFTER UPDATE ON balance_snapshots BEGIN
        ${dropCheckpointsBefore('OLD.account_id', 'OLD.unit', 'OLD.observed_at')}
        ${dropCheckpointsBefore('NEW.account_id', 'NEW.unit', 'NEW.observed_at')}
      END;
      CREATE TRIGGER lot_checkpoints_reading_delete AFTER DELETE ON balance_snapshots
        WHEN OLD.kind = 'total' AND OLD.source = 'official' BEGIN
        ${dropCheckpointsBefore('OLD.account_id', 'OLD.unit', 'OLD.observed_at')}
      END;
    `)
  }
}
