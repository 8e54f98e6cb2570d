import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContextOptions } from 'playwright'
import type { Core } from '../../src/main/core/app'
import { startWebServer, type RunningWebServer } from '../../src/main/web/web-server'
import { launchChromium, openWatchedPage, type WatchedPage } from './browser'

/**
 * The e2e tests run `coffer serve` in-process (the same startWebServer + createCore the command
 * runs) so each test owns its lifetime, and point Debian's Chromium at it.
 */

/** The built renderer `coffer serve` hands out (`npx electron-vite build` writes it). */
export const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url))

/** Where e2e screenshots go (test/e2e/.artifacts, git-ignored). */
export const artifactsDir = fileURLToPath(new URL('../e2e/.artifacts', import.meta.url))

/** Path of the screenshot `name`.png in {@link artifactsDir}. */
export function artifactPath(name: string): string {
  return join(artifactsDir, `${name}.png`)
}

/**
 * Fails with what to do when the renderer has not been built (a missing build would otherwise show
 * up as a blank page and a confusing timeout), and makes sure the screenshot folder exists.
 */
export function requireBuiltRenderer(): void {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: build the renderer first (`npx electron-vite build`, or `npm test`, which builds).')
  }
  mkdirSync(artifactsDir, { recursive: true })
}

/** Serves `core` on a free loopback port, as `coffer serve` does. Close the server before the core. */
export function serveCore(core: Core): Promise<RunningWebServer> {
  return startWebServer({ core, rendererDir, port: 0 })
}

/** A served core and a Chromium page ready to open `server.url`. */
export interface ServedApp extends WatchedPage {
  server: RunningWebServer
  browser: Browser
  /** Closes the browser, then the server. The core stays open: its creator closes it. */
  close(): Promise<void>
}

/**
 * Checks the renderer is built, serves `core` ({@link serveCore}), starts Chromium and opens a
 * watched page (see {@link openWatchedPage} for the context defaults `contextOptions` overrides).
 * The page has not navigated yet: tests go to `server.url` when they are ready.
 */
export async function serveInChromium(core: Core, contextOptions: BrowserContextOptions = {}): Promise<ServedApp> {
  requireBuiltRenderer()
  const server = await serveCore(core)
  let browser: Browser | null = null
  try {
    browser = await launchChromium()
    const watched = await openWatchedPage(browser, contextOptions)
    const opened = browser
    return {
      ...watched,
      server,
      browser: opened,
      close: async () => {
        await opened.close()
        await server.close()
      }
    }
  } catch (error) {
    // A half-started app would keep the test process alive: take down what did start.
    await browser?.close()
    await server.close()
    throw error
  }
}
