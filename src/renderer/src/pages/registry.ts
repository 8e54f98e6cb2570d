import type { ComponentType } from 'react'
import { PlansPage } from '../features/plans/plans-page'
import { AlertsPage } from '../features/alerts/alerts-page'
import { RecordsPage } from '../features/records/records-page'
import { OverviewPage } from './overview/overview-page'

/** One entry of the main navigation. */
export interface PageDefinition {
  /** Stable id, kept in the store (`page`). */
  id: string
  /** The navigation label and the page's heading. */
  title: string
  component: ComponentType
}

/**
 * Every page, in navigation order. To add one (Records, Alerts, Plans, Settings…): create
 * `pages/<name>/<name>-page.tsx` with a named component and append it here; the header's
 * navigation and the router pick it up.
 */
export const pages: readonly PageDefinition[] = [
  { id: 'overview', title: 'Overview', component: OverviewPage },
  { id: 'records', title: 'Records', component: RecordsPage },
  { id: 'alerts', title: 'Alerts', component: AlertsPage },
  { id: 'plans', title: 'Plans', component: PlansPage }
]

/** The page with `id`, falling back to the first one. */
export function findPage(id: string): PageDefinition {
  return pages.find((page) => page.id === id) ?? (pages[0] as PageDefinition)
}
