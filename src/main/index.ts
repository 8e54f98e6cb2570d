import { join, resolve } from 'node:path'
import { app, Menu, net, powerMonitor, session, shell } from 'electron'
import ElectronStore from 'electron-store'
import { isAllowedExternalUrl } from '../shared/external-links'
import { createCore, type Core } from './core/app'
import { APP_NAME, defaultDataDir } from './core/data-dir'
import { KeytarSecretStore } from './core/secrets/keytar-secret-store'
import { resolveAppOrigin } from './shell/app-origin'
import { withRendererCsp } from './shell/csp'
import { forwardCoreEvents } from './shell/ipc-routes'
import { registerIpc } from './shell/ipc-router'
import { createMainWindowManager } from './shell/main-window'
import { installPermissionDenial } from './shell/navigation-guard'
import { PollingGate } from './shell/polling-gate'
import { ElectronPreferencesStore, preferencesStoreOptions } from './shell/preferences'
import { startAlertNotifications } from './shell/notifications'
import { startTray } from './shell/tray'
import { HIDDEN_FLAG, shouldOpenWindowAtStart } from './shell/window-options'

// Before `ready`: the name and data folder the CLI uses too (COFFER_HOME overrides both), and no
// default application menu (building it costs tens to hundreds of ms at start-up).
app.setName(APP_NAME)
app.setPath('userData', resolve(defaultDataDir()))
// Chromium's caches and storage go to a subfolder, so the data folder stays the ledger + config.json.
app.setPath('sessionData', join(app.getPath('userData'), 'electron-session'))
Menu.setApplicationMenu(null)
if (process.platform === 'win32') app.setAppUserModelId('app.coffer.desktop') // toasts need it

const ONLINE_CHECK_MS = 60_000
const here = import.meta.dirname // out/main
const resourcesDir = join(app.getAppPath(), 'resources')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let core: Core | null = null
  const openExternal = async (url: string): Promise<void> => {
    // Second line of defence: core's links:open and the navigation guard already checked it.
    if (isAllowedExternalUrl(url, billingUrls())) await shell.openExternal(url)
  }
  const billingUrls = (): string[] =>
    (core?.context.accounts.list() ?? []).flatMap((account) => account.options.billingUrl ?? [])
  const origin = resolveAppOrigin({
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    isPackaged: app.isPackaged,
    indexHtmlPath: join(here, '../renderer/index.html')
  })
  const windows = createMainWindowManager({
    app: origin,
    preloadPath: join(here, '../preload/index.cjs'),
    indexHtmlPath: join(here, '../renderer/index.html'),
    iconPath: join(resourcesDir, 'icon.png'),
    isPackaged: app.isPackaged,
    themePreference: () => core?.context.preferences.read().theme ?? 'system',
    openExternal,
    extraAllowedUrls: billingUrls
  })

  const openWhenReady = (): void => {
    if (app.isReady()) windows.open()
  }
  app.on('second-instance', openWhenReady)
  app.on('activate', openWhenReady) // macOS: dock icon clicked
  app.on('window-all-closed', () => {
    // Stay in the tray: closing the window frees the renderer, not the app.
  })

  void app.whenReady().then(() => {
    installPermissionDenial(session.defaultSession)
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: withRendererCsp(details.responseHeaders) })
    )
    const dataDir = app.getPath('userData')
    const preferences = new ElectronPreferencesStore(
      new ElectronStore<Record<string, unknown>>(preferencesStoreOptions(dataDir)),
      (enabled) => {
        // Only a packaged app registers itself: in development it would register the bare Electron binary.
        if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] })
      }
    )
    const running = createCore({ runtime: 'electron', dataDir, secrets: new KeytarSecretStore(), preferences, openExternal })
    core = running
    registerIpc(running.handlers, origin)
    forwardCoreEvents(running.onEvent, () => windows.current()?.webContents ?? null)
    const tray = startTray({ core: running, resourcesDir, openWindow: (route) => windows.open(route), quit: () => app.quit(), openExternal })
    const stopNotifications = startAlertNotifications({ onEvent: running.onEvent, openWindow: (route) => windows.open(route), openExternal })

    const gate = new PollingGate(running.context.poller, net.isOnline())
    powerMonitor.on('suspend', () => gate.setSuspended(true))
    powerMonitor.on('resume', () => {
      gate.setOnline(net.isOnline())
      gate.setSuspended(false)
    })
    // Electron's main process has no online/offline event: a cheap check once a minute.
    setInterval(() => gate.setOnline(net.isOnline()), ONLINE_CHECK_MS).unref()
    gate.enable()
    // `coffer poll` in a terminal writes the same ledger: the window and the tray follow within a
    // second. Daily backups start here too.
    running.startUpkeep()

    app.on('before-quit', () => {
      gate.disable()
      stopNotifications()
      tray.destroy()
      running.close()
    })
    if (shouldOpenWindowAtStart(process.argv, app.getLoginItemSettings().wasOpenedAtLogin)) windows.open()
  })
}
