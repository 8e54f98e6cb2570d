import { accountStatusText } from '../../../shared/account-status'
import { StatusBadge } from '../pages/overview/status-line'
import type { TestReport } from '../store'

/** The outcome of "Test connection", in words. */
export function TestResult({ report }: { report: TestReport }) {
  const ok = report.status === 'ok'
  const facts = [
    report.httpStatus !== null ? `HTTP ${report.httpStatus}` : null,
    `${report.durationMs} ms`
  ].filter(Boolean)
  return (
    <div className={`test-result ${ok ? 'test-ok' : 'test-failed'}`} role="status">
      <StatusBadge status={report.status} />
      <p>
        {ok ? 'The provider accepted the key. You can add the account.' : `${accountStatusText[report.status]}.`}
        {report.error ? ` ${report.error.message}` : null}
        <span className="muted"> ({facts.join(', ')})</span>
      </p>
    </div>
  )
}
