import type { Database } from 'better-sqlite3'
import type { EmitEvent } from '../../shared/contract'
import type { AccountStateRepo } from './ledger/account-state-repo'
import type { AccountsRepo } from './ledger/accounts-repo'
import type { IngestHook } from './ledger/ingest'
import type { ExtrasProvider } from './accounts/account-view'
import type { PollReport } from '../../shared/contract/schemas'
import type { Poller } from './poller/poller'
import type { PreferencesStore } from './preferences/preferences-store'
import type { SecretStore } from './secrets/secret-store'

/** How core is hosted. */
export type Runtime = 'electron' | 'cli' | 'serve' | 'demo' | 'test'

/** The services every handler module receives (built once by {@link import('./app').createCore}). */
export interface CoreContext {
  runtime: Runtime
  dataDir: string
  db: Database
  accounts: AccountsRepo
  accountState: AccountStateRepo
  secrets: SecretStore
  preferences: PreferencesStore
  poller: Poller<PollReport & { retryAfterMs: number | null }>
  emit: EmitEvent
  now: () => Date
  fetch?: typeof fetch
  requestTimeoutMs?: number
  /** Run inside every ingest transaction (derivations, rollups, alerts). */
  ingestHooks: IngestHook[]
  /** Contribute figures to account views (spend, runway…). */
  accountExtras: ExtrasProvider[]
  /** Opens a URL in the system browser; absent where the host cannot (the browser opens it itself). */
  openExternal?: (url: string) => Promise<void>
}
