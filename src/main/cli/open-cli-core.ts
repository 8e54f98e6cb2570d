import { calls, type CallName, type Handlers, type Req, type Res } from '../../shared/contract'
import { CofferError } from '../../shared/errors'
import { createCore, type Core } from '../core/app'
import { defaultDataDir } from '../core/data-dir'
import { dispatchCall } from '../core/dispatch'
import { JsonFilePreferencesStore } from '../core/preferences/preferences-store'
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store'
import { UsageError, type CliIo } from './cli-io'
import { issueSentence } from './usage-hints'

/** The global options every command receives. */
export interface GlobalOptions {
  home?: string
}

/** Resolves the data folder: `--home`, then `COFFER_HOME`, then the app's own folder. */
export function resolveHome(options: GlobalOptions, io: CliIo): string {
  return options.home ?? defaultDataDir(io.env)
}

/** Opens core over the user's ledger and OS keychain for one command. */
export function openCliCore(options: GlobalOptions, io: CliIo, runtime: 'cli' | 'serve' = 'cli'): Core {
  const dataDir = resolveHome(options, io)
  return createCore({
    runtime,
    dataDir,
    secrets: new KeytarSecretStore(io.env.COFFER_KEYCHAIN_SERVICE || undefined),
    preferences: new JsonFilePreferencesStore(dataDir)
  })
}

/**
 * Opens core for one command, runs `work` and closes core however `work` ends (the ledger's
 * SQLite handle and the poller must not outlive the command, or the process would not exit).
 */
export async function withCliCore<T>(options: GlobalOptions, io: CliIo, work: (core: Core) => Promise<T>): Promise<T> {
  const core = openCliCore(options, io)
  try {
    const result = await work(core)
    // Users who only run the CLI (cron polls) get their daily backup too; a failed backup is
    // reported, never fatal to the command that already did its work.
    await core.backupIfDue().catch((error: unknown) => io.err(`coffer: the daily backup failed: ${(error as Error).message}`))
    return result
  } finally {
    core.close()
  }
}

/**
 * Calls a contract handler with the same validation as IPC and HTTP, so the CLI cannot do
 * anything the UI could not. Failures surface as {@link CofferError}; a request the contract
 * refuses, as a {@link UsageError} in the user's terms.
 */
export async function call<N extends CallName>(core: Core, name: N, request: Req<N>): Promise<Res<N>> {
  checkRequest(name, request)
  const result = await dispatchCall(core.handlers as Handlers, name, request)
  if (!result.ok) throw new CofferError(result.code, result.message)
  return result.value as Res<N>
}

/**
 * Refuses a request the contract would refuse, as a {@link UsageError} in the user's terms: checked
 * before the call only for the wording (the failure names the flag, not the contract's path).
 */
export function checkRequest<N extends CallName>(name: N, request: Req<N>): void {
  const checked = calls[name].request.safeParse(request)
  if (!checked.success) throw new UsageError(issueSentence(checked.error.issues))
}
