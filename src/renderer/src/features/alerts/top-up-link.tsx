import { useState } from 'react'
import { ExternalLink } from '../../components/external-link'
import { RecordTopUpDialog } from './record-top-up-dialog'
import './alert-widgets.css'

/**
 * "Top up ↗" (only for allow-listed https billing pages), and once it was clicked, "Record top-up"
 * so the amount just paid lands in the ledger as a credit event.
 */
export function TopUpLink({ accountId, label, billingUrl, className }: { accountId: string; label: string; billingUrl: string | null; className?: string }) {
  const [opened, setOpened] = useState(false)
  const [recording, setRecording] = useState(false)
  return (
    <span className="top-up" onClickCapture={() => setOpened(true)}>
      <ExternalLink href={billingUrl} className={className}>
        Top up ↗
      </ExternalLink>
      {opened ? (
        <button type="button" className="button button-small" onClick={() => setRecording(true)}>
          Record top-up
        </button>
      ) : null}
      {recording ? <RecordTopUpDialog accountId={accountId} label={label} onClose={() => setRecording(false)} /> : null}
    </span>
  )
}
