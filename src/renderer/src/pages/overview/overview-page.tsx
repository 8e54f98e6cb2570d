import { useEffect, useState } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { Spinner } from '../../components/spinner'
import { RetryBanner } from '../../components/retry-banner'
import { accountCardId } from '../../lib/routes'
import { useNow } from '../../lib/use-now'
import { useStore } from '../../store'
import { OverviewLedger } from '../../features/ledger/overview-ledger'
import { AccountCard } from './account-card'
import { EmptyState } from './empty-state'
import { RemoveAccountDialog } from './remove-account-dialog'
import { LazyAddAccountDialog, LazyEditAccountDialog, LazyReplaceKeyDialog } from './lazy-dialogs'

/**
 * `#/accounts/<id>` (a link from an alert or a notification): once the accounts are in, scrolls to
 * that card and moves focus to it. An account that no longer exists says so and shows the overview.
 *
 * @returns the id of the account the address names, if any.
 */
function useAccountRoute(): string | null {
  const targetId = useStore((state) => (state.route.page === 'overview' ? (state.route.accountId ?? null) : null))
  const loaded = useStore((state) => state.accountsLoaded)
  const exists = useStore((state) => (targetId ? state.accounts.some((account) => account.id === targetId) : false))
  const navigate = useStore((state) => state.navigate)
  const notify = useStore((state) => state.notify)
  useEffect(() => {
    if (!targetId || !loaded) return
    if (!exists) {
      notify('info', 'That account is no longer in Coffer.')
      navigate({ page: 'overview' }, { replace: true })
      return
    }
    const card = document.getElementById(accountCardId(targetId))
    card?.scrollIntoView({ block: 'center' })
    card?.focus({ preventScroll: true })
  }, [targetId, loaded, exists, navigate, notify])
  return targetId
}

/** Every account as a card, or the first-run guide when there are none. */
export function OverviewPage() {
  const accounts = useStore((state) => state.accounts)
  const loaded = useStore((state) => state.accountsLoaded)
  const loadError = useStore((state) => state.accountsError)
  const loadAccounts = useStore((state) => state.loadAccounts)
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<AccountView | null>(null)
  const [replacing, setReplacing] = useState<AccountView | null>(null)
  const [editing, setEditing] = useState<AccountView | null>(null)
  const now = useNow()
  const targetId = useAccountRoute()

  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title">Overview</h1>
        <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
          Add account
        </button>
      </div>

      {loadError ? (
        <RetryBanner onRetry={() => void loadAccounts()}>Could not load your accounts: {loadError}</RetryBanner>
      ) : null}

      {loaded ? <OverviewLedger /> : null}

      {!loaded ? (
        <p className="loading" role="status">
          <Spinner /> Loading accounts…
        </p>
      ) : accounts.length === 0 && !loadError ? (
        <EmptyState onAdd={() => setAdding(true)} />
      ) : (
        <div className="cards-grid">
          {accounts.map((account) => (
            <AccountCard key={account.id} account={account} now={now} targeted={account.id === targetId} onRemove={setRemoving} onReplaceKey={setReplacing} onEdit={setEditing} />
          ))}
        </div>
      )}

      {adding ? <LazyAddAccountDialog onClose={() => setAdding(false)} /> : null}
      {removing ? <RemoveAccountDialog account={removing} onClose={() => setRemoving(null)} /> : null}
      {replacing ? <LazyReplaceKeyDialog account={replacing} onClose={() => setReplacing(null)} /> : null}
      {editing ? <LazyEditAccountDialog account={editing} onClose={() => setEditing(null)} /> : null}
    </>
  )
}
