import { Suspense, useEffect } from 'react'
import { LoadBoundary } from './components/load-boundary'
import { PageLoading } from './components/page-loading'
import { RefreshAllButton } from './components/refresh-all-button'
import { ThemeSelect } from './components/theme-select'
import { Toasts } from './components/toasts'
import { useApplyTheme } from './lib/use-theme'
import { AlertBanner } from './features/alerts/alert-banner'
import { MissingToken } from './missing-token'
import { findPage, pages } from './pages/registry'
import { useStore } from './store'

/** The app shell: header (name, navigation, theme, refresh all), the current page, toasts. */
export function App() {
  useApplyTheme()
  const pageId = useStore((state) => state.page)
  const setPage = useStore((state) => state.setPage)
  const sessionExpired = useStore((state) => state.sessionExpired)
  usePreloadPagesWhenIdle()
  if (sessionExpired) return <MissingToken reason="expired" />
  const page = findPage(pageId)
  const Page = page.component

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Coffer</span>
          </div>
          <nav aria-label="Main" className="main-nav">
            {pages.map((entry) => (
              <button
                key={entry.id}
                type="button"
                className="nav-item"
                aria-current={entry.id === page.id ? 'page' : undefined}
                onClick={() => setPage(entry.id)}
              >
                {entry.title}
              </button>
            ))}
          </nav>
          <div className="header-actions">
            <RefreshAllButton />
            <ThemeSelect />
          </div>
        </div>
      </header>
      <main className="app-main">
        <AlertBanner />
        <LoadBoundary key={page.id} what={`the ${page.title} page`}>
          <Suspense fallback={<PageLoading title={page.title} />}>
            <Page />
          </Suspense>
        </LoadBoundary>
      </main>
      <Toasts />
    </div>
  )
}

/**
 * Once the first page has painted and the browser is idle, fetches the other pages' code so the
 * first visit to each opens at once. A failure is ignored here: visiting the page retries and
 * shows it.
 */
function usePreloadPagesWhenIdle(): void {
  useEffect(() => {
    const preload = (): void => {
      for (const page of pages) page.preload?.().catch(() => undefined)
    }
    // `coffer serve` may be opened in Safari, which has no requestIdleCallback: wait a moment there.
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(preload, 1500)
      return () => window.clearTimeout(timer)
    }
    const handle = window.requestIdleCallback(preload, { timeout: 5000 })
    return () => window.cancelIdleCallback(handle)
  }, [])
}
