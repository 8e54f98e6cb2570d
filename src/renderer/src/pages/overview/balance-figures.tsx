import { useState } from 'react'
import type { AccountView, BalanceView } from '../../../../shared/contract'
import { balanceKindText, type FactSource } from '../../../../shared/balance-kinds'
import { formatMoney } from '../../../../shared/money'
import { formatDateTime, formatRelativeDate } from '../../lib/format'
import { runwayText } from '../../../../shared/runway'
import { findProvider } from '../../../../shared/providers'
import { LazyRecordCreditDialog } from '../../features/ledger/lazy-record-credit-dialog'
import { accountUnit } from '../../lib/account-unit'
import { isLocalSubscription, SubscriptionCycleValue } from './subscription-cycle-value'

const SOURCE_HINT: Record<FactSource, string> = {
  official: 'Reported by the provider’s API',
  derived: 'Computed by Coffer from other figures',
  manual: 'Entered by you',
  local: 'Read from a coding agent’s logs on this computer'
}

/** A small tag saying where a figure came from. */
export function SourceTag({ source }: { source: FactSource }) {
  return (
    <span className={`source-tag source-${source}`} title={SOURCE_HINT[source]}>
      {source}
    </span>
  )
}

function amountText(balance: BalanceView): string {
  return formatMoney({ amount: balance.amount, unit: balance.unit })
}

/** The primary balance big, the others below it with their kind and source. */
export function BalanceFigures({ account }: { account: AccountView }) {
  const [primary, ...others] = account.balances
  // A Claude Code / Codex subscription has no balance: its card shows the cycle's value (issue 12.4).
  if (!primary && isLocalSubscription(account)) return <SubscriptionCycleValue account={account} />
  if (!primary) {
    return (
      <div className="balances">
        <p className="no-balance">{noBalanceText(account)}</p>
        {canRecordBalance(account) ? <RecordBalanceButton account={account} /> : null}
        {hasSpendLine(account) ? <SpendLine account={account} /> : null}
      </div>
    )
  }
  return (
    <div className="balances">
      <div className="primary-balance">
        <span className="primary-amount">{amountText(primary)}</span>
        <span className="figure-meta">
          {balanceKindText[primary.kind]} <SourceTag source={primary.source} />
          {primary.resetsAt ? (
            <>
              {' '}
              · resets <time dateTime={primary.resetsAt} title={formatDateTime(primary.resetsAt)}>{formatRelativeDate(primary.resetsAt)}</time>
            </>
          ) : null}
        </span>
      </div>
      {others.length > 0 ? (
        <dl className="other-balances">
          {others.map((balance) => (
            <div className="other-balance" key={`${balance.kind}-${balance.unit}`}>
              <dt>{balanceKindText[balance.kind]}</dt>
              <dd>
                <span className="other-amount">{amountText(balance)}</span> <SourceTag source={balance.source} />
                {/* A period figure under another primary (an OpenRouter key limit beside the account balance). */}
                {balance.resetsAt ? (
                  <span className="figure-meta">
                    {' '}
                    · resets <time dateTime={balance.resetsAt}>{formatDateTime(balance.resetsAt)}</time>
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {hasSpendLine(account) ? <SpendLine account={account} /> : null}
    </div>
  )
}

/** The card says "record your balance": manual accounts, and providers that publish spend only. */
function canRecordBalance(account: AccountView): boolean {
  const provider = findProvider(account.provider)
  return provider !== undefined && (provider.id === 'manual' || !provider.publishes.balance)
}

/** "Record balance…" on a card with no balance yet: the Record dialog, set to a balance entry in the account's unit. */
function RecordBalanceButton({ account }: { account: AccountView }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <div>
        <button type="button" className="button button-small button-primary" onClick={() => setOpen(true)} aria-label={`Record balance for ${account.label}`}>
          Record balance…
        </button>
      </div>
      {open ? <LazyRecordCreditDialog account={{ id: account.id, label: account.label, unit: accountUnit(account) }} initialKind="balance" onClose={() => setOpen(false)} /> : null}
    </>
  )
}

/** Why there is no balance, in words: the provider publishes none, or none was received yet. */
function noBalanceText(account: AccountView): string {
  const provider = findProvider(account.provider)
  if (!provider || provider.publishes.balance) return 'No balance yet.'
  if (provider.id === 'manual') return 'No balance recorded yet: record your balance, or a top-up, to track it.'
  return `${provider.name.replace(/ \(.*\)$/, '')} publishes spend, not a balance: record your balance once and Coffer counts it down.`
}

/** Spend, runway or a provider's own estimate to show (an estimate shows even when no spend was reported). */
function hasSpendLine(account: AccountView): boolean {
  return account.spend !== null || account.runwayDays !== null || (account.providerEstimates ?? []).length > 0
}

function SpendLine({ account }: { account: AccountView }) {
  const spend = account.spend
  const runway = account.runwayDays
  return (
    <div className="spend-lines">
      {spend ? (
        <p>
          Spent {formatMoney({ amount: spend.today, unit: spend.unit })} today ·{' '}
          {formatMoney({ amount: spend.monthToDate, unit: spend.unit })} this month
          {account.spendSource ? <> <SourceTag source={account.spendSource} /></> : null}
        </p>
      ) : null}
      {(account.providerEstimates ?? []).map((estimate) => (
        <p key={`${estimate.what}:${estimate.unit}`} data-testid="provider-estimate">
          {estimate.what}: {formatMoney({ amount: estimate.monthToDate, unit: estimate.unit })} this month, the provider’s estimate, not counted as spend{' '}
          <SourceTag source="official" />
        </p>
      ))}
      {runway !== null ? (
        <p>
          Runs out in {runwayText(runway)} at this pace{' '}
          <SourceTag source="derived" />
        </p>
      ) : null}
    </div>
  )
}
