/** Props of {@link MissingToken}. */
export interface MissingTokenProps {
  /** `missing`: opened without a token; `expired`: the server no longer accepts it. */
  reason: 'missing' | 'expired'
}

/**
 * The whole page when the dashboard cannot talk to `coffer serve`: explains where the working
 * address comes from. The token is random per server start, so an old bookmark cannot work.
 */
export function MissingToken({ reason }: MissingTokenProps) {
  return (
    <main className="full-page-message">
      <div className="card message-card" role="alert">
        <h1>{reason === 'missing' ? 'Open Coffer from its address' : 'This session has ended'}</h1>
        <p>
          {reason === 'missing'
            ? 'This page needs the private address that '
            : 'The Coffer server stopped or restarted, so this page’s access token no longer works. Open the new address that '}
          <code>coffer serve</code> printed in your terminal. It looks like{' '}
          <code>http://127.0.0.1:PORT/#token=…</code>; the part after <code>#token=</code> proves to the server that the
          page is yours.
        </p>
        <p className="muted">
          Not running? Start it with <code>coffer serve</code> (or <code>coffer serve --demo</code> to explore with sample
          data), then open the address it shows.
        </p>
      </div>
    </main>
  )
}
