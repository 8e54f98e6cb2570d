import type { Migration } from './migration'

/**
 * Plan comparison (issue 6): the user's own and edited plans (validated JSON, same schema as the
 * catalog) and their per-token price overrides (USD per million tokens, decimal text).
 */
export const plansSchema: Migration = {
  version: 40,
  name: 'plans',
  up: (db) => {
    db.exec(`
      CREATE TABLE user_plans (
        id         TEXT PRIMARY KEY,
        plan_json  TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE price_overrides (
        provider_id      TEXT NOT NULL,
        model            TEXT NOT NULL COLLATE NOCASE,
        input_mtok       TEXT NOT NULL,
        output_mtok      TEXT NOT NULL,
        cache_read_mtok  TEXT,
        cache_write_mtok TEXT,
        updated_at       TEXT NOT NULL,
        PRIMARY KEY (provider_id, model)
      ) STRICT;
    `)
  }
}
