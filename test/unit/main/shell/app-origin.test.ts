import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppUrl, isTrustedSender, resolveAppOrigin, type AppOrigin } from '../../../../src/main/shell/app-origin'

const indexHtmlPath = '/opt/Coffer/resources/app/out/renderer/index.html'
const production = resolveAppOrigin({ devServerUrl: undefined, isPackaged: true, indexHtmlPath })
const dev = resolveAppOrigin({ devServerUrl: 'http://localhost:5173/', isPackaged: false, indexHtmlPath })

describe('resolveAppOrigin', () => {
  it('uses the built index.html in production', () => {
    expect(production).toEqual({ kind: 'file', indexUrl: pathToFileURL(indexHtmlPath).href })
  })

  it('uses the electron-vite dev server when unpackaged', () => {
    expect(dev).toEqual({ kind: 'dev', origin: 'http://localhost:5173', url: 'http://localhost:5173/' })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    const packaged = resolveAppOrigin({ devServerUrl: 'http://localhost:5173/', isPackaged: true, indexHtmlPath })
    expect(packaged.kind).toBe('file')
  })

  it.each(['https://evil.example/', 'http://192.168.1.5:5173/', 'file:///etc/passwd', 'http://user:pw@localhost:5173/', 'not a url'])(
    'refuses the non-loopback or odd dev URL %s',
    (devServerUrl) => {
      expect(resolveAppOrigin({ devServerUrl, isPackaged: false, indexHtmlPath }).kind).toBe('file')
    }
  )
})

describe('isTrustedSender', () => {
  const indexUrl = pathToFileURL(indexHtmlPath).href
  const table: [string, string | null | undefined, AppOrigin, boolean][] = [
    ['the built page', indexUrl, production, true],
    ['the built page with a route fragment', `${indexUrl}#/accounts`, production, true],
    ['the built page with a query', `${indexUrl}?x=1`, production, true],
    ['no frame (destroyed or navigated away)', null, production, false],
    ['an empty URL', '', production, false],
    ['undefined', undefined, production, false],
    ['another local file', 'file:///tmp/evil.html', production, false],
    ['a sibling file in the renderer folder', pathToFileURL('/opt/Coffer/resources/app/out/renderer/other.html').href, production, false],
    ['a prefix look-alike', `${indexUrl}.evil/index.html`, production, false],
    ['a file on another host (UNC)', `file://evilhost${new URL(indexUrl).pathname}`, production, false],
    ['a custom scheme with the same path', `app://${new URL(indexUrl).pathname}`, production, false],
    ['https on the open web', 'https://example.com/', production, false],
    ['about:blank', 'about:blank', production, false],
    ['data: URL', 'data:text/html,<script>1</script>', production, false],
    ['the dev server', 'http://localhost:5173/', dev, true],
    ['a dev server route', 'http://localhost:5173/index.html#/x', dev, true],
    ['another port on localhost', 'http://localhost:5174/', dev, false],
    ['127.0.0.1 instead of localhost', 'http://127.0.0.1:5173/', dev, false],
    ['https instead of http', 'https://localhost:5173/', dev, false],
    ['a look-alike host', 'http://localhost:5173.attacker.com/', dev, false],
    ['a user-info trick', 'http://localhost:5173@attacker.com/', dev, false],
    ['the built page while in dev', indexUrl, dev, false]
  ]
  it.each(table)('%s: %s → trusted=%s', (_name, url, app, trusted) => {
    expect(isTrustedSender(url, app)).toBe(trusted)
  })

  it('treats isAppUrl and isTrustedSender alike', () => {
    for (const [, url, app] of table) expect(isAppUrl(url, app)).toBe(isTrustedSender(url, app))
  })
})
