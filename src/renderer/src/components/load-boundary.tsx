import { Component, type ReactNode } from 'react'

/** Props of {@link LoadBoundary}. */
export interface LoadBoundaryProps {
  /** What failed, for the message: "the Records page", "this chart". */
  what: string
  children: ReactNode
}

/**
 * Catches a failure to load or render its children (a lazily loaded chunk that cannot be fetched,
 * e.g. after `coffer serve` restarted with a new build) and offers a reload instead of a blank
 * window. Give it a `key` that changes with the content so switching pages clears the error.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  // React itself reports the caught error on the console (React 19's onCaughtError).
  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="banner banner-error" role="alert">
        <p>
          Could not show {this.props.what}. Reload to try again.{' '}
          <span className="load-error-detail">({this.state.error.message})</span>
        </p>
        <button type="button" className="button button-small" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}
