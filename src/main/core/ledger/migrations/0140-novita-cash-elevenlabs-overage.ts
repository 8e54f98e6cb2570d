import type { Migration } from './migration'

/**
 * Issue 13.8 / 13.9 change what two adapters record, and the ledger's history is rewritten to the
 * new meaning so the first poll after the upgrade does not read as a change of balance (derived
 * spend and detected top-ups compare consecutive `total` snapshots):
 *
 * - Novita: `total` was availableBalance (cash + credit line), `paid` the cash and `limit` the
 *   credit limit. Now `total` is the cash and the credit limit is `credit_line`: each old `total`
 *   takes the `paid` figure of the same poll, `limit` becomes `credit_line` and `paid` goes.
 *   Differences between old totals are unchanged while the credit limit stayed the same, so the
 *   spend already derived from them still holds.
 * - ElevenLabs: a quota overrun was a negative `total`. Now `total` is 0 and the excess is an
 *   `overage` figure of the same poll (with the same reset time).
 *
 * Updating snapshots fires the credit-lot checkpoint triggers of migration 90, as it should.
 */
export const novitaCashElevenlabsOverageSchema: Migration = {
  version: 140,
  name: 'novita-cash-elevenlabs-overage',
  up: (db) => {
    db.exec(`
      UPDATE balance_snapshots AS t
         SET amount_micros = (
           SELECT p.amount_micros FROM balance_snapshots AS p
            WHERE p.account_id = t.account_id AND p.poll_run_id = t.poll_run_id AND p.unit = t.unit
              AND p.kind = 'paid' AND p.source = 'official'
            ORDER BY p.id LIMIT 1)
       WHERE t.kind = 'total' AND t.source = 'official' AND t.poll_run_id IS NOT NULL
         AND t.account_id IN (SELECT id FROM accounts WHERE provider = 'novita')
         AND EXISTS (
           SELECT 1 FROM balance_snapshots AS p
            WHERE p.account_id = t.account_id AND p.poll_run_id = t.poll_run_id AND p.unit = t.unit
              AND p.kind = 'paid' AND p.source = 'official');
      UPDATE balance_snapshots SET kind = 'credit_line'
       WHERE kind = 'limit' AND source = 'official' AND account_id IN (SELECT id FROM accounts WHERE provider = 'novita');
      DELETE FROM balance_snapshots
       WHERE kind = 'paid' AND source = 'official' AND account_id IN (SELECT id FROM accounts WHERE provider = 'novita');

      INSERT INTO balance_snapshots (account_id, poll_run_id, observed_at, unit, kind, amount_micros, source, resets_at)
        SELECT account_id, poll_run_id, observed_at, unit, 'overage', -amount_micros, source, resets_at
          FROM balance_snapshots
         WHERE kind = 'total' AND source = 'official' AND amount_micros < 0
           AND account_id IN (SELECT id FROM accounts WHERE provider = 'elevenlabs');
      UPDATE balance_snapshots SET amount_micros = 0
       WHERE kind = 'total' AND source = 'official' AND amount_micros < 0
         AND account_id IN (SELECT id FROM accounts WHERE provider = 'elevenlabs');
    `)
  }
}
