import type { ReactNode } from 'react'

/**
 * A failed load, said plainly, with a "Try again" button that repeats it. Pages show it above
 * their content, which keeps whatever it had before the failure.
 */
export function RetryBanner({ children, onRetry, busy = false }: { children: ReactNode; onRetry(): void; busy?: boolean }) {
  return (
    <div className="banner banner-error" role="alert">
      <p>{children}</p>
      <button type="button" className="button button-small" disabled={busy} onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
