import type { Database } from 'better-sqlite3'
import { planSchema, type Plan } from '../../../shared/plan-catalog'
import type { PriceOverride } from './price-book'

/** The user's plans and price overrides in the ledger (migration 0040). */
export class PlansRepo {
  constructor(private readonly db: Database) {}

  /** Every user plan, oldest first. A row that no longer validates is skipped, not fatal. */
  listPlans(): Plan[] {
    const rows = this.db.prepare('SELECT id, plan_json AS json FROM user_plans ORDER BY rowid').all() as { id: string; json: string }[]
    const plans: Plan[] = []
    for (const row of rows) {
      const parsed = planSchema.safeParse(safeJson(row.json))
      if (parsed.success) plans.push(parsed.data)
      else console.error(`Coffer: skipping stored plan ${row.id}: it no longer matches the plan schema.`)
    }
    return plans
  }

  hasPlan(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM user_plans WHERE id = ?').get(id) !== undefined
  }

  savePlan(plan: Plan, at: string): void {
    this.db
      .prepare(
        `INSERT INTO user_plans (id, plan_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET plan_json = excluded.plan_json, updated_at = excluded.updated_at`
      )
      .run(plan.id, JSON.stringify(plan), at)
  }

  /** @returns true when a row was deleted. */
  removePlan(id: string): boolean {
    return this.db.prepare('DELETE FROM user_plans WHERE id = ?').run(id).changes > 0
  }

  listOverrides(): PriceOverride[] {
    return this.db
      .prepare(
        `SELECT provider_id AS providerId, model, input_mtok AS inputMtok, output_mtok AS outputMtok,
           cache_read_mtok AS cacheReadMtok, cache_write_mtok AS cacheWriteMtok
         FROM price_overrides ORDER BY provider_id, model`
      )
      .all() as PriceOverride[]
  }

  saveOverride(override: PriceOverride, at: string): void {
    this.db
      .prepare(
        `INSERT INTO price_overrides (provider_id, model, input_mtok, output_mtok, cache_read_mtok, cache_write_mtok, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (provider_id, model) DO UPDATE SET input_mtok = excluded.input_mtok, output_mtok = excluded.output_mtok,
           cache_read_mtok = excluded.cache_read_mtok, cache_write_mtok = excluded.cache_write_mtok, updated_at = excluded.updated_at`
      )
      .run(override.providerId, override.model, override.inputMtok, override.outputMtok, override.cacheReadMtok, override.cacheWriteMtok, at)
  }

  removeOverride(providerId: string, model: string): void {
    this.db.prepare('DELETE FROM price_overrides WHERE provider_id = ? AND model = ?').run(providerId, model)
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
