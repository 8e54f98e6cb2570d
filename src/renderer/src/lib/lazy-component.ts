import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** A component whose code loads on first use (its own chunk), and that can be fetched ahead of time. */
export type PreloadableComponent<P extends object> = LazyExoticComponent<ComponentType<P>> & {
  /** Fetches the chunk now (idle time, on mount of a neighbour); rejects when it cannot be loaded. */
  preload(): Promise<void>
}

/**
 * `React.lazy` for a named export (`lazyComponent(() => import('./page').then((m) => m.Page))`)
 * plus {@link PreloadableComponent.preload}. Render it under a `<Suspense>` (and an error
 * boundary: a chunk that fails to load throws on render).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableComponent<P> {
  let loaded: ComponentType<P> | null = null
  let pending: Promise<ComponentType<P>> | null = null
  const fetch = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null // a later render or preload may try again
        throw error
      }
    )
    return pending
  }
  const Lazy = lazy<ComponentType<P>>(() => {
    const ready = loaded
    // React.lazy takes any thenable. Once preloaded, answer synchronously: React then renders the
    // component at once instead of showing the Suspense fallback for a frame.
    if (ready) return { then: (resolve: (module: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as Promise<{ default: ComponentType<P> }>
    return fetch().then((component) => ({ default: component }))
  })
  return Object.assign(Lazy, { preload: () => fetch().then(() => undefined) })
}
