import { describe, expect, it } from 'vitest'
import { collectPages, MAX_PAGES } from '../../../../../src/main/core/providers/paginate'
import { ProviderFault } from '../../../../../src/main/core/providers/provider-fault'

describe('collectPages', () => {
  it('follows cursors in order and returns every item', async () => {
    const seen: (string | null)[] = []
    const items = await collectPages(async (cursor) => {
      seen.push(cursor)
      const n = cursor === null ? 0 : Number(cursor)
      return { items: [n], hasMore: n < 2, nextPage: String(n + 1) }
    }, 'test')
    expect(items).toEqual([0, 1, 2])
    expect(seen).toEqual([null, '1', '2'])
  })
  it('fails as bad_response on a missing or repeated cursor, and stops a runaway', async () => {
    await expect(collectPages(async () => ({ items: [], hasMore: true, nextPage: null }), 't')).rejects.toMatchObject({ status: 'bad_response', code: 'missing_cursor' })
    await expect(collectPages(async () => ({ items: [], hasMore: true, nextPage: 'same' }), 't')).rejects.toMatchObject({ code: 'repeated_cursor' })
    let calls = 0
    await expect(
      collectPages(async () => ({ items: [], hasMore: true, nextPage: String(++calls) }), 't')
    ).rejects.toBeInstanceOf(ProviderFault)
    expect(calls).toBe(MAX_PAGES)
  })
  it('tells onPage after each page read (1, 2, 3), for progress lines (issue 14.8)', async () => {
    const pages: number[] = []
    await collectPages(
      async (cursor) => {
        const n = cursor === null ? 0 : Number(cursor)
        return { items: [n], hasMore: n < 2, nextPage: String(n + 1) }
      },
      'test',
      (page) => pages.push(page)
    )
    expect(pages).toEqual([1, 2, 3])
  })
  it('a failing page fails the whole fetch', async () => {
    const fault = new ProviderFault('provider_error', 'http_500', 'boom')
    await expect(
      collectPages(async (cursor) => {
        if (cursor === '2') throw fault
        return { items: [cursor], hasMore: true, nextPage: cursor === null ? '1' : '2' }
      }, 't')
    ).rejects.toBe(fault)
  })
})

describe('businessError', () => {
  it('never cuts through an echoed key when it shortens the provider’s words', async () => {
    const { businessError } = await import('../../../../../src/main/core/providers/parse')
    const key = 'sk-or-v1-0123456789abcdef0123456789abcdef'
    for (let pad = 150; pad < 230; pad += 7) {
      const fault = businessError('X', 'quota', `${'a'.repeat(pad)} ${key} end`)
      const leaked = [...Array(key.length - 7).keys()].some((i) => fault.message.includes(key.slice(0, i + 8)) && !fault.message.includes(key))
      expect(leaked, `pad ${pad}: ${fault.message.slice(-60)}`).toBe(false)
    }
  })
})
