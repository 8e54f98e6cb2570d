import { useId, useState } from 'react'
import type { AccountView } from '../../../../shared/contract'
import { findProvider } from '../../../../shared/providers'
import { ExternalLink } from '../../components/external-link'
import { Spinner } from '../../components/spinner'
import { formatDateTime, formatRelativeTime } from '../../lib/relative-time'
import { accountCardId } from '../../lib/routes'
import { useStore } from '../../store'
import { AccountBudgetBars } from '../../features/alerts/account-budget-bars'
import { AccountLedgerDetails } from '../../features/ledger/account-ledger-details'
import { BalanceFigures } from './balance-figures'
import { RawResponsesDialog } from './raw-responses-dialog'
import { accountVerdict } from '../../../../shared/account-state'
import { StateBadge, StatusDetail, stateTone } from './status-line'

/** Props of {@link AccountCard}. */
export interface AccountCardProps {
  account: AccountView
  now: number
  onRemove(account: AccountView): void
  onReplaceKey(account: AccountView): void
  onEdit(account: AccountView): void
  /** The address names this account (`#/accounts/<id>`): the card is outlined and takes focus. */
  targeted?: boolean
}

/** One account: balances, status, freshness, and its actions. */
export function AccountCard({ account, now, onRemove, onReplaceKey, onEdit, targeted = false }: AccountCardProps) {
  const titleId = useId()
  const stateId = useId()
  const alerts = useStore((state) => state.alerts)
  // The same verdict as the tray and `coffer status`: the worst open alert colours the card.
  const verdict = accountVerdict(account, alerts)
  const polling = useStore((state) => state.polling[account.id] === true)
  const step = useStore((state) => state.pollSteps[account.id])
  const pollAccounts = useStore((state) => state.pollAccounts)
  const provider = findProvider(account.provider)
  const billingUrl = account.billingUrl ?? provider?.billingUrl ?? null
  const [showRaw, setShowRaw] = useState(false)

  return (
    <article
      id={accountCardId(account.id)}
      // Focusable from script only, for `#/accounts/<id>`: it is not a tab stop.
      tabIndex={-1}
      className={`card account-card tone-border-${stateTone(verdict.state)}${targeted ? ' card-targeted' : ''}`}
      data-testid="account-card"
      data-state={verdict.state}
      aria-labelledby={titleId}
      aria-describedby={stateId}
      aria-busy={polling}
    >
      <header className="card-header">
        <div className="card-titles">
          <span className="provider-name">{provider?.name ?? account.provider}</span>
          <h2 id={titleId} className="account-label">
            {account.label}
          </h2>
        </div>
        <StateBadge verdict={verdict} id={stateId} />
      </header>

      <BalanceFigures account={account} />
      <AccountLedgerDetails account={account} />
      <AccountBudgetBars accountId={account.id} />
      <StatusDetail account={account} onReplaceKey={() => onReplaceKey(account)} />

      <p className="freshness">
        {polling ? (
          <span className="checking" role="status" data-testid="poll-progress">
            <Spinner /> {step ? pollStepText(step) : 'Checking…'}
          </span>
        ) : account.lastPolledAt ? (
          <span>
            Checked{' '}
            <time dateTime={account.lastPolledAt} title={formatDateTime(account.lastPolledAt)}>
              {formatRelativeTime(account.lastPolledAt, now)}
            </time>
          </span>
        ) : account.provider === 'manual' ? (
          // Nothing to check: the user records this account's figures.
          'Figures recorded by you'
        ) : (
          'Never checked'
        )}
        {account.stale ? <StaleMarker lastSuccessAt={account.lastSuccessAt} /> : null}
      </p>

      {/* Three groups that wrap whole: on a narrow card Edit and Remove move down together,
          never Remove alone (issue 14.7). */}
      <footer className="card-actions">
        <span className="action-group">
          <ExternalLink
            href={billingUrl}
            className="button button-small"
            extraAllowedUrls={account.billingUrl ? [account.billingUrl] : undefined}
          >
            Top up ↗
          </ExternalLink>
        </span>
        <span className="action-group">
          {account.provider !== 'manual' ? (
            // Named by its label, like its neighbours; the card's title describes which account.
            <button type="button" className="button button-small" aria-describedby={titleId} title="What the provider said" onClick={() => setShowRaw(true)}>
              Raw answers
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small"
            aria-label={`Refresh ${account.label}`}
            disabled={polling}
            onClick={() => void pollAccounts([account.id])}
          >
            Refresh
          </button>
        </span>
        <span className="action-group action-group-end">
          <button type="button" className="button button-small" aria-label={`Edit ${account.label}`} onClick={() => onEdit(account)}>
            Edit
          </button>
          <button
            type="button"
            className="button button-small button-quiet-danger"
            aria-label={`Remove ${account.label}`}
            onClick={() => onRemove(account)}
          >
            Remove
          </button>
        </span>
      </footer>
      {showRaw ? <RawResponsesDialog account={account} onClose={() => setShowRaw(false)} /> : null}
    </article>
  )
}

/**
 * How far a long poll is, in words (issue 14.8): "Reading OpenAI usage: page 3 of the 90-day
 * history (the first check reads it all)". Pages come one at a time, their number unknown ahead.
 */
export function pollStepText(step: { what: string; page: number; backfill: boolean }): string {
  return step.backfill ? `Reading ${step.what}: page ${step.page} of the 90-day history (the first check reads it all)…` : `Reading ${step.what}: page ${step.page}…`
}

/**
 * "Stale", with why: a tooltip for the pointer, and the same sentence as hidden text, since a
 * title alone reaches neither the keyboard nor most screen readers.
 */
function StaleMarker({ lastSuccessAt }: { lastSuccessAt: string | null }) {
  const why = lastSuccessAt
    ? `These figures are from ${formatDateTime(lastSuccessAt)}; later checks failed.`
    : 'The latest check failed; these figures may be out of date.'
  return (
    <span className="stale-marker" title={why}>
      Stale<span className="visually-hidden">: {why}</span>
    </span>
  )
}
