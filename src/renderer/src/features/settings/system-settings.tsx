import type { AppInfo } from '../../../../shared/contract'
import { Spinner } from '../../components/spinner'

const RUNTIME_TEXT: Record<AppInfo['runtime'], string> = {
  electron: 'desktop app',
  serve: 'coffer serve, in your browser',
  demo: 'demo (coffer serve --demo): sample data, nothing is kept',
  cli: 'command line',
  test: 'test'
}

/** Whether the OS keychain works; when it does not, the message says what to install or unlock. */
export function KeychainStatus({ info, onRecheck, checking }: { info: AppInfo; onRecheck(): void; checking: boolean }) {
  const { available, message } = info.keychain
  return (
    <section className="panel settings-section" aria-labelledby="settings-keychain">
      <h2 id="settings-keychain" className="settings-section-title">
        Keychain
      </h2>
      <div className={`keychain-status ${available ? 'keychain-ok' : 'keychain-problem'}`} role="status" data-testid="keychain-status">
        <span className="keychain-dot" aria-hidden="true" />
        <div>
          <p className="keychain-headline">{available ? 'Available' : 'Not available'}</p>
          <p className="field-help">
            {available
              ? 'Keys are stored in your operating system’s keychain (macOS Keychain, Windows Credential Manager or the Secret Service on Linux), never in Coffer’s files.'
              : `${sentence(message ?? 'Coffer cannot reach your system keychain.')} Until then accounts cannot be added or checked with a key.`}
          </p>
        </div>
      </div>
      <div>
        <button type="button" className="button button-small" disabled={checking} onClick={onRecheck}>
          {checking ? <Spinner /> : null}
          Check again
        </button>
      </div>
    </section>
  )
}

/** Version, how Coffer is running, where its data lives, and what it does (and does not) do. */
export function AboutSection({ info }: { info: AppInfo }) {
  return (
    <section className="panel settings-section" aria-labelledby="settings-about">
      <h2 id="settings-about" className="settings-section-title">
        About Coffer
      </h2>
      <dl className="settings-facts">
        <div>
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>{RUNTIME_TEXT[info.runtime]}</dd>
        </div>
        <div>
          <dt>Data folder</dt>
          <dd>
            <code className="settings-path" data-testid="data-dir">
              {info.dataDir}
            </code>
            <span className="field-help">The ledger (coffer.db) and preferences. Back it up to keep your history.</span>
          </dd>
        </div>
      </dl>
      <p>
        Coffer keeps your API keys in the OS keychain and sends each one only to its account’s provider (or the base URL you set). Balances, spend and
        usage stay in the ledger on this computer. There is no telemetry, no account and no cloud sync.
      </p>
    </section>
  )
}

/** `text` ending with a full stop (the keychain's message may end with a parenthesis). */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`
}
