import { useState } from 'react'
import type { AccountView } from '../../../../shared/contract'
import type { CreditKind } from '../../../../shared/contract/ledger-schemas'
import { formatMoney } from '../../../../shared/money'
import { accountUnit } from '../../lib/account-unit'
import { formatRelativeDate, formatShortDate } from '../../lib/format'
import { ChartSlot } from '../../components/charts/chart-slot'
import { SourceTag } from '../../pages/overview/balance-figures'
import { LazyBalanceHistoryChart } from './lazy-charts'
import { PendingTopups } from './pending-topups'
import { LazyRecordCreditDialog } from './lazy-record-credit-dialog'
import './ledger.css'


/**
 * The ledger part of an account card: expiring credit, pace (or why there is none), and behind a
 * disclosure the balance history and the record / correct-balance actions.
 */
export function AccountLedgerDetails({ account }: { account: AccountView }) {
  const [recording, setRecording] = useState<CreditKind | null>(null)
  const [open, setOpen] = useState(false)
  const pace = account.pace ?? null
  const unit = accountUnit(account)
  const balanceDerived = account.balances[0] ? account.balances[0].source !== 'official' : true
  return (
    <div className="card-ledger">
      <PendingTopups account={account} />
      {account.expiring ? (
        <p className="expiring-line" data-testid="expiring-credit">
          {formatMoney(account.expiring)} expires <time dateTime={account.expiring.expiresAt}>{formatRelativeDate(account.expiring.expiresAt.slice(0, 10))}</time> <SourceTag source="derived" />
        </p>
      ) : null}
      {pace && pace.burnPerDay !== null && pace.reason === null ? (
        <p className="pace-line">
          Burning ≈ {formatMoney({ amount: pace.burnPerDay, unit: pace.unit })}/day ({pace.windowDays}-day average)
          {pace.runwayDate ? ` · empty around ${formatShortDate(pace.runwayDate)}` : ''}
          {pace.projection ? ` · month-end ≈ ${formatMoney({ amount: pace.projection, unit: pace.unit })}` : ''} <SourceTag source="derived" />
        </p>
      ) : pace?.reason ? (
        <p className="pace-line muted">{pace.reason}</p>
      ) : null}
      <details className="card-details" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
        <summary>History and credits</summary>
        {open ? (
          <ChartSlot size="small">
            <LazyBalanceHistoryChart accountId={account.id} label={account.label} version={`${account.lastSuccessAt ?? ''}|${account.balances[0]?.asOf ?? ''}|${account.balances[0]?.amount ?? ''}`} />
          </ChartSlot>
        ) : null}
        <div className="card-ledger-actions">
          <button type="button" className="button button-small" onClick={() => setRecording('topup')}>
            Record top-up…
          </button>
          {balanceDerived ? (
            <button type="button" className="button button-small button-quiet" onClick={() => setRecording('balance')}>
              Correct balance…
            </button>
          ) : null}
        </div>
      </details>
      {recording ? <LazyRecordCreditDialog account={{ id: account.id, label: account.label, unit }} initialKind={recording} onClose={() => setRecording(null)} /> : null}
    </div>
  )
}
