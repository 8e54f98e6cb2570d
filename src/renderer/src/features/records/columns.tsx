import type { Res } from '../../../../shared/contract'
import type { CreditEventView, PollRow, SpendRow, UsageRow } from '../../../../shared/contract/ledger-schemas'
import { formatMoney } from '../../../../shared/money'
import { formatCount, formatDate, formatDateTime, formatDuration } from '../../lib/format'
import { SourceTag } from '../../pages/overview/balance-figures'
import { creditKindText } from '../../../../shared/credit-kinds'
import type { Column } from './virtual-table'

const count = (value: number): string => formatCount(value)

export const spendColumns: Column<SpendRow>[] = [
  { key: 'day', header: 'Date', width: '7.5rem', render: (row) => <time dateTime={row.day}>{formatDate(row.day)}</time> },
  { key: 'account', header: 'Account', width: 'minmax(8rem, 1fr)', render: (row) => row.account },
  { key: 'item', header: 'Line item', width: 'minmax(10rem, 2fr)', render: (row) => <span title={row.item}>{row.item}</span> },
  { key: 'amount', header: 'Amount', width: '8rem', align: 'end', render: (row) => <span className="figure">{formatMoney(row)}</span> },
  { key: 'source', header: 'Source', width: '6rem', render: (row) => <SourceTag source={row.source} /> }
]

export const usageColumns: Column<UsageRow>[] = [
  { key: 'day', header: 'Date', width: '7.5rem', render: (row) => <time dateTime={row.day}>{formatDate(row.day)}</time> },
  { key: 'account', header: 'Account', width: 'minmax(8rem, 1fr)', render: (row) => row.account },
  { key: 'model', header: 'Model', width: 'minmax(10rem, 2fr)', render: (row) => <span title={row.model}>{row.model}</span> },
  { key: 'in', header: 'Input', width: '7rem', align: 'end', render: (row) => <span className="figure">{count(row.inputTokens)}</span> },
  { key: 'cached', header: 'Cached', width: '7rem', align: 'end', render: (row) => <span className="figure">{count(row.cachedInputTokens)}</span> },
  { key: 'out', header: 'Output', width: '7rem', align: 'end', render: (row) => <span className="figure">{count(row.outputTokens)}</span> },
  { key: 'requests', header: 'Requests', width: '6rem', align: 'end', render: (row) => <span className="figure">{count(row.requests)}</span> }
]

export function creditColumns(actions: (row: CreditEventView) => React.ReactNode): Column<CreditEventView>[] {
  return [
    { key: 'at', header: 'Date', width: '7.5rem', render: (row) => <time dateTime={row.occurredAt} title={formatDateTime(row.occurredAt)}>{formatDate(row.occurredAt)}</time> },
    // Names get the room first (they were cut while the detail column stood empty): issue 14.7.
    { key: 'account', header: 'Account', width: 'minmax(11rem, 2fr)', render: (row) => <span title={row.account}>{row.account}</span> },
    { key: 'kind', header: 'Type', width: '11rem', render: (row) => creditKindText[row.kind] },
    { key: 'amount', header: 'Amount', width: '8rem', align: 'end', render: (row) => <span className={Number(row.amount) < 0 ? 'figure negative' : 'figure'}>{formatMoney(row)}</span> },
    {
      key: 'detail',
      header: 'Detail',
      width: 'minmax(8rem, 2fr)',
      render: (row) => (
        <span title={row.note ?? undefined}>
          {row.expiresAt ? `Expires ${formatDate(row.expiresAt)}` : ''}
          {row.expiresAt && row.note ? ' · ' : ''}
          {row.note ?? ''}
        </span>
      )
    },
    {
      key: 'source',
      header: 'Source',
      width: '10rem',
      render: (row) => (
        <>
          <SourceTag source={row.source} />
          {row.confirmed ? null : <span className="unconfirmed-tag">unconfirmed</span>}
          {row.match === 'pending' ? <span className="unconfirmed-tag" title="Coffer counts it once a balance reading shows it">Waiting for the balance</span> : null}
          {row.match === 'overdue' ? <span className="unconfirmed-tag" title="Not seen in the balance after 3 days: confirm or delete it">Not seen after 3 days — confirm or delete</span> : null}
        </>
      )
    },
    { key: 'actions', header: 'Actions', width: '10rem', render: actions }
  ]
}

export const pollColumns: Column<PollRow>[] = [
  { key: 'at', header: 'Started', width: '11rem', render: (row) => <time dateTime={row.startedAt}>{formatDateTime(row.startedAt)}</time> },
  { key: 'account', header: 'Account', width: 'minmax(8rem, 1fr)', render: (row) => row.account },
  { key: 'status', header: 'Status', width: '9rem', render: (row) => <span className={row.status === 'ok' ? 'poll-ok' : 'poll-failed'}>{row.status}</span> },
  { key: 'duration', header: 'Duration', width: '6rem', align: 'end', render: (row) => <span className="figure">{formatDuration(row.durationMs)}</span> },
  { key: 'http', header: 'HTTP', width: '4rem', align: 'end', render: (row) => row.httpStatus ?? '—' },
  { key: 'error', header: 'Error', width: 'minmax(10rem, 2fr)', render: (row) => {
      // A successful poll's warning (issue 13.3) sits where a failure's error would.
      const text = row.errorMessage ?? (row.warning ? `Warning: ${row.warning}` : '')
      return <span title={text || undefined}>{text}</span>
    } }
]

/** The summary bar's text for a page of results. */
export function summaryItems(data: { tab: string; page: Res<'records:spend'> | Res<'records:usage'> | Res<'records:credits'> | Res<'records:polls'> }): { label: string; value: string }[] {
  const { page } = data
  if (data.tab === 'spend') {
    const summary = (page as Res<'records:spend'>).summary
    const total = summary.home
    // Converted with day-by-day rates when it had to be; what it could not convert is named.
    const home = total
      ? [
          {
            label: total.approximate ? `≈ Total (${total.unit}, approximate)` : `Total (${total.unit})`,
            value: `${total.approximate ? '≈ ' : ''}${formatMoney(total)}${total.excluded.length ? ` + ${total.excluded.map((entry) => formatMoney(entry)).join(', ')} not converted` : ''}`
          }
        ]
      : []
    return [{ label: 'Lines', value: count(summary.count) }, ...summary.totals.map((total) => ({ label: `Spent (${total.unit})`, value: formatMoney(total) })), ...home]
  }
  if (data.tab === 'usage') {
    const summary = (page as Res<'records:usage'>).summary
    return [
      { label: 'Rows', value: count(summary.count) },
      { label: 'Input tokens', value: count(summary.inputTokens) },
      { label: 'Cached', value: count(summary.cachedInputTokens) },
      { label: 'Output tokens', value: count(summary.outputTokens) },
      { label: 'Requests', value: count(summary.requests) }
    ]
  }
  if (data.tab === 'credits') {
    const summary = (page as Res<'records:credits'>).summary
    return [
      { label: 'Events', value: count(summary.count) },
      ...summary.totals.map((total) => ({ label: `Net change (${total.unit})`, value: formatMoney(total) })),
      ...(summary.unconfirmed > 0 ? [{ label: 'To confirm', value: count(summary.unconfirmed) }] : [])
    ]
  }
  const summary = (page as Res<'records:polls'>).summary
  return [
    { label: 'Polls', value: count(summary.count) },
    { label: 'Succeeded', value: count(summary.ok) },
    { label: 'Failed', value: count(summary.failed) },
    { label: 'Average', value: formatDuration(summary.averageMs) }
  ]
}
