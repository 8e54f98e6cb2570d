import { accountStatusText } from '../../../shared/account-status'
import { UrlText } from '../components/url-text'
import { formatDuration } from '../lib/format'
import { StatusBadge } from '../pages/overview/status-line'
import type { TestReport } from '../store'

/**
 * The outcome of "Test connection", in words: the status, what the provider said, the address
 * that failed (a proxy or a typo in the URL is the usual cause), and a successful test's warning
 * when a secondary request failed (issue 13.3).
 */
export function TestResult({ report }: { report: TestReport }) {
  const ok = report.status === 'ok'
  const facts = [report.httpStatus !== null ? `HTTP ${report.httpStatus}` : null, formatDuration(report.durationMs)].filter(Boolean)
  return (
    <div className={`test-result ${ok ? (report.warning ? 'test-warning' : 'test-ok') : 'test-failed'}`} role="status" data-testid="test-result">
      <StatusBadge status={report.status} />
      <div className="test-result-text">
        <p>
          {ok ? 'The provider accepted the key. You can add the account.' : `${accountStatusText[report.status]}.`}
          {report.error ? ` ${report.error.message}` : null}
          <span className="muted"> ({facts.join(', ')})</span>
        </p>
        {report.url ? (
          <p className="test-result-url">
            {ok ? 'Failed request: ' : 'Address tried: '}
            <UrlText url={report.url} />
          </p>
        ) : null}
        {ok && report.warning ? <p className="test-result-warning">Warning: {report.warning}</p> : null}
      </div>
    </div>
  )
}
