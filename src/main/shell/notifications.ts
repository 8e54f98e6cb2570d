import { Notification } from 'electron'

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
