import type { Handlers } from '../../../shared/contract'
import { CofferError } from '../../../shared/errors'
import type { CoreContext } from '../core-context'
import { Valuer } from '../ledger/valuation'
import { LOCAL_PRICE_PROVIDER, revalueAccount } from '../local-logs/value-lines'
import { loadBundledCatalog, mergePlans } from './catalog'
import { comparePlans } from './compare-plans'
import { PlansRepo } from './plans-repo'
import { createDatasetPriceBook } from './price-book'
import { readWorkload } from './workload'

type PlansHandlers = Pick<Handlers, 'plans:compare' | 'plans:list' | 'plans:save' | 'plans:remove' | 'plans:set-price'>

/** Implements the plan calls: the ledger and catalog are read here, the comparison itself is pure. */
export function createPlansHandlers(context: CoreContext): PlansHandlers {
  const repo = new PlansRepo(context.db)
  const catalogPlans = () => loadBundledCatalog().plans
  const originOf = (id: string): 'user' | 'edited' => (catalogPlans().some((plan) => plan.id === id) ? 'edited' : 'user')

  return {
    'plans:compare': async ({ windowDays }) => {
      const now = context.now()
      const catalog = loadBundledCatalog()
      const overrides = repo.listOverrides()
      return comparePlans({
        workload: readWorkload(context.db, now, windowDays),
        plans: mergePlans(catalog.plans, repo.listPlans()),
        prices: createDatasetPriceBook(overrides, now),
        valuer: Valuer.load(context.db),
        dataset: { ...catalog.pricingDataset, overrides: overrides.length },
        now
      })
    },

    'plans:list': async () => ({
      plans: mergePlans(catalogPlans(), repo.listPlans()),
      overrides: repo.listOverrides()
    }),

    'plans:save': async ({ plan }) => {
      repo.savePlan(plan, context.now().toISOString())
      return { plan, origin: originOf(plan.id) }
    },

    'plans:remove': async ({ id }) => {
      const reverted = originOf(id) === 'edited'
      if (!repo.removePlan(id)) {
        const what = reverted ? 'is the catalog’s own version: there is no edit to revert' : 'does not exist'
        throw new CofferError('not_found', `Plan “${id}” ${what}.`)
      }
      return { removed: true, revertedToCatalog: reverted }
    },

    'plans:set-price': async (request) => {
      if ('clear' in request) repo.removeOverride(request.providerId, request.model)
      else repo.saveOverride(request, context.now().toISOString())
      // Subscriptions measured from local logs are valued at these prices: value them again (issue 12.2).
      for (const account of context.accounts.list()) {
        if (account.provider in LOCAL_PRICE_PROVIDER) revalueAccount(context.db, account.id, account.provider, context.now().toISOString())
      }
      return { overrides: repo.listOverrides() }
    }
  }
}
