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
        <Page />
      </main>
      <Toasts />
    </div>
  )
}
