import { join, resolve } from 'node:path'
import type { EmitEvent, EventName, EventPayload, Handlers } from '../../shared/contract'
import type { PollReport } from '../../shared/contract/schemas'
import { runPoll } from './accounts/account-service'
import { createAccountHandlers } from './accounts/account-handlers'
import { createRawResponseHandlers } from './providers/raw-response-handlers'
import { createAlertsHandlers } from './alerts/alerts-handlers'
import { AlertService } from './alerts/alert-service'
import { createAppHandlers } from './app-handlers'
import type { CoreContext, Runtime } from './core-context'
import { AccountStateRepo } from './ledger/account-state-repo'
import { AccountsRepo } from './ledger/accounts-repo'
import { LEDGER_FILE_NAME, openLedger } from './ledger/open-ledger'
import { backupIfDue } from './ledger/backups'
import { watchLedger, type LedgerWatcher } from './ledger/ledger-watcher'
import { withLedgerFaults } from './ledger/ledger-errors'
import { createPlansHandlers } from './plans/plans-handlers'
import { ledgerExtras } from './ledger/account-figures'
import { ledgerIngestHook } from './ledger/ledger-hook'
import { createRecordsHandlers } from './records/records-handlers'
import { createSubscriptionsHandlers } from './subscriptions/subscriptions-handlers'
import { watchLocalLogs, type LogWatch } from './local-logs/log-watcher'
import { Poller, systemClock, type PollerClock } from './poller/poller'
import type { PreferencesStore } from './preferences/preferences-store'
import type { SecretStore } from './secrets/secret-store'

/** What a host (Electron shell, CLI, `coffer serve`, tests) gives {@link createCore}; the optional parts are for tests. */
export interface CoreDeps {
  runtime: Runtime
  dataDir: string
  secrets: SecretStore
  preferences: PreferencesStore
  fetch?: typeof fetch
  now?: () => Date
  clock?: PollerClock
  random?: () => number
  requestTimeoutMs?: number
  openExternal?: (url: string) => Promise<void>
}

/** Receives every push event core emits (see src/shared/contract/events.ts). */
export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** A running core: the contract's handlers plus lifecycle. */
export interface Core {
  handlers: Handlers
  context: CoreContext
  /** The alert engine (evaluation, delivery; `settle()` waits for webhooks in flight). */
  alerts: AlertService
  /** Subscribes to push events; returns the unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void
  /**
   * Starts background polling, daily backups, and watching the ledger for other processes' writes
   * (the app and `coffer serve`; the CLI does all on demand).
   */
  startPolling(): void
  /**
   * Starts the upkeep of a long-running core without its poller: daily backups and watching the
   * ledger for what other processes commit (idempotent; `startPolling` does it too). The desktop
   * shell, whose poller runs behind its own gate, calls this directly.
   */
  startUpkeep(): void
  /** Writes today's backup of the ledger unless there is one (the last 7 are kept); its path or `null`. */
  backupIfDue(): Promise<string | null>
  close(): void
}

/** How often a long-running core checks whether today's backup is written. */
const BACKUP_CHECK_MS = 6 * 3_600_000

/**
 * Composition root of everything that matters, in plain Node: opens the ledger, wires repositories,
 * poller and handlers. Electron's shell, the CLI and `coffer serve` all host this same core.
 */
export function createCore(deps: CoreDeps): Core {
  const db = openLedger(deps.dataDir)
  const listeners = new Set<CoreEventListener>()
  const emit: EmitEvent = (event, payload) => {
    for (const listener of listeners) listener(event, payload)
  }
  const accounts = new AccountsRepo(db)
  const context: CoreContext = {
    runtime: deps.runtime,
    dataDir: deps.dataDir,
    db,
    accounts,
    accountState: new AccountStateRepo(db),
    secrets: deps.secrets,
    preferences: deps.preferences,
    emit,
    now: deps.now ?? (() => new Date()),
    fetch: deps.fetch,
    requestTimeoutMs: deps.requestTimeoutMs,
    // Order matters: the ledger's derivations and rollups first; alerts are appended last (below)
    // because they read what the derivations wrote.
    ingestHooks: [ledgerIngestHook],
    accountExtras: [],
    openExternal: deps.openExternal,
    poller: undefined as unknown as CoreContext['poller'] // set right below: the poller needs the context
  }
  context.poller = new Poller<PollReport & { retryAfterMs: number | null }>({
    clock: deps.clock ?? systemClock,
    random: deps.random ?? Math.random,
    accounts: () =>
      accounts.list().map((account) => {
        const last = context.accountState.lastPoll(account.id)
        return {
          id: account.id,
          pollIntervalMinutes: account.pollIntervalMinutes,
          lastFinishedAt: last ? Date.parse(last.finishedAt) : null,
          lastRetryAfterMs: last?.retryAfterMs ?? null
        }
      }),
    intervalMinutesOf: (accountId) => accounts.get(accountId)?.pollIntervalMinutes ?? null,
    poll: (accountId) => runPoll(context, accountId),
    onError: (accountId, error) => console.error(`Coffer: polling ${accountId} failed:`, (error as Error).message)
  })

  const alerts = new AlertService(context)
  const handlers: Handlers = withLedgerFaults({
    ...createAppHandlers(context),
    ...createAccountHandlers(context),
    ...createPlansHandlers(context),
    ...createAlertsHandlers(context, alerts),
    ...createRecordsHandlers(context),
    ...createRawResponseHandlers(context),
    ...createSubscriptionsHandlers(context)
  }, join(resolve(deps.dataDir), LEDGER_FILE_NAME))
  context.accountExtras.push(ledgerExtras(db, context.now))
  // Alerts evaluate last in the ingest transaction, after every derivation hook has run.
  context.ingestHooks.push(alerts.ingestHook)

  const backup = async (): Promise<string | null> => (db.readonly ? null : backupIfDue(db, deps.dataDir, context.now()))
  let backupTimer: NodeJS.Timeout | undefined
  let watcher: LedgerWatcher | undefined
  let logWatch: LogWatch | undefined
  // `coffer poll` in a terminal, or another dashboard, writes the same ledger: show it here.
  const backupQuietly = (): void => {
    backup().catch((error: unknown) => console.error('Coffer: the daily backup failed:', (error as Error).message))
  }
  const startUpkeep = (): void => {
    // `coffer poll` in a terminal, or another dashboard, writes the same ledger: show it here.
    watcher ??= watchLedger(db, emit)
    // Claude Code / Codex accounts: new log lines are read within seconds, not at the next poll (issue 12.5).
    logWatch ??= db.readonly
      ? undefined
      : watchLocalLogs({
          accounts: () => context.accounts.list(),
          poll: (accountId) => context.poller.pollNow(accountId),
          onError: (error) => console.error('Coffer: watching the coding agents’ logs failed:', (error as Error).message)
        })
    if (backupTimer) return
    backupQuietly()
    // Checked every few hours: an app left running for days still gets one backup a day.
    backupTimer = setInterval(backupQuietly, BACKUP_CHECK_MS)
    backupTimer.unref()
  }

  return {
    handlers,
    context,
    alerts,
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    startPolling: () => {
      context.poller.start()
      startUpkeep()
    },
    startUpkeep,
    backupIfDue: backup,
    close() {
      clearInterval(backupTimer)
      watcher?.stop()
      void logWatch?.close()
      context.poller.stop()
      alerts.close()
      listeners.clear()
      db.close()
    }
  }
}
