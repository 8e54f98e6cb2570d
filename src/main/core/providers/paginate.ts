import type { z } from 'zod'
import { endpoint, parseShape } from './parse'
import type { PollContext } from './provider-adapter'
import { badResponse } from './provider-fault'

/** One page of a cursor-paginated admin API (OpenAI, Anthropic): `has_more` + `next_page`. */
export interface Page<T> {
  items: T[]
  hasMore: boolean
  nextPage: string | null
}

/** A runaway cursor (a provider repeating `has_more: true` forever) stops here. */
export const MAX_PAGES = 200

/**
 * Follows every page and returns all items, or throws: a failure on any page (the third of
 * three, say) fails the whole fetch, so the caller writes nothing from the pages before it.
 */
export async function collectPages<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>, what: string, onPage?: (page: number) => void): Promise<T[]> {
  const items: T[] = []
  const seen = new Set<string>()
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(cursor)
    items.push(...result.items)
    onPage?.(page + 1)
    if (!result.hasMore) return items
    if (!result.nextPage) throw badResponse('missing_cursor', `${what}: has_more is true but next_page is missing`)
    if (seen.has(result.nextPage)) throw badResponse('repeated_cursor', `${what}: the provider repeated a page cursor`)
    seen.add(result.nextPage)
    cursor = result.nextPage
  }
  throw badResponse('too_many_pages', `${what}: more than ${MAX_PAGES} pages`)
}

/** The envelope both admin APIs use. */
export interface CursorBody<T> {
  data: T[]
  has_more?: boolean | undefined
  next_page?: string | null | undefined
}

/**
 * GETs `url` with `params` plus `page=<cursor>` until `has_more` is false, validating every page
 * against `shape`. All-or-nothing, like {@link collectPages}.
 */
export async function fetchCursorPages<T>(
  context: PollContext,
  request: { path: string; params: Record<string, string>; headers: Record<string, string> },
  shape: z.ZodType<CursorBody<T>>,
  what: string
): Promise<T[]> {
  return collectPages(async (cursor) => {
    const query = new URLSearchParams(request.params)
    if (cursor) query.set('page', cursor)
    const response = await context.http.json({ url: `${endpoint(context.baseUrl, request.path)}?${query}`, headers: request.headers })
    const page = parseShape(shape, response.json, what)
    return { items: page.data, hasMore: page.has_more === true, nextPage: page.next_page ?? null }
  }, what, (page) => context.onPage?.(what, page))
}
