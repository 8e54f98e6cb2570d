import { Notification } from 'electron'
import { accountRoute } from '../../shared/app-routes'
import type { Core } from '../core/app'
import { notificationsFor } from './alert-notification-model'

/**
 * Shows a system notification from main (the page has no notification permission). Returns false
 * when the system has none (some Linux desktops), so the caller can fall back to an in-app banner.
 * On Windows, toasts need `app.setAppUserModelId` (set in src/main/index.ts).
 */
export function notify(title: string, body: string, onClick?: () => void): boolean {
  if (!Notification.isSupported()) return false
  const notification = new Notification({ title, body, silent: false })
  if (onClick) notification.on('click', onClick)
  notification.show()
  return true
}

/** What alert notifications need from the app. */
export interface AlertNotificationDeps {
  onEvent: Core['onEvent']
  /** Shows the window, at `route` (a hash route such as `/accounts/acc_…`) when given. */
  openWindow: (route?: string) => void
  /** Opens an allow-listed URL in the browser (checked again there). */
  openExternal: (url: string) => Promise<void>
  /** Injected for tests on machines with Electron; defaults to {@link notify}. */
  show?: typeof notify
}

/**
 * Turns core's `alerts:fired` events into native notifications. Where the system has none,
 * nothing is lost: the renderer shows the same alerts in its banner (it listens to the same event
 * and to `alerts:list`). Returns the unsubscribe function.
 */
export function startAlertNotifications(deps: AlertNotificationDeps): () => void {
  const show = deps.show ?? notify
  return deps.onEvent((event, payload) => {
    if (event !== 'alerts:fired') return
    for (const notification of notificationsFor(payload as Parameters<typeof notificationsFor>[0])) {
      const target = notification.target
      show(notification.title, notification.body, () => {
        if (target.kind === 'top-up') void deps.openExternal(target.url).catch(() => deps.openWindow())
        // "Open the account": the window opens at the account's card (#/accounts/<id>).
        else deps.openWindow(target.accountId ? accountRoute(target.accountId) : undefined)
      })
    }
  })
}
