import { accountRoute } from '../../../shared/app-routes'
import { ACCOUNT_ID_PATTERN } from '../../../shared/ids'

/**
 * Hash routes (issue 14.4): every page and tab has its own address, restored on reload and usable
 * in links ("open the account" → `#/accounts/<id>`). Hash routes, not paths: the desktop app loads
 * index.html from a file and `coffer serve` hands out one page, so only the fragment is ours.
 *
 * Pure functions only; `router.ts` connects them to `window.location`.
 */

/** The pages of the main navigation (see pages/registry.ts). */
export const routePages = ['overview', 'records', 'alerts', 'plans', 'settings'] as const
export type RoutePage = (typeof routePages)[number]

/** The tabs of the records page, in order. */
export const recordsTabs = ['spend', 'usage', 'credits', 'polls'] as const
export type RecordsTabId = (typeof recordsTabs)[number]

/** Where the app is: a page, and on the records page a tab, on the overview an account. */
export type Route =
  | { page: 'overview'; accountId?: string }
  | { page: 'records'; tab?: RecordsTabId }
  | { page: 'alerts' }
  | { page: 'plans' }
  | { page: 'settings' }

const isPage = (value: string): value is RoutePage => (routePages as readonly string[]).includes(value)
const isTab = (value: string): value is RecordsTabId => (recordsTabs as readonly string[]).includes(value)

/**
 * The route an address's fragment names: `#/records/polls`, `#/accounts/acc_1`, `#/alerts`…
 * Anything unknown (an old bookmark, a typo, an empty hash) is the overview, never an error.
 */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '')
  const [head = '', second] = path.split('/').map((part) => safeDecode(part))
  if (head === 'accounts' && second && ACCOUNT_ID_PATTERN.test(second)) return { page: 'overview', accountId: second }
  if (head === 'records') return second && isTab(second) ? { page: 'records', tab: second } : { page: 'records' }
  if (isPage(head) && head !== 'records') return head === 'overview' ? { page: 'overview' } : { page: head }
  return { page: 'overview' }
}

/** The fragment for `route`, e.g. `#/records/polls`; the inverse of {@link parseHash}. */
export function routeHash(route: Route): string {
  if (route.page === 'overview') return route.accountId ? `#${accountRoute(route.accountId)}` : '#/overview'
  if (route.page === 'records') return route.tab ? `#/records/${route.tab}` : '#/records'
  return `#/${route.page}`
}

/** The link that opens an account's card ("open the account" in alerts and notifications). */
export function accountHash(accountId: string): string {
  return routeHash({ page: 'overview', accountId })
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    // A stray `%` in a hand-typed address: treat it as text, which then matches no route.
    return part
  }
}

/** The DOM id of an account's card, the element `#/accounts/<id>` scrolls to and focuses. */
export function accountCardId(accountId: string): string {
  return `account-${accountId}`
}
