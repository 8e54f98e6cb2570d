import type { Database } from 'better-sqlite3'
import { findProvider } from '../../../shared/providers'
import type { PollStep } from '../../../shared/contract/events'
import type { AccountRecord } from '../ledger/accounts-repo'
import type { LedgerFacts, PollRecord, RawCapture } from '../ledger/facts'
import { ingestPoll, type IngestHook } from '../ledger/ingest'
import { cached } from '../ledger/statements'
import { providerAdapters } from '../providers/registry'
import { finishFaultMessage, ProviderFault } from '../providers/provider-fault'
import { ProviderHttp } from '../providers/provider-http'
import { Redactor } from '../providers/redactor'
import { KeychainUnavailableError, type SecretSlot, type SecretStore } from '../secrets/secret-store'
import { nextTurn } from './next-turn'

/** What one poll needs from core: the ledger, the keychain, the clock and the ingest hooks. */
export interface PollDeps {
  db: Database
  secrets: SecretStore
  fetch?: typeof fetch
  now: () => Date
  requestTimeoutMs?: number
  ingestHooks: readonly IngestHook[]
  signal?: AbortSignal
  /** Each page of a paginated history read (a first poll's backfill takes several): for progress lines. */
  onStep?: (step: Omit<PollStep, 'accountId'>) => void
}

/** The outcome of asking a provider, before it is written to the ledger. */
interface Attempt {
  facts: LedgerFacts | null
  fault: ProviderFault | null
  raw: RawCapture[]
  /** What the successful answer could not tell, redacted and finished; `null` when clean. */
  warning?: string | null
}

/**
 * Polls one account once and records the result in the ledger (one transaction). Never throws
 * for provider problems: they become the poll's status. Only a ledger failure escapes.
 */
export async function pollAccount(deps: PollDeps, account: AccountRecord, lastSuccessAt: string | null): Promise<PollRecord> {
  const startedAt = deps.now().toISOString()
  const attempt = await attemptPoll(deps, account, lastSuccessAt, (slot) => deps.secrets.get(account.id, slot), deps.db)
  const record: PollRecord = {
    accountId: account.id,
    startedAt,
    finishedAt: deps.now().toISOString(),
    status: attempt.fault?.status ?? 'ok',
    errorCode: attempt.fault?.code ?? null,
    errorMessage: attempt.fault?.message ?? null,
    // A success records its answer's status too (the Polls tab showed "—" for every good poll):
    // the first request's, which carried the primary figure.
    httpStatus: attempt.fault ? (attempt.fault.httpStatus ?? null) : (attempt.raw[0]?.httpStatus ?? null),
    retryAfterMs: attempt.fault?.retryAfterMs ?? null,
    warning: attempt.warning ?? null,
    facts: attempt.facts,
    raw: attempt.raw
  }
  await nextTurn()
  // The account may have been removed while its request was in flight: its rows are gone and
  // writing the poll would violate their foreign keys. better-sqlite3 is synchronous, so nothing
  // can remove it between this check and the insert.
  if (cached(deps.db, 'SELECT 1 FROM accounts WHERE id = ?').get(account.id) !== undefined) {
    ingestPoll(deps.db, record, deps.ingestHooks)
  }
  return record
}

/**
 * Asks the provider with a draft account, writing nothing: the add-account form's
 * "Test connection". The key is used for this request only.
 */
export async function testConnection(
  deps: Omit<PollDeps, 'db' | 'ingestHooks' | 'secrets'>,
  account: AccountRecord,
  key: string | null,
  /** Other secrets of the draft (an OpenRouter management key), by slot. */
  otherSecrets: Partial<Record<SecretSlot, string>> = {}
): Promise<{ fault: ProviderFault | null; warning: string | null; durationMs: number; failedUrl: string | null }> {
  const started = deps.now().getTime()
  const attempt = await attemptPoll(deps, account, null, async (slot) => (slot === 'key' ? key : otherSecrets[slot] ?? null))
  return { fault: attempt.fault, warning: attempt.warning ?? null, durationMs: Math.max(0, deps.now().getTime() - started), failedUrl: failedUrlOf(attempt) }
}

/**
 * The address of the request that went wrong, for "Test connection" to name (issue 14.7): a fault
 * stops at the request that failed, so the last one; a warning comes from a secondary request that
 * answered badly or not at all. Captures are already redacted. `null` when no request was made.
 */
