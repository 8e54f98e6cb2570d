import type { ComponentType } from 'react'
import { lazyComponent } from '../lib/lazy-component'
import type { RoutePage } from '../lib/routes'
import { preloadOverviewDialogs } from './overview/lazy-dialogs'
import { OverviewPage } from './overview/overview-page'

/** One entry of the main navigation. */
export interface PageDefinition {
  /** Stable id, kept in the store (`page`) and in the address (`#/records`, see lib/routes.ts). */
  id: RoutePage
  /** The navigation label and the page's heading. */
  title: string
  component: ComponentType
  /** Fetches a lazily loaded page's code (the overview: its dialogs' code) ahead of its first use. */
  preload?(): Promise<void>
}

// The first page is in the main chunk; the others load on first visit (or at idle time, see App),
// each in its own chunk with its stylesheet, so the first paint does not wait for them.
const RecordsPage = lazyComponent(() => import('../features/records/records-page').then((module) => module.RecordsPage))
const AlertsPage = lazyComponent(() => import('../features/alerts/alerts-page').then((module) => module.AlertsPage))
const PlansPage = lazyComponent(() => import('../features/plans/plans-page').then((module) => module.PlansPage))
const SettingsPage = lazyComponent(() => import('../features/settings/settings-page').then((module) => module.SettingsPage))

/**
 * Every page, in navigation order. To add one (Settings…): create `features/<name>/<name>-page.tsx`
 * with a named component, wrap it in `lazyComponent` as above and append it here; the header's
 * navigation, the router and the idle-time preloading pick it up.
 */
export const pages: readonly PageDefinition[] = [
  { id: 'overview', title: 'Overview', component: OverviewPage, preload: preloadOverviewDialogs },
  { id: 'records', title: 'Records', component: RecordsPage, preload: RecordsPage.preload },
  { id: 'alerts', title: 'Alerts', component: AlertsPage, preload: AlertsPage.preload },
  { id: 'plans', title: 'Plans', component: PlansPage, preload: PlansPage.preload },
  { id: 'settings', title: 'Settings', component: SettingsPage, preload: SettingsPage.preload }
]

/** The page with `id`, falling back to the first one. */
export function findPage(id: string): PageDefinition {
  return pages.find((page) => page.id === id) ?? (pages[0] as PageDefinition)
}
