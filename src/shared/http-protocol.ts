/**
 * How the bridge contract travels over HTTP under `coffer serve` (loopback only).
 *
 * - `POST /api/call/<name>` with the JSON request as body → `Wire<Res>` as JSON (status 200 for
 *   handled calls, even failed ones; 401 without the token; 404 for an unknown call).
 * - `GET /api/events` → a `text/event-stream`; each message is `event: <name>` + `data: <json>`.
 * - Every `/api/*` request carries `Authorization: Bearer <token>`. The token is random per
 *   server start, printed by the CLI inside the URL fragment (`/#token=…`), which browsers never
 *   send to servers or put in Referer headers; the page moves it to sessionStorage.
 */
export const HTTP_CALL_PREFIX = '/api/call/'
export const HTTP_EVENTS_PATH = '/api/events'
export const TOKEN_FRAGMENT_KEY = 'token'

/**
 * The Content-Security-Policy of the renderer, in Electron (meta tag + header) and under
 * `coffer serve` (header). No inline scripts, no eval, no remote anything.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/**
 * The CSP for the renderer's `<meta>` tag (injected at build time by electron.vite.config.ts).
 * Browsers ignore `frame-ancestors` in a meta tag, so it is left to the header. In development
 * only, Vite's dev server needs inline scripts/styles (React refresh) and a websocket.
 */
export function rendererCspForMeta(development = false): string {
  return RENDERER_CSP.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .map((directive) => {
      if (!development) return directive
      if (directive.startsWith('script-src') || directive.startsWith('style-src')) return `${directive} 'unsafe-inline'`
      if (directive.startsWith('connect-src')) return `${directive} ws://localhost:* http://localhost:*`
      return directive
    })
    .join('; ')
}
