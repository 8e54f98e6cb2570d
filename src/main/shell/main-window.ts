import { BrowserWindow, nativeTheme } from 'electron'
import type { AppOrigin } from './app-origin'
import { installNavigationGuard } from './navigation-guard'
import { mainWindowOptions, windowTheme } from './window-options'

/** What the window needs to know; all of it is decided in src/main/index.ts. */
export interface MainWindowDeps {
  app: AppOrigin
  preloadPath: string
  indexHtmlPath: string
  iconPath: string
  isPackaged: boolean
  themePreference: () => 'system' | 'light' | 'dark'
  openExternal: (url: string) => Promise<void>
  extraAllowedUrls: () => readonly string[]
}

/** The single main window, created on demand and destroyed when closed. */
export interface MainWindowManager {
  /**
   * Shows the window, creating it first if it is closed; with `route` (a hash route such as
   * `/accounts/acc_…`, see src/shared/app-routes.ts) at that page.
   */
  open(route?: string): void
  /** The open window, or null (no window costs no renderer process). */
  current(): BrowserWindow | null
}

/**
 * Lazily creates the hardened main window. Closing destroys it (Electron's default), freeing the
 * renderer's memory; the tray keeps the app alive and {@link MainWindowManager.open} rebuilds it.
 */
export function createMainWindowManager(deps: MainWindowDeps): MainWindowManager {
  let window: BrowserWindow | null = null

  const create = (route: string | undefined): BrowserWindow => {
    const created = new BrowserWindow(
      mainWindowOptions({
        preloadPath: deps.preloadPath,
        theme: windowTheme(deps.themePreference(), nativeTheme.shouldUseDarkColors),
        iconPath: deps.iconPath,
        isPackaged: deps.isPackaged
      })
    )
    installNavigationGuard(created.webContents, {
      app: deps.app,
      openExternal: deps.openExternal,
      extraAllowedUrls: deps.extraAllowedUrls
    })
    created.once('ready-to-show', () => created.show())
    created.on('closed', () => {
      if (window === created) window = null
    })
    const loaded =
      deps.app.kind === 'dev'
        ? created.loadURL(route ? `${deps.app.url.replace(/#.*$/, '')}#${route}` : deps.app.url)
        : created.loadFile(deps.indexHtmlPath, route ? { hash: route } : undefined)
    loaded.catch((error: unknown) => console.error('Coffer: the window failed to load:', (error as Error).message))
    return created
  }

  return {
    open(route) {
      if (!window || window.isDestroyed()) window = create(route)
      else {
        if (window.isMinimized()) window.restore()
        window.show()
        window.focus()
        // The page follows its address (hashchange): no reload, no lost state. The route is
        // built by accountRoute from a validated id, and JSON-quoted all the same.
        if (route) void window.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(`#${route}`)}`).catch(() => undefined)
      }
    },
    current: () => (window && !window.isDestroyed() ? window : null)
  }
}
