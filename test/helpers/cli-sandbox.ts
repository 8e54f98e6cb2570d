import { afterAll, beforeAll } from 'vitest'
import { ProviderSimulator } from '../simulator/provider-simulator'
import { deleteKeychainService, testKeychainService } from './keychain'
import { runCoffer, type CofferRun } from './run-coffer'
import { makeTempDir, removeTempDir } from './temp-dir'

/** What a suite that runs the real `coffer` CLI as a subprocess works with; see {@link useCliSandbox}. */
export interface CliSandbox {
  /** The throw-away keychain service the CLI keeps keys under (`Coffer-test-…`). */
  readonly service: string
  /** The `--home` folder (a fresh temp folder for the suite). */
  readonly home: string
  /** The provider simulator, started with no routes: add them in the suite's own `beforeAll`. */
  readonly sim: ProviderSimulator
  /**
   * The environment `coffer` runs with: this process's, plus COFFER_KEYCHAIN_SERVICE = `service`,
   * minus COFFER_HOME (so a developer's own setting cannot leak in).
   */
  readonly env: NodeJS.ProcessEnv
  /** Runs `coffer --home <home> …args` in `env`, with `input` on standard input. */
  coffer(args: string[], input?: string): Promise<CofferRun>
}

/**
 * Registers `beforeAll`/`afterAll` hooks that give the enclosing suite a home folder, a started
 * provider simulator and a throw-away keychain service, and remove all three afterwards. Call it
 * at the top of the `describe` body, before the suite's own hooks, so they run after it.
 *
 * `home` and `sim` exist only once the hooks ran: read them inside hooks and tests.
 */
export function useCliSandbox(homePrefix: string): CliSandbox {
  const service = testKeychainService()
  let home: string | null = null
  let sim: ProviderSimulator | null = null
  const env: NodeJS.ProcessEnv = { ...process.env, COFFER_KEYCHAIN_SERVICE: service }
  delete env.COFFER_HOME

  beforeAll(async () => {
    home = await makeTempDir(homePrefix)
    sim = await ProviderSimulator.start()
  })
  afterAll(async () => {
    await sim?.close()
    if (home) await removeTempDir(home)
    await deleteKeychainService(service)
  })

  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`useCliSandbox(): ${what} exists only inside the suite's hooks and tests`)
    return value
  }
  return {
    service,
    env,
    get home() {
      return started(home, 'home')
    },
    get sim() {
      return started(sim, 'the simulator')
    },
    coffer: (args, input) => runCoffer(['--home', started(home, 'home'), ...args], { input, env })
  }
}
