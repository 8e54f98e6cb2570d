import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RENDERER_CSP, rendererCspForMeta } from '../../../src/shared/http-protocol'

const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8')

describe('src/renderer/index.html', () => {
  it('takes its CSP meta tag from the build (one policy, src/shared/http-protocol.ts)', () => {
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
    expect(match?.[1]).toBe('%COFFER_CSP%')
  })

  it('has no inline script or style (the CSP would block them)', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i)
    expect(html).not.toMatch(/<style[\s>]/i)
    expect(html).not.toMatch(/\sstyle="/i)
  })
})

describe('rendererCspForMeta', () => {
  it('is the header policy minus frame-ancestors, which browsers ignore in a meta tag', () => {
    const meta = rendererCspForMeta()
    expect(meta).not.toContain('frame-ancestors')
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'")
    expect(RENDERER_CSP.startsWith(meta)).toBe(true)
    expect(meta).toContain("script-src 'self';")
    expect(meta).not.toContain('unsafe')
  })

  it('relaxes only for the dev server (inline React refresh, websocket)', () => {
    const dev = rendererCspForMeta(true)
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain('ws://localhost:*')
    expect(dev).not.toContain('unsafe-eval')
  })
})
