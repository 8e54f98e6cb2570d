import type { Page } from 'playwright'

/** One element that pokes out of the box it belongs to, as {@link findOverflows} reports it. */
export interface Overflow {
  /** The container, e.g. `.account-card "OpenRouter (demo)"`. */
  container: string
  /** The element that sticks out: tag, classes and the start of its text. */
  element: string
  /** By how many pixels on each side (only the sides that overflow). */
  by: Partial<Record<'left' | 'right' | 'top' | 'bottom', number>>
}

/**
 * Every visible element inside each `containerSelector` match whose bounding box leaves the
 * container's box by more than half a pixel, measured in the page (getBoundingClientRect). An
 * element inside a scrolling box is measured against that box's scrolled content instead, as the
 * reader can scroll to it. Elements that are meant to escape (visually hidden text) are skipped.
 */
export async function findOverflows(page: Page, containerSelector: string): Promise<Overflow[]> {
  return page.evaluate((selector) => {
    const found: { container: string; element: string; by: Partial<Record<'left' | 'right' | 'top' | 'bottom', number>> }[] = []
    const describe = (element: Element): string => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}${text ? ` "${text}"` : ''}`
    }
    const scrolls = (element: Element): boolean => {
      const style = getComputedStyle(element)
      return ['auto', 'scroll'].includes(style.overflowX) || ['auto', 'scroll'].includes(style.overflowY)
    }
    for (const container of document.querySelectorAll(selector)) {
      const box = container.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      // A container that scrolls itself (a tall dialog) holds more than it shows: sideways only.
      const vertical = !scrolls(container)
      for (const element of container.querySelectorAll('*')) {
        if (element.closest('.visually-hidden')) continue
        // Inside a scrolling box (the table body, a code block) the reader scrolls to it.
        let ancestor = element.parentElement
        let inScroller = false
        while (ancestor && ancestor !== container) {
          if (scrolls(ancestor)) inScroller = true
          ancestor = ancestor.parentElement
        }
        if (inScroller) continue
        const rect = element.getBoundingClientRect()
        if (rect.width === 0 || rect.height === 0) continue
        const style = getComputedStyle(element)
        if (style.visibility === 'hidden' || style.position === 'fixed') continue
        const by: Partial<Record<'left' | 'right' | 'top' | 'bottom', number>> = {}
        if (box.left - rect.left > 0.5) by.left = Math.round(box.left - rect.left)
        if (rect.right - box.right > 0.5) by.right = Math.round(rect.right - box.right)
        if (vertical && box.top - rect.top > 0.5) by.top = Math.round(box.top - rect.top)
        if (vertical && rect.bottom - box.bottom > 0.5) by.bottom = Math.round(rect.bottom - box.bottom)
        if (Object.keys(by).length > 0) found.push({ container: describe(container).slice(0, 60), element: describe(element), by })
      }
    }
    return found
  }, containerSelector)
}

/**
 * Pairs of `itemSelector` elements inside one `containerSelector` match whose boxes overlap (by
 * more than a pixel each way): one input running under its neighbour, a button over another.
 */
export async function findOverlaps(page: Page, containerSelector: string, itemSelector: string): Promise<string[]> {
  return page.evaluate(
    ([containers, items]) => {
      const overlaps: string[] = []
      const name = (element: Element): string => element.getAttribute('aria-label') ?? (element as HTMLInputElement).placeholder ?? element.textContent?.trim().slice(0, 30) ?? element.tagName
      for (const container of document.querySelectorAll(containers)) {
        const boxes = [...container.querySelectorAll(items)].map((element) => ({ element, rect: element.getBoundingClientRect() })).filter(({ rect }) => rect.width > 0 && rect.height > 0)
        boxes.forEach((a, index) => {
          for (const b of boxes.slice(index + 1)) {
            if (a.element.contains(b.element) || b.element.contains(a.element)) continue
            const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left)
            const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top)
            if (x > 1 && y > 1) overlaps.push(`${name(a.element)} × ${name(b.element)} (${Math.round(x)}×${Math.round(y)} px)`)
          }
        })
      }
      return overlaps
    },
    [containerSelector, itemSelector] as const
  )
}

/**
 * Controls whose text is cut (an ellipsis, or clipped by `overflow: hidden`): `scrollWidth`
 * beyond `clientWidth`. Used where the page has room, so nothing should be cut.
 */
export async function findClippedText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((css) => {
    const clipped: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(css)) {
      if (element.offsetParent === null) continue
      if (element.scrollWidth - element.clientWidth > 1) clipped.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" (${element.scrollWidth} > ${element.clientWidth})`)
    }
    return clipped
  }, selector)
}
