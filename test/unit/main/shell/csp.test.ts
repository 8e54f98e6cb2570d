import { describe, expect, it } from 'vitest'
import { withRendererCsp } from '../../../../src/main/shell/csp'
import { RENDERER_CSP } from '../../../../src/shared/http-protocol'

describe('withRendererCsp', () => {
  it('adds the renderer CSP and keeps other headers', () => {
    expect(withRendererCsp({ 'Content-Type': ['text/html'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [RENDERER_CSP]
    })
  })

  it('replaces an existing policy whatever its case, so only one policy applies', () => {
    const headers = withRendererCsp({ 'content-security-policy': ["script-src 'unsafe-inline'"], 'CONTENT-SECURITY-POLICY': 'x' })
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy'])
    expect(headers['Content-Security-Policy']).toEqual([RENDERER_CSP])
  })

  it('handles a response without headers', () => {
    expect(withRendererCsp(undefined)).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] })
  })

  it('is a strict policy: no inline or eval scripts, no remote connections', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'")
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)/)
    expect(RENDERER_CSP).toContain("connect-src 'self'")
  })
})
