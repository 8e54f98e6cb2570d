import type { Migration } from './migration'

/**
 * Budgets, alert rules, alert state and alert settings (issue 5). Alert rows are the history: a
 * condition that is crossed opens one row, which is later snoozed, dismissed or resolved; the next
 * crossing opens a new row. `condition_key` names the condition (rule, budget threshold and window,
 * rejected key…); at most one row per key is "open" (not resolved, or dismissed but still latched
 * because its condition has not cleared yet), which is what makes an alert fire once per crossing.
 */
export const alertsSchema: Migration = {
  version: 30,
  name: 'alerts',
  up: (db) => {
    db.exec(`
      CREATE TABLE budgets (
        id             INTEGER PRIMARY KEY,
        account_id     TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        period         TEXT NOT NULL CHECK (period IN ('day', 'week', 'month')),
        limit_micros   INTEGER NOT NULL CHECK (limit_micros > 0),
        unit           TEXT NOT NULL,
        thresholds_json TEXT NOT NULL DEFAULT '[50,80,100]',
        webhook_url    TEXT,
        webhook_format TEXT NOT NULL DEFAULT 'auto' CHECK (webhook_format IN ('auto', 'ntfy', 'slack', 'json')),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      -- One budget per scope (an account, or global = NULL), period and unit.
      CREATE UNIQUE INDEX budgets_scope ON budgets (IFNULL(account_id, ''), period, unit);

      CREATE TABLE alert_rules (
        id               INTEGER PRIMARY KEY,
        account_id       TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind             TEXT NOT NULL CHECK (kind IN ('low_balance', 'runway', 'expiring_credit')),
        threshold_micros INTEGER,
        unit             TEXT,
        days             INTEGER,
        enabled          INTEGER NOT NULL DEFAULT 1,
        webhook_url      TEXT,
        webhook_format   TEXT NOT NULL DEFAULT 'auto' CHECK (webhook_format IN ('auto', 'ntfy', 'slack', 'json')),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        CHECK ((kind = 'low_balance' AND threshold_micros IS NOT NULL) OR (kind <> 'low_balance' AND days IS NOT NULL))
      ) STRICT;
      -- One rule of each kind per account: setting a rule again replaces it.
      CREATE UNIQUE INDEX alert_rules_per_kind ON alert_rules (account_id, kind);

      CREATE TABLE alerts (
        id                 INTEGER PRIMARY KEY,
        condition_key      TEXT NOT NULL,
        account_id         TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        rule_id            INTEGER REFERENCES alert_rules(id) ON DELETE SET NULL,
        budget_id          INTEGER REFERENCES budgets(id) ON DELETE SET NULL,
        kind               TEXT NOT NULL CHECK (kind IN ('low_balance', 'runway', 'budget', 'expiring_credit',
                             'auth_failed', 'topup_detected')),
        severity           TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        state              TEXT NOT NULL CHECK (state IN ('active', 'snoozed', 'resolved')),
        message            TEXT NOT NULL,
        fired_at           TEXT NOT NULL,
        resolved_at        TEXT,
        snooze_until       TEXT,
        snooze_until_topup INTEGER NOT NULL DEFAULT 0,
        snoozed_at         TEXT,
        dismissed_at       TEXT,
        latched            INTEGER NOT NULL DEFAULT 0,
        last_value_micros  INTEGER,
        last_value_unit    TEXT,
        last_evaluated_at  TEXT NOT NULL,
        notified_at        TEXT,
        webhook_url        TEXT,
        webhook_format     TEXT,
        webhook_status     TEXT CHECK (webhook_status IN ('pending', 'sent', 'failed')),
        webhook_error      TEXT
      ) STRICT;
      CREATE UNIQUE INDEX alerts_open_condition ON alerts (condition_key) WHERE state <> 'resolved' OR latched = 1;
      CREATE INDEX alerts_by_fired ON alerts (fired_at);
      CREATE INDEX alerts_by_account ON alerts (account_id, fired_at);

      -- Per-account alert settings (no secrets): auto-reload, whether default rules were offered.
      CREATE TABLE account_alert_settings (
        account_id       TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        auto_reload      INTEGER NOT NULL DEFAULT 0,
        defaults_applied INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- App-wide alert settings as JSON values (quiet hours…).
      CREATE TABLE alert_settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;
    `)
  }
}
