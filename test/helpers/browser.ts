import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright'

/**
 * Debian's Chromium, as the e2e tests drive it: no sandbox (tests may run as root in a container),
 * no GPU, and none of the background traffic (updates, sync) a machine without internet would
 * only wait on.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
}

/** Starts Debian's Chromium with {@link chromiumLaunchOptions}. Close it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions)
}

/** A page and every error it logged (console errors and uncaught exceptions), in order. */
export interface WatchedPage {
  page: Page
  consoleErrors: string[]
}

/**
 * Opens a page in a fresh context: US English, UTC, 1280×900 unless `options` says otherwise.
 * Console errors and uncaught page errors are collected in `consoleErrors` so a test can assert
 * that the app logged none.
 */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 }, ...options })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  return { page, consoleErrors }
}

/**
 * Drops the one console error that is expected: Chromium notes that `frame-ancestors` in the
 * `<meta>` CSP is ignored (the header `coffer serve` sends carries it). Everything else stays.
 */
export function withoutCspMetaNotice(consoleErrors: string[]): string[] {
  const known = /frame-ancestors' is ignored when delivered via a <meta> element/
  return consoleErrors.filter((text) => !known.test(text))
}
