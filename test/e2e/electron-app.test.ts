import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, removeTempDir } from '../helpers/temp-dir'

/**
 * The packaged-shell checks of perf-security.md B9 (S1–S4, S6), driven through
 * Playwright's `_electron` against the built app (out/). They need Electron's binary, which
 * `npm install` downloads from GitHub; where that download is blocked the suite is skipped with a
 * printed reason. The same decisions are unit-tested as pure functions in test/unit/main/shell.
 * Running them also needs better-sqlite3 and keytar built for Electron's ABI
 * (`npx @electron/rebuild`), and a display on Linux (`xvfb-run`).
 */
/** The page's globals these tests touch (this file is type-checked without the DOM library). */
interface PageGlobals {
  coffer: { invoke(name: string, request: unknown): Promise<unknown>; on: unknown }
  open(url: string): unknown
  location: { href: string }
  Notification: { requestPermission(): Promise<string> }
  document: {
    addEventListener(type: string, listener: () => void, options?: { once: boolean }): void
    createElement(tag: 'script'): { textContent: string }
    body: { appendChild(node: unknown): void }
  }
}

const repoRoot = resolve(import.meta.dirname, '../..')

function electronBinary(): string | null {
  const packageDir = join(repoRoot, 'node_modules', 'electron')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const built = existsSync(join(repoRoot, 'out', 'main', 'index.js')) && existsSync(join(repoRoot, 'out', 'preload', 'index.cjs'))
const hasElectron = binary !== null && built
if (binary === null) {
  console.warn('Electron binary not installed (downloads are blocked on this machine): skipping the _electron tests')
} else if (!built) {
  console.warn('The app is not built (run `npx electron-vite build` first): skipping the _electron tests')
}

describe.skipIf(!hasElectron)('Electron app (Playwright _electron)', () => {
  let home = ''
  let electronApp: ElectronApplication
  let page: Page

  beforeAll(async () => {
    home = await makeTempDir('coffer-electron-')
    const env = { ...process.env, COFFER_HOME: home } as Record<string, string>
    delete env.ELECTRON_RENDERER_URL // always the built renderer, never a dev server
    electronApp = await _electron.launch({ executablePath: binary ?? undefined, args: [repoRoot], cwd: repoRoot, env })
    page = await electronApp.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  })

  afterAll(async () => {
    await electronApp?.close()
    if (home) await removeTempDir(home)
  })

  it('S1: every window has the hardened webPreferences, and the page has no Node', async () => {
    // getLastWebPreferences exists at runtime but is missing from Electron's typings.
    type WithPreferences = { getLastWebPreferences(): Record<string, unknown> | null }
    const all = await electronApp.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => (window.webContents as unknown as WithPreferences).getLastWebPreferences())
    )
    expect(all.length).toBeGreaterThan(0)
    for (const preferences of all) {
      expect(preferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false
      })
      expect(String(preferences?.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/)
    }
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
      'undefined',
      'undefined'
    ])
  })

  it('S2: window.coffer exposes only invoke and on, and works', async () => {
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as PageGlobals).coffer).sort())).toEqual(['invoke', 'on'])
    const accounts = await page.evaluate(() => (globalThis as unknown as PageGlobals).coffer.invoke('accounts:list', {}))
    expect(accounts).toEqual([])
    const refused = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).coffer
        .invoke('accounts:dump-keys', {})
        .then(() => 'resolved', (error: Error) => error.message)
    )
    expect(refused).toMatch(/Unknown call/)
  })

  it('S4: window.open returns null and navigation away is blocked', async () => {
    const before = electronApp.windows().length
    const appUrl = page.url()
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null)).toBe(true)
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).location.href = 'https://example.com/'
    })
    await page.waitForTimeout(500)
    expect(page.url()).toBe(appUrl)
    expect(electronApp.windows().length).toBe(before)
  })

  it('S3: the CSP blocks an injected inline script', async () => {
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const doc = (globalThis as unknown as PageGlobals).document
          doc.addEventListener('securitypolicyviolation', () => resolve('blocked'), { once: true })
          const script = doc.createElement('script')
          script.textContent = 'globalThis.__cofferInjected = true'
          doc.body.appendChild(script)
          setTimeout(() => resolve((globalThis as { __cofferInjected?: boolean }).__cofferInjected ? 'ran' : 'silent'), 1000)
        })
    )
    expect(outcome).toBe('blocked')
  })

  it('S6: the page is denied every permission (notifications come from main)', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).Notification.requestPermission())).toBe('denied')
  })
})