function failedUrlOf(attempt: Attempt): string | null {
  const bad = attempt.raw.filter((capture) => capture.httpStatus === null || capture.httpStatus < 200 || capture.httpStatus >= 300)
  if (attempt.fault) return (bad.at(-1) ?? attempt.raw.at(-1))?.url ?? null
  return attempt.warning ? (bad[0]?.url ?? null) : null
}

type ReadSecret = (slot: SecretSlot) => Promise<string | null>

async function attemptPoll(
  deps: Omit<PollDeps, 'db' | 'ingestHooks' | 'secrets'>,
  account: AccountRecord,
  lastSuccessAt: string | null,
  readSecret: ReadSecret,
  ledger: Database | null = null
): Promise<Attempt> {
  const descriptor = findProvider(account.provider)
  const adapter = (providerAdapters as Record<string, (typeof providerAdapters)[keyof typeof providerAdapters] | undefined>)[account.provider]
  if (!descriptor || !adapter) {
    return failed(new ProviderFault('bad_response', 'unknown_provider', `Coffer has no adapter for provider "${account.provider}".`))
  }
  let key: string | null = null
  try {
    // A provider without a key (manual accounts) never touches the keychain: no keychain, no problem.
    if (descriptor.key.kind !== 'none') key = await readSecret('key')
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) throw error
    return failed(new ProviderFault('keychain_unavailable', 'keychain_unavailable', error.message))
  }
  if (descriptor.key.required && !key) {
    return failed(new ProviderFault('auth_failed', 'missing_key', `No ${descriptor.key.label} is stored for this account. Add one to start polling.`))
  }
  await nextTurn()
  // Manual accounts make no request and custom ones carry their full URL in an option.
  const baseUrl = account.baseUrl ?? descriptor.defaultBaseUrl ?? ''
  if (!baseUrl && descriptor.usesBaseUrl !== false) {
    return failed(new ProviderFault('bad_response', 'missing_base_url', 'This account needs a base URL.'))
  }
  // One redactor for everything this exchange leaves behind: captures, the fault message (also
  // the test-connection reply) and the facts. It learns every secret the adapter reads (a second,
  // management key too) before that secret is sent anywhere.
  const redactor = new Redactor([key])
  const http = new ProviderHttp({
    fetch: deps.fetch,
    timeoutMs: deps.requestTimeoutMs,
    now: () => deps.now().getTime(),
    redactor,
    signal: deps.signal
  })
  const readAndRedact: ReadSecret = async (slot) => {
    const value = await readSecret(slot)
    redactor.add(value)
    return value
  }
  try {
    const facts = await adapter.poll({
      account,
      baseUrl,
      key,
      secret: readAndRedact,
      http,
      requestTimeoutMs: deps.requestTimeoutMs,
      now: deps.now(),
      lastSuccessAt,
      ledger,
      onPage: (what, page) => deps.onStep?.({ what, page, backfill: lastSuccessAt === null })
    })
    // A provider may echo a key into a model name or a note, which would be stored as a fact.
    // Warnings quote provider text like fault messages do: redacted first, then cut to length.
    const warnings = facts.warnings ?? []
    const warning = warnings.length > 0 ? finishFaultMessage(warnings.join(' '), (text) => redactor.redact(text)) : null
    return { facts: redactor.redactDeep(facts), fault: null, raw: http.captures, warning }
  } catch (error) {
    if (error instanceof KeychainUnavailableError) {
      return { facts: null, fault: new ProviderFault('keychain_unavailable', 'keychain_unavailable', error.message), raw: http.captures }
    }
    // Every message is finished here: adapters quote provider text (business errors, bad values),
    // a relay may echo the key into it, and quotes are cut to length only after redaction.
    const finish = (message: string): string => finishFaultMessage(message, (text) => redactor.redact(text))
    const fault =
      error instanceof ProviderFault
        ? new ProviderFault(error.status, redactor.redact(error.code), finish(error.message), error.httpStatus, error.retryAfterMs)
        : new ProviderFault('bad_response', 'adapter_error', finish(`Coffer could not read the provider's answer: ${(error as Error).message}`))
    return { facts: null, fault, raw: http.captures }
  }
}

function failed(fault: ProviderFault): Attempt {
  return { facts: null, fault, raw: [] }
}
