import { useStore } from '../store'
import { Spinner } from './spinner'

/** Polls every account now, showing how many have finished. Disabled while running. */
export function RefreshAllButton() {
  const progress = useStore((state) => state.refreshProgress)
  const hasAccounts = useStore((state) => state.accounts.length > 0)
  const refreshAll = useStore((state) => state.refreshAll)
  const running = progress !== null
  return (
    <div className="refresh-all">
      <button
        type="button"
        className="button"
        disabled={running || !hasAccounts}
        aria-busy={running}
        onClick={() => void refreshAll()}
      >
        {running ? <Spinner /> : null}
        Refresh all
      </button>
      {progress ? (
        <div className="refresh-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label="Refresh progress" />
          <span>
            {progress.done} of {progress.total}
          </span>
        </div>
      ) : null}
    </div>
  )
}
