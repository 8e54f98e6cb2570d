import type { Handlers } from '../../../shared/contract'
import type { CoreContext } from '../core-context'
import { loadBundledCatalog, mergePlans } from '../plans/catalog'
import { PlansRepo } from '../plans/plans-repo'
import { subscriptionReports } from './subscription-report'

type SubscriptionsHandlers = Pick<Handlers, 'subscriptions:report'>

/** Implements `subscriptions:report` over the ledger, the plan catalog and the user's plans. */
export function createSubscriptionsHandlers(context: CoreContext): SubscriptionsHandlers {
  return {
    'subscriptions:report': async ({ cycles, at }) => {
      const catalog = loadBundledCatalog()
      const repo = new PlansRepo(context.db)
      return {
        subscriptions: subscriptionReports(context.db, {
          plans: mergePlans(catalog.plans, repo.listPlans()).map((entry) => entry.plan),
          dataset: { ...catalog.pricingDataset, overrides: repo.listOverrides().length },
          accounts: context.accounts.list(),
          // A past cycle is looked at from its day's noon; today's from now.
          now: at ? new Date(`${at}T12:00:00.000Z`) : context.now(),
          cycles
        })
      }
    }
  }
}
