import type { Session, WebContents } from 'electron'
import { isAllowedExternalUrl } from '../../shared/external-links'
import { isAppUrl, type AppOrigin } from './app-origin'

/** What to do with a navigation or a `window.open` the page asked for. */
export type LinkDecision = 'allow' | 'deny' | 'open-external'

/**
 * Navigation inside the window (security checklist item 13): only pages of the app itself; an
 * allow-listed https link (a provider's billing page) goes to the system browser instead; the
 * rest is dropped. Origins are compared with `new URL()`, never by string prefix.
 */
export function decideNavigation(url: string, app: AppOrigin, extraAllowedUrls: readonly string[] = []): LinkDecision {
  if (isAppUrl(url, app)) return 'allow'
  return isAllowedExternalUrl(url, extraAllowedUrls) ? 'open-external' : 'deny'
}

/**
 * `window.open` and `target="_blank"` (checklist item 14): Coffer never opens a second window.
 * An allow-listed link is handed to the system browser; everything else is dropped.
 */
export function decideWindowOpen(url: string, extraAllowedUrls: readonly string[] = []): Exclude<LinkDecision, 'allow'> {
  return isAllowedExternalUrl(url, extraAllowedUrls) ? 'open-external' : 'deny'
}

/**
 * Permissions the page may use: none (checklist item 5; Electron grants everything by default).
 * Notifications come from main, so the page needs no `notifications` permission either. If the
 * renderer ever needs clipboard writes, allow `clipboard-sanitized-write` here and nowhere else.
 */
export function isPermissionAllowed(_permission: string): boolean {
  return false
}

/** What the guard needs from its host. */
export interface NavigationGuardDeps {
  app: AppOrigin
  /** Hands a URL to the system browser (Electron's `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>
  /** URLs the user set on their accounts (custom billing pages), also allowed externally. */
  extraAllowedUrls?: () => readonly string[]
}

/**
 * Installs the decisions above on a window's webContents: `will-navigate`, `will-frame-navigate`
 * and `will-redirect` are prevented unless they stay in the app, `window.open` is always denied,
 * and `<webview>` attachment is always prevented (webviewTag is off anyway; belt and braces).
 */
export function installNavigationGuard(contents: WebContents, deps: NavigationGuardDeps): void {
  const extras = (): readonly string[] => deps.extraAllowedUrls?.() ?? []
  const openOutside = (url: string): void => {
    deps.openExternal(url).catch((error: unknown) => {
      console.error('Coffer: could not open the link in the browser:', (error as Error).message)
    })
  }
  const guard = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url, deps.app, extras())
    if (decision === 'allow') return
    event.preventDefault()
    if (decision === 'open-external') openOutside(event.url)
  }
  contents.on('will-navigate', guard)
  // Fires for every frame, the main one included; the main frame is already guarded above, and
  // handling it twice would open an allowed link in the browser twice.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event)
  })
  // A redirect is only ever stopped, never reopened outside: the user did not pick its target.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, deps.app)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, extras()) === 'open-external') openOutside(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Denies every permission request and check on the session the window uses. */
export function installPermissionDenial(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  session.setDevicePermissionHandler(() => false)
}
