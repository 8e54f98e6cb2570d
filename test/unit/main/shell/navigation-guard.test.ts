import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import type { Session, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { resolveAppOrigin } from '../../../../src/main/shell/app-origin'
import {
  decideNavigation,
  decideWindowOpen,
  installNavigationGuard,
  installPermissionDenial,
  isPermissionAllowed
} from '../../../../src/main/shell/navigation-guard'

const indexHtmlPath = '/opt/Coffer/out/renderer/index.html'
const indexUrl = pathToFileURL(indexHtmlPath).href
const app = resolveAppOrigin({ devServerUrl: undefined, isPackaged: true, indexHtmlPath })
const devApp = resolveAppOrigin({ devServerUrl: 'http://localhost:5173', isPackaged: false, indexHtmlPath })
const billing = 'https://openrouter.ai/settings/credits'

describe('decideNavigation', () => {
  it.each([
    [indexUrl, 'allow'],
    [`${indexUrl}#/settings`, 'allow'],
    [billing, 'open-external'],
    ['https://openrouter.ai.attacker.com/settings/credits', 'deny'],
    ['https://example.com.attacker.com/', 'deny'],
    ['http://openrouter.ai/settings/credits', 'deny'],
    ['https://user:pw@openrouter.ai/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    [`${indexUrl}.evil`, 'deny'],
    ['app://coffer/index.html', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['http://localhost:5173/', 'deny'],
    ['', 'deny']
  ])('production: %s → %s', (url, expected) => {
    expect(decideNavigation(url, app)).toBe(expected)
  })

  it('allows the dev server only in dev, compared by origin', () => {
    expect(decideNavigation('http://localhost:5173/#/x', devApp)).toBe('allow')
    expect(decideNavigation('http://localhost:5173.attacker.com/', devApp)).toBe('deny')
    expect(decideNavigation(indexUrl, devApp)).toBe('deny')
  })

  it('opens a user’s own billing page only when it is on one of their accounts', () => {
    const custom = 'https://billing.my-relay.example/top-up'
    expect(decideNavigation(custom, app)).toBe('deny')
    expect(decideNavigation(custom, app, ['https://billing.my-relay.example/'])).toBe('open-external')
  })
})

describe('decideWindowOpen', () => {
  it('never allows a window; allow-listed links go to the browser', () => {
    expect(decideWindowOpen(billing)).toBe('open-external')
    expect(decideWindowOpen(indexUrl)).toBe('deny')
    expect(decideWindowOpen('https://evil.example/')).toBe('deny')
  })
})

describe('isPermissionAllowed', () => {
  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'unknown'])('denies %s', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false)
  })
})

/** A stand-in for webContents: a real EventEmitter plus the window-open handler slot. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler
  }
  /** Emits a cancellable event the way Electron does; returns whether it was prevented. */
  fire(name: string, url?: string, isMainFrame = true): boolean {
    let prevented = false
    this.emit(name, { url, isMainFrame, preventDefault: () => (prevented = true) })
    return prevented
  }

  /** A main-frame navigation: Electron emits will-navigate, then will-frame-navigate. */
  navigateMainFrame(url: string): boolean {
    const first = this.fire('will-navigate', url)
    const second = this.fire('will-frame-navigate', url, true)
    return first || second
  }
}

function guarded(extra: string[] = []) {
  const contents = new FakeContents()
  const opened: string[] = []
  installNavigationGuard(contents as unknown as WebContents, {
    app,
    openExternal: async (url) => {
      opened.push(url)
    },
    extraAllowedUrls: () => extra
  })
  return { contents, opened }
}

describe('installNavigationGuard', () => {
  it('prevents navigation away from the app and keeps in-app navigation', () => {
    const { contents, opened } = guarded()
    expect(contents.navigateMainFrame('https://evil.example/')).toBe(true)
    expect(contents.navigateMainFrame(`${indexUrl}#/x`)).toBe(false)
    expect(opened).toEqual([])
  })

  it('guards sub-frames too', () => {
    const { contents } = guarded()
    expect(contents.fire('will-frame-navigate', 'https://evil.example/', false)).toBe(true)
    expect(contents.fire('will-frame-navigate', `${indexUrl}#/x`, false)).toBe(false)
  })

  it('sends an allow-listed link to the system browser once, instead of navigating', async () => {
    const { contents, opened } = guarded()
    expect(contents.navigateMainFrame(billing)).toBe(true)
    await Promise.resolve()
    expect(opened).toEqual([billing])
  })

  it('stops redirects out of the app without opening them', async () => {
    const { contents, opened } = guarded()
    expect(contents.fire('will-redirect', billing)).toBe(true)
    expect(contents.fire('will-redirect', indexUrl)).toBe(false)
    await Promise.resolve()
    expect(opened).toEqual([])
  })

  it('denies every window.open and opens only allow-listed URLs outside', async () => {
    const { contents, opened } = guarded(['https://pay.example.org/'])
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: indexUrl })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: billing })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'https://pay.example.org/x' })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(opened).toEqual([billing, 'https://pay.example.org/x'])
  })

  it('prevents every <webview> from attaching', () => {
    const { contents } = guarded()
    expect(contents.fire('will-attach-webview')).toBe(true)
  })
})

describe('installPermissionDenial', () => {
  it('answers no to every request, check and device permission', () => {
    const installed: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (handler: (...args: never[]) => unknown) => (installed.request = handler),
      setPermissionCheckHandler: (handler: (...args: never[]) => unknown) => (installed.check = handler),
      setDevicePermissionHandler: (handler: (...args: never[]) => unknown) => (installed.device = handler)
    }
    installPermissionDenial(session as unknown as Session)
    const answers: boolean[] = []
    const request = installed.request as unknown as (c: unknown, p: string, cb: (granted: boolean) => void) => void
    request(null, 'notifications', (granted) => answers.push(granted))
    request(null, 'media', (granted) => answers.push(granted))
    expect(answers).toEqual([false, false])
    expect((installed.check as unknown as (c: unknown, p: string) => boolean)(null, 'notifications')).toBe(false)
    expect((installed.device as unknown as () => boolean)()).toBe(false)
  })
})
