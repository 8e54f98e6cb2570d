import type { AccountView } from '../../../../shared/contract'
import { useStore } from '../../store'
import { useRecordsStore } from '../records/records-store'

/** "1 detected top-up to confirm": opens the Credit adjustments tab for this account. */
export function PendingTopups({ account }: { account: AccountView }) {
  const navigate = useStore((state) => state.navigate)
  const count = account.unconfirmedTopups ?? 0
  if (count === 0) return null
  const open = (): void => {
    useRecordsStore.setState({ tab: 'credits', accountIds: [account.id], types: [], preset: 'all', from: null, to: null, sort: 'date', dir: 'desc', data: null })
    navigate({ page: 'records', tab: 'credits' })
  }
  return (
    <p className="pending-topups">
      The balance went up: {count === 1 ? '1 detected top-up' : `${count} detected top-ups`} to confirm.{' '}
      <button type="button" className="link-button" onClick={open}>
        Review
      </button>
    </p>
  )
}
