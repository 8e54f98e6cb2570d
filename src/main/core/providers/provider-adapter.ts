import type { Database } from 'better-sqlite3'
import type { ProviderId } from '../../../shared/providers'
import type { AccountRecord } from '../ledger/accounts-repo'
import type { LedgerFacts } from '../ledger/facts'
import type { SecretSlot } from '../secrets/secret-store'
import type { ProviderHttp } from './provider-http'

/** Everything an adapter may use during one poll. */
export interface PollContext {
  account: AccountRecord
  /** The account's base URL, or the provider's default: everything before the documented path. */
  baseUrl: string
  /** The account's main key (`null` when none is stored and the provider needs none). */
  key: string | null
  /** Reads another secret of the account (e.g. an OpenRouter management key). */
  secret: (slot: SecretSlot) => Promise<string | null>
  http: ProviderHttp
  /**
   * The deadline of one request, in ms, for an adapter whose provider SDK sends its own requests
   * (alibaba-bss.ts) and so cannot use {@link http}'s; `undefined` = the default.
   */
  requestTimeoutMs?: number
  now: Date
  /** When the account last polled successfully (`null` on the first poll: backfill history). */
  lastSuccessAt: string | null
  /**
   * The ledger, for providers that read local files (claude-code, codex): they commit what they
   * read with each file's offset, a batch at a time (see local-logs/). `null` when testing a
   * connection, which must write nothing.
   */
  ledger?: Database | null
  /** Told after each page of a paginated history (see paginate.ts), for a progress line; optional. */
  onPage?: (what: string, page: number) => void
}

/**
 * One provider: documented requests, parsing and normalisation into ledger facts. Throws
 * {@link import('./provider-fault').ProviderFault} for anything that is not a clean answer; never
 * returns partial facts.
 */
export interface ProviderAdapter {
  id: ProviderId
  poll(context: PollContext): Promise<LedgerFacts>
}
