import type { z } from 'zod'
import { planCatalogSchema, type Plan, type PlanCatalog } from '../../../shared/plan-catalog'
import bundledCatalog from '../../../../resources/plans/catalog.json' with { type: 'json' }
import type { ComparedPlan } from './compare-plans'

/** Thrown when a plan catalog does not match its schema; the message names the bad fields. */
export class InvalidCatalogError extends Error {
  constructor(readonly issues: string[]) {
    super(`The plan catalog is invalid: ${issues.join('; ')}. Fix resources/plans/catalog.json (see src/shared/plan-catalog.ts).`)
    this.name = 'InvalidCatalogError'
  }
}

function describe(error: z.ZodError): string[] {
  return error.issues.slice(0, 8).map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
}

/**
 * Validates a catalog document with the shared zod schema.
 *
 * @throws InvalidCatalogError listing the first problems.
 */
export function parseCatalog(data: unknown): PlanCatalog {
  const parsed = planCatalogSchema.safeParse(data)
  if (!parsed.success) throw new InvalidCatalogError(describe(parsed.error))
  return parsed.data
}

let cached: PlanCatalog | null = null

/**
 * The catalog shipped with Coffer (resources/plans/catalog.json, bundled into the build so it
 * works offline and from any install location), validated once.
 */
export function loadBundledCatalog(): PlanCatalog {
  cached ??= parseCatalog(bundledCatalog)
  return cached
}

/**
 * The catalog merged with the user's plans: a user plan with a catalog id replaces it (`edited`),
 * others are added (`user`) after the catalog's, in the order saved.
 */
export function mergePlans(catalog: readonly Plan[], userPlans: readonly Plan[]): ComparedPlan[] {
  const mine = new Map(userPlans.map((plan) => [plan.id, plan]))
  const merged: ComparedPlan[] = catalog.map((plan) => {
    const edit = mine.get(plan.id)
    return edit ? { plan: edit, origin: 'edited' } : { plan, origin: 'catalog' }
  })
  const catalogIds = new Set(catalog.map((plan) => plan.id))
  for (const plan of userPlans) if (!catalogIds.has(plan.id)) merged.push({ plan, origin: 'user' })
  return merged
}
