import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/** The theme the window opens with, before the renderer paints. */
export type WindowTheme = 'light' | 'dark'

/**
 * Background colours equal to the renderer's `--bg` (src/renderer/src/styles/theme.css), so the
 * window never flashes white before the first paint.
 */
export const windowBackground: Record<WindowTheme, string> = { light: '#f5f6f8', dark: '#101317' }

/**
 * The webPreferences of every Coffer window (Electron security checklist items 2–4, 6, 8–11).
 * Most are already Electron's defaults; they are spelled out so a future default change, or a
 * careless edit, cannot weaken them silently, and so tests can deep-equal the whole set.
 */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false
  }
}

/** Options of the main window: hidden until `ready-to-show`, themed background, sane sizes. */
export function mainWindowOptions(options: {
  preloadPath: string
  theme: WindowTheme
  iconPath?: string
  isPackaged: boolean
}): BrowserWindowConstructorOptions {
  return {
    title: 'Coffer',
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    // Shown on `ready-to-show`: no blank frame, no white flash (Electron perf guide, item 8).
    show: false,
    backgroundColor: windowBackground[options.theme],
    autoHideMenuBar: true,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    // DevTools only in development builds: a shipped window has no console to paste code into.
    webPreferences: { ...hardenedWebPreferences(options.preloadPath), devTools: !options.isPackaged }
  }
}

/** The window's opening theme from the preference and the system's current appearance. */
export function windowTheme(preference: 'system' | 'light' | 'dark', systemDark: boolean): WindowTheme {
  if (preference === 'system') return systemDark ? 'dark' : 'light'
  return preference
}

/** The flag the login item starts Coffer with: straight to the tray, no window. */
export const HIDDEN_FLAG = '--hidden'

/**
 * Whether to open the window at start-up: yes when the user launched Coffer, no when the OS
 * started it at login (then the tray is enough until the user clicks it).
 */
export function shouldOpenWindowAtStart(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return !wasOpenedAtLogin && !argv.includes(HIDDEN_FLAG)
}
