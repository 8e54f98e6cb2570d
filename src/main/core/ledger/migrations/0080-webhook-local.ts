import type { Migration } from './migration'

/**
 * Issue 11 (where alerts may go): a webhook reaches this machine, the local network or a
 * link-local address (169.254.169.254, 10.0.0.1, https://127.0.0.1, or a name that resolves there)
 * only when the user allows it for that rule or budget. `webhook_allow_local` holds that choice on
 * rules and budgets, and on each alert (copied when it fires, like its URL and format).
 *
 * Webhooks already set keep working where they were meant to: an `http://` URL could only point at
 * this machine (a local ntfy: the old rule allowed plain http to 127.0.0.1, ::1 and localhost
 * only), so those are marked allowed. An `https://` URL to a local or link-local address was never
 * a deliberate choice the old rule asked for, so it is refused from now on until the user allows it.
 */
export const webhookLocalSchema: Migration = {
  version: 80,
  name: 'webhook-local',
  up: (db) => {
    db.exec(`
      ALTER TABLE alert_rules ADD COLUMN webhook_allow_local INTEGER NOT NULL DEFAULT 0 CHECK (webhook_allow_local IN (0, 1));
      ALTER TABLE budgets ADD COLUMN webhook_allow_local INTEGER NOT NULL DEFAULT 0 CHECK (webhook_allow_local IN (0, 1));
      ALTER TABLE alerts ADD COLUMN webhook_allow_local INTEGER NOT NULL DEFAULT 0 CHECK (webhook_allow_local IN (0, 1));
      UPDATE alert_rules SET webhook_allow_local = 1 WHERE lower(webhook_url) LIKE 'http://%';
      UPDATE budgets SET webhook_allow_local = 1 WHERE lower(webhook_url) LIKE 'http://%';
      UPDATE alerts SET webhook_allow_local = 1 WHERE lower(webhook_url) LIKE 'http://%';
    `)
  }
}
