import { useState } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { AddAccountDialog } from '../../add-account/add-account-dialog'
import { Spinner } from '../../components/spinner'
import { RetryBanner } from '../../components/retry-banner'
import { useNow } from '../../lib/use-now'
import { useStore } from '../../store'
import { OverviewLedger } from '../../features/ledger/overview-ledger'
import { AccountCard } from './account-card'
import { EditAccountDialog } from './edit-account-dialog'
import { EmptyState } from './empty-state'
import { RemoveAccountDialog } from './remove-account-dialog'
import { ReplaceKeyDialog } from './replace-key-dialog'

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
            <AccountCard key={account.id} account={account} now={now} onRemove={setRemoving} onReplaceKey={setReplacing} onEdit={setEditing} />
          ))}
        </div>
      )}

      {adding ? <AddAccountDialog onClose={() => setAdding(false)} /> : null}
      {removing ? <RemoveAccountDialog account={removing} onClose={() => setRemoving(null)} /> : null}
      {replacing ? <ReplaceKeyDialog account={replacing} onClose={() => setReplacing(null)} /> : null}
      {editing ? <EditAccountDialog account={editing} onClose={() => setEditing(null)} /> : null}
    </>
  )
}
