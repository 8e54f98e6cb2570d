import { pathToFileURL } from 'node:url'

/**
 * Where the renderer is loaded from. In production it is one file (`out/renderer/index.html`):
 * `file:` URLs have the opaque origin `"null"`, so "same app" means the same file path, never a
 * prefix match (a prefix would also admit `file:///…/out/renderer/index.html.evil/`). In
 * development it is electron-vite's dev server, compared by origin.
 */
export type AppOrigin = { kind: 'file'; indexUrl: string } | { kind: 'dev'; origin: string; url: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Decides where the renderer comes from. The dev-server URL (`ELECTRON_RENDERER_URL`, set by
 * `electron-vite dev`) is honoured only in unpackaged builds and only on loopback http(s), so an
 * environment variable can never point a shipped app at a remote page.
 */
export function resolveAppOrigin(options: {
  devServerUrl: string | undefined
  isPackaged: boolean
  indexHtmlPath: string
}): AppOrigin {
  const dev = options.isPackaged ? null : parseDevServerUrl(options.devServerUrl)
  if (dev) return { kind: 'dev', origin: dev.origin, url: dev.href }
  return { kind: 'file', indexUrl: pathToFileURL(options.indexHtmlPath).href }
}

function parseDevServerUrl(value: string | undefined): URL | null {
  if (!value) return null
  try {
    const url = new URL(value)
    const web = url.protocol === 'http:' || url.protocol === 'https:'
    return web && LOOPBACK_HOSTS.has(url.hostname) && !url.username && !url.password ? url : null
  } catch {
    return null
  }
}

/**
 * True when `url` is a page of this app: the exact index.html (any query or fragment) in
 * production, the dev server's origin in development. Unparseable input is never the app.
 */
export function isAppUrl(url: string | null | undefined, app: AppOrigin): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (app.kind === 'dev') return parsed.origin === app.origin
  const index = new URL(app.indexUrl)
  // Compare scheme, host and the decoded-then-normalised path; query and hash are app state.
  return parsed.protocol === 'file:' && parsed.host === index.host && parsed.pathname === index.pathname
}

/**
 * Whether an IPC message comes from our renderer: the sending frame's URL must be the app's page.
 * A missing frame (navigated away or destroyed mid-call) is never trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, app: AppOrigin): boolean {
  return isAppUrl(frameUrl, app)
}
