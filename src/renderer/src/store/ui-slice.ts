import type { Preferences } from '../../../shared/contract'
import { errorMessage } from '../bridge/bridge-error'
import { getBridge } from '../bridge/current-bridge'
import { parseHash, routeHash, type Route } from '../lib/routes'
import type { SliceCreator } from './types'

/** The colour theme: follow the OS, or force one. */
export type Theme = Preferences['theme']

/** A short message in the corner; errors stay longer. */
export interface Toast {
  id: number
  tone: 'info' | 'success' | 'error'
  message: string
}

/** Navigation, theme, preferences and transient messages. */
export interface UiSlice {
  /** Id of the page shown (see pages/registry.ts); always `route.page`. */
  page: string
  /** Where the app is, as the address's hash says (lib/routes.ts). */
  route: Route
  theme: Theme
  preferences: Preferences | null
  toasts: Toast[]
  /** The `coffer serve` token was refused: the page must be reopened from the printed URL. */
  sessionExpired: boolean
  /** Goes to a page (its last tab on the records page). */
  setPage(page: Route['page']): void
  /**
   * Goes to `route` and writes it into the address (a new history entry, or in place with
   * `replace`), so a reload, a bookmark or a link comes back here.
   */
  navigate(route: Route, options?: { replace?: boolean }): void
  /** Follows the address after the user changed it (back / forward, a typed or clicked link). */
  followAddress(): void
  loadPreferences(): Promise<void>
  /** Applies the theme at once and saves it in the preferences. */
  setTheme(theme: Theme): Promise<void>
  notify(tone: Toast['tone'], message: string): void
  dismissToast(id: number): void
  markSessionExpired(): void
  /** Asks main to open an allow-listed link in the system browser (Electron only). */
  openLink(url: string): Promise<void>
}

/** The route the page was opened at (a reload or a link), the overview without a window. */
function initialRoute(): { route: Route; page: Route['page'] } {
  const route = typeof window === 'undefined' ? ({ page: 'overview' } as const) : parseHash(window.location.hash)
  return { route, page: route.page }
}

const TOAST_MS: Record<Toast['tone'], number> = { info: 5000, success: 5000, error: 12_000 }
let nextToastId = 1

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  ...initialRoute(),
  theme: 'system',
  preferences: null,
  toasts: [],
  sessionExpired: false,

  setPage: (page) => {
    // Already there (Records on its Polls tab): stay, rather than add an entry the tab then replaces.
    if (page !== 'overview' && get().route.page === page) return
    get().navigate({ page } as Route)
  },

  navigate: (route, options = {}) => {
    if (typeof window !== 'undefined') {
      const hash = routeHash(route)
      // pushState / replaceState change the address without a hashchange event (no second apply).
      if (options.replace) window.history.replaceState(window.history.state, '', hash)
      else if (window.location.hash !== hash) window.history.pushState(null, '', hash)
    }
    set({ route, page: route.page })
  },

  followAddress: () => {
    const route = parseHash(window.location.hash)
    set({ route, page: route.page })
  },

  loadPreferences: async () => {
    try {
      const preferences = await getBridge().invoke('preferences:get', {})
      set({ preferences, theme: preferences.theme })
    } catch (error) {
      get().notify('error', `Could not read your preferences: ${errorMessage(error)}`)
    }
  },

  setTheme: async (theme) => {
    const previous = get().theme
    set({ theme })
    try {
      const preferences = await getBridge().invoke('preferences:set', { theme })
      set({ preferences })
    } catch (error) {
      set({ theme: previous })
      get().notify('error', `Could not save the theme: ${errorMessage(error)}`)
    }
  },

  notify: (tone, message) => {
    const id = nextToastId++
    // Identical messages (e.g. "server unreachable" from several calls at once) show once.
    if (get().toasts.some((toast) => toast.message === message)) return
    set((state) => ({ toasts: [...state.toasts, { id, tone, message }].slice(-4) }))
    setTimeout(() => get().dismissToast(id), TOAST_MS[tone])
  },

  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),

  markSessionExpired: () => set({ sessionExpired: true }),

  openLink: async (url) => {
    try {
      const result = await getBridge().invoke('links:open', { url })
      if (!result.opened) get().notify('error', result.reason ?? 'Coffer did not open that link.')
    } catch (error) {
      get().notify('error', `Could not open the link: ${errorMessage(error)}`)
    }
  }
})
