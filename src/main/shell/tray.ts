import { join } from 'node:path'
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import { accountRoute } from '../../shared/app-routes'
import type { Core } from '../core/app'
import { buildTrayModel, menuLabel, type TrayAction, type TrayIconState, type TrayModel } from './tray-model'

/** What the tray does when the user picks something. */
export interface TrayDeps {
  core: Core
  resourcesDir: string
  /** Shows the window, at `route` (src/shared/app-routes.ts) when given. */
  openWindow: (route?: string) => void
  quit: () => void
  /** Opens an allow-listed top-up page in the browser (the account menus' "Top up…"). */
  openExternal?: (url: string) => Promise<void>
}

/** The running tray: re-renders on every core event (accounts, alerts, budgets). */
export interface CofferTray {
  destroy(): void
}

/** Rebuilds are coalesced: a poll of ten accounts emits twenty events. */
const REFRESH_DELAY_MS = 300

/**
 * The tray icon and its menu, rendered from {@link buildTrayModel}. It is the app's resting state:
 * the window comes and goes, the tray stays until Quit.
 */
export function startTray(deps: TrayDeps): CofferTray {
  const icons = new Map<TrayIconState, NativeImage>()
  const icon = (state: TrayIconState): NativeImage => {
    let image = icons.get(state)
    if (!image) {
      // createFromPath picks up tray-<state>@2x.png next to it on HiDPI screens.
      image = nativeImage.createFromPath(join(deps.resourcesDir, `tray-${state}.png`))
      icons.set(state, image)
    }
    return image
  }
  const tray = new Tray(icon('ok'))
  tray.setToolTip('Coffer')
  // Windows and macOS: a click opens the window; the menu is on right click (Linux: menu only).
  tray.on('click', () => deps.openWindow())

  let timer: NodeJS.Timeout | null = null
  let destroyed = false

  const onAction = (action: TrayAction): void => {
    if (action === 'open') deps.openWindow()
    else if (action === 'quit') deps.quit()
    else void deps.core.handlers['accounts:poll']({ ids: [] }).catch(() => undefined)
  }

  const render = (model: TrayModel): void => {
    if (destroyed) return
    tray.setImage(icon(model.icon))
    tray.setToolTip(model.tooltip)
    tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => toMenuItem(item, onAction, deps.openWindow, deps.openExternal))))
  }

  const refresh = async (): Promise<void> => {
    timer = null
    try {
      const [accounts, alerts, budgets] = await Promise.all([
        deps.core.handlers['accounts:list']({}),
        deps.core.handlers['alerts:list']({ states: ['active'], limit: 200 }),
        deps.core.handlers['budgets:list']({})
      ])
      render(buildTrayModel(accounts, { alerts: { alerts: alerts.alerts, budgets: budgets.budgets } }))
    } catch (error) {
      console.error('Coffer: could not update the tray:', (error as Error).message)
    }
  }
  const scheduleRefresh = (): void => {
    if (timer === null && !destroyed) timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS)
  }

  const unsubscribe = deps.core.onEvent(() => scheduleRefresh())
  void refresh()

  return {
    destroy() {
      destroyed = true
      if (timer) clearTimeout(timer)
      unsubscribe()
      tray.destroy()
    }
  }
}

function toMenuItem(
  item: TrayModel['items'][number],
  onAction: (action: TrayAction) => void,
  openWindow: (route?: string) => void,
  openExternal?: (url: string) => Promise<void>
): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { type: 'separator' }
    case 'note':
      return { label: menuLabel(item.label), enabled: false }
    case 'account': {
      const topUpUrl = item.topUpUrl
      // An account opens at its card (#/accounts/<id>), not wherever the window last was.
      const openAccount = (): void => openWindow(accountRoute(item.accountId))
      if (!topUpUrl || !openExternal) return { label: menuLabel(item.label), click: openAccount }
      return {
        label: menuLabel(item.label),
        submenu: [
          { label: 'Open in Coffer', click: openAccount },
          { label: 'Top up…', click: () => void openExternal(topUpUrl).catch(() => openWindow()) }
        ]
      }
    }
    case 'action':
      return { label: menuLabel(item.label), click: () => onAction(item.action) }
  }
}
