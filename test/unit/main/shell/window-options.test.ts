import { describe, expect, it } from 'vitest'
import {
  hardenedWebPreferences,
  mainWindowOptions,
  shouldOpenWindowAtStart,
  windowBackground,
  windowTheme
} from '../../../../src/main/shell/window-options'

/** Electron security checklist items 2–4, 6, 8–11, written out independently of the source. */
const expectedHardened = {
  preload: '/app/out/preload/index.cjs',
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

describe('hardenedWebPreferences', () => {
  it('is exactly the hardened set (no extra key can loosen it unnoticed)', () => {
    expect(hardenedWebPreferences('/app/out/preload/index.cjs')).toStrictEqual(expectedHardened)
  })

  it('never enables Blink features or additional arguments', () => {
    const preferences = hardenedWebPreferences('/p.cjs')
    expect(preferences).not.toHaveProperty('enableBlinkFeatures')
    expect(preferences).not.toHaveProperty('additionalArguments')
  })
})

describe('mainWindowOptions', () => {
  const base = { preloadPath: '/app/out/preload/index.cjs', iconPath: '/app/resources/icon.png' }

  it('keeps every hardened preference and adds devTools only in development', () => {
    const packaged = mainWindowOptions({ ...base, theme: 'light', isPackaged: true })
    const dev = mainWindowOptions({ ...base, theme: 'light', isPackaged: false })
    expect(packaged.webPreferences).toStrictEqual({ ...expectedHardened, devTools: false })
    expect(dev.webPreferences).toStrictEqual({ ...expectedHardened, devTools: true })
  })

  it('starts hidden (shown on ready-to-show) with a themed background and sane sizes', () => {
    const light = mainWindowOptions({ ...base, theme: 'light', isPackaged: true })
    const dark = mainWindowOptions({ ...base, theme: 'dark', isPackaged: true })
    expect(light.show).toBe(false)
    expect(light.backgroundColor).toBe(windowBackground.light)
    expect(dark.backgroundColor).toBe(windowBackground.dark)
    expect(light.backgroundColor).not.toBe(dark.backgroundColor)
    expect(light.minWidth).toBeLessThanOrEqual(light.width as number)
    expect(light.minHeight).toBeLessThanOrEqual(light.height as number)
    expect(light.icon).toBe('/app/resources/icon.png')
  })

  it('matches the renderer theme’s --bg colours', async () => {
    const { readFile } = await import('node:fs/promises')
    const css = await readFile(new URL('../../../../src/renderer/src/styles/theme.css', import.meta.url), 'utf8')
    expect(css).toContain(`--bg: light-dark(${windowBackground.light}, ${windowBackground.dark})`)
  })
})

describe('windowTheme', () => {
  it.each([
    ['system', true, 'dark'],
    ['system', false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark']
  ] as const)('preference %s with system dark=%s → %s', (preference, systemDark, expected) => {
    expect(windowTheme(preference, systemDark)).toBe(expected)
  })
})

describe('shouldOpenWindowAtStart', () => {
  it('opens the window when the user launched Coffer', () => {
    expect(shouldOpenWindowAtStart(['/usr/bin/coffer'], false)).toBe(true)
  })
  it('stays in the tray when started at login', () => {
    expect(shouldOpenWindowAtStart(['/usr/bin/coffer', '--hidden'], false)).toBe(false)
    expect(shouldOpenWindowAtStart(['/usr/bin/coffer'], true)).toBe(false)
  })
})
