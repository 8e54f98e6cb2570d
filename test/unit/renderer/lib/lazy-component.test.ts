import { createElement, Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { lazyComponent } from '../../../../src/renderer/src/lib/lazy-component'

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `Hello ${name}`)
}

/** A loader that counts its calls and fails the first `failures` times, like a chunk fetch. */
function countingLoader(failures = 0) {
  const state = { calls: 0 }
  const load = async () => {
    state.calls += 1
    if (state.calls <= failures) throw new Error('Failed to fetch dynamically imported module')
    return Greeting
  }
  return { state, load }
}

const render = (component: ReturnType<typeof lazyComponent<{ name: string }>>): string =>
  renderToString(createElement(Suspense, { fallback: createElement('span', null, 'Loading…') }, createElement(component, { name: 'Ada' })))

describe('lazyComponent', () => {
  it('shows the Suspense fallback until its code is in', () => {
    const { load } = countingLoader()
    const html = render(lazyComponent(load))
    expect(html).toContain('Loading…')
    expect(html).not.toContain('Hello Ada')
  })

  it('once preloaded, renders at once: no fallback, not even for a frame', async () => {
    const { load } = countingLoader()
    const Lazy = lazyComponent(load)
    await Lazy.preload()
    const html = render(Lazy)
    expect(html).toContain('Hello Ada')
    expect(html).not.toContain('Loading…')
  })

  it('fetches the code once however often it is preloaded', async () => {
    const { state, load } = countingLoader()
    const Lazy = lazyComponent(load)
    await Promise.all([Lazy.preload(), Lazy.preload(), Lazy.preload()])
    await Lazy.preload()
    expect(state.calls).toBe(1)
  })

  it('a failed fetch rejects preload and may be retried', async () => {
    const { state, load } = countingLoader(1)
    const Lazy = lazyComponent(load)
    await expect(Lazy.preload()).rejects.toThrow('Failed to fetch dynamically imported module')
    await Lazy.preload()
    expect(state.calls).toBe(2)
    expect(render(Lazy)).toContain('Hello Ada')
  })
})
