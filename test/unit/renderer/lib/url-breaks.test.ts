import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { urlBreakPieces } from '../../../../src/renderer/src/lib/url-breaks'

describe('URLs wrap at sensible points (issue 14.7)', () => {
  it('breaks after slashes, dots and query separators, never inside a word', () => {
    expect(urlBreakPieces('https://api.deepseek.com/user/balance?x=1&y=2')).toEqual(['https://', 'api.', 'deepseek.', 'com/', 'user/', 'balance?', 'x=', '1&', 'y=', '2'])
    expect(urlBreakPieces('https://management-api.x.ai/v1')).toEqual(['https://', 'management-', 'api.', 'x.', 'ai/', 'v1'])
    expect(urlBreakPieces('')).toEqual([])
  })

  it('the pieces joined are always the address unchanged', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(urlBreakPieces(url).join('')).toBe(url)
      }),
      { numRuns: 200 }
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(urlBreakPieces(text).join('')).toBe(text)
      })
    )
  })
})
