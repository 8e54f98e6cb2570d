import { useEffect, useState } from 'react'
import type { AccountView } from '../../../../shared/contract'
import type { RawResponse } from '../../../../shared/contract/raw-response-calls'
import { Dialog } from '../../components/dialog'
import { Spinner } from '../../components/spinner'
import { UrlText } from '../../components/url-text'
import { formatDateTime } from '../../lib/relative-time'
import { useStore } from '../../store'
import './raw-responses.css'

/**
 * "What the provider said": the recent raw answers of an account's polls, newest first, so a
 * user can see why a figure is what it is. Keys were removed before these were stored.
 */
export function RawResponsesDialog({ account, onClose }: { account: AccountView; onClose(): void }) {
  const load = useStore((state) => state.loadRawResponses)
  const entry = useStore((state) => state.rawResponses[account.id])
  const [openId, setOpenId] = useState<number | null>(null)
  useEffect(() => {
    void load(account.id)
  }, [load, account.id])
  const items = entry?.items ?? []

  return (
    <Dialog
      title="What the provider said"
      wide
      onClose={onClose}
      description={
        <p>
          The answers to the last checks of <strong>{account.label}</strong>, newest first, exactly as received (keys
          removed). Coffer keeps the last few only.
        </p>
      }
    >
      <div className="raw-responses" aria-busy={entry?.loading ?? true}>
        {entry?.error ? (
          <p className="form-error" role="alert">
            Could not load the answers: {entry.error}
          </p>
        ) : null}
        {entry?.loading && items.length === 0 ? (
          <p>
            <Spinner /> Loading…
          </p>
        ) : null}
        {!entry?.loading && !entry?.error && items.length === 0 ? (
          <p className="empty-hint">
            Nothing yet: {account.provider === 'manual' ? 'manual accounts never ask a provider.' : 'press Refresh on the card to check now.'}
          </p>
        ) : null}
        <ol className="raw-list">
          {items.map((item) => (
            <RawItem key={item.id} item={item} open={openId === item.id} onToggle={() => setOpenId(openId === item.id ? null : item.id)} />
          ))}
        </ol>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" disabled={entry?.loading} onClick={() => void load(account.id)}>
          Reload
        </button>
        <span className="spacer" />
        <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

function RawItem({ item, open, onToggle }: { item: RawResponse; open: boolean; onToggle(): void }) {
  const status = item.httpStatus === null ? 'no answer' : `HTTP ${item.httpStatus}`
  return (
    <li className="raw-item">
      <button type="button" className="raw-summary" aria-expanded={open} onClick={onToggle}>
        {/* The chevron says the row opens (and turns when it is open). */}
        <span className="raw-chevron" aria-hidden="true" />
        <span className={`raw-status ${item.httpStatus !== null && item.httpStatus < 300 ? 'tone-ok' : 'tone-bad'}`}>{status}</span>
        <span className="raw-request">
          <span className="raw-method">{item.method}</span> <UrlText url={item.url} className="raw-url" />
        </span>
        <time dateTime={item.capturedAt}>{formatDateTime(item.capturedAt)}</time>
      </button>
      {open ? (
        <div className="raw-detail">
          <p className="raw-meta">
            {item.contentType ?? 'no content type'} · poll result: {item.pollStatus}
            {item.truncated ? ' · cut to the first 64 KB' : ''}
          </p>
          <pre className="raw-body" tabIndex={0}>
            {prettyBody(item.body) || '(empty body)'}
          </pre>
        </div>
      ) : null}
    </li>
  )
}

/** Indents JSON for reading; anything else is shown as received. */
function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}
