import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../../src/shared/http-protocol'

const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8')

describe('src/renderer/index.html', () => {
  it('carries exactly RENDERER_CSP in its CSP meta tag', () => {
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
    expect(match?.[1]).toBe(RENDERER_CSP)
  })

  it('has no inline script or style (the CSP would block them)', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i)
    expect(html).not.toMatch(/<style[\s>]/i)
    expect(html).not.toMatch(/\sstyle="/i)
  })
})
