import type { Page } from 'playwright'
import type { BrowserContextOptions } from 'playwright'
import { createCore, type Core } from '../../src/main/core/app'
import { MemoryPreferencesStore, type PreferencesStore } from '../../src/main/core/preferences/preferences-store'
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { SecretStore } from '../../src/main/core/secrets/secret-store'
import { ProviderSimulator } from '../simulator/provider-simulator'
import { deleteKeychainService, testKeychainService } from './keychain'
import { serveInChromium, type ServedApp } from './served-core'
import { makeTempDir, removeTempDir } from './temp-dir'

/** Everything one e2e suite runs against: a ledger folder, the simulator, a core, served in Chromium. */
export interface E2eStack {
  dataDir: string
  simulator: ProviderSimulator
  core: Core
  app: ServedApp
  page: Page
  /** The secret store the core uses (the real keychain under a throw-away service, or memory). */
  secrets: SecretStore
  /** Tears everything down in reverse order; safe after a half-finished start. */
  close(): Promise<void>
}

export interface E2eStackOptions {
  /** Temp-folder prefix, e.g. `coffer-e2e-settings-`. */
  prefix: string
  /** `keychain` (default): the real Secret Service under a `Coffer-test-…` service, deleted afterwards. */
  secrets?: 'keychain' | 'memory'
  preferences?: (dataDir: string) => PreferencesStore
  /** Routes and seed data, after the core exists and before the page is served. */
  prepare?: (stack: Pick<E2eStack, 'simulator' | 'core' | 'dataDir'>) => Promise<void> | void
  /** `serve` unless a test needs the page to believe it runs in the desktop app. */
  runtime?: 'serve' | 'electron'
  /** Poll in the background as `coffer serve` does. */
  startPolling?: boolean
  context?: BrowserContextOptions
}

/**
 * Starts the stack the e2e suites share: a temp ledger, the provider simulator, a core as
 * `coffer serve` builds it, served to Debian's Chromium (see serveInChromium). The page has not
 * navigated yet.
 */
export async function startE2eStack(options: E2eStackOptions): Promise<E2eStack> {
  const service = options.secrets === 'memory' ? null : testKeychainService()
  const secrets: SecretStore = service ? new KeytarSecretStore(service) : new MemorySecretStore()
  const dataDir = await makeTempDir(options.prefix)
  let simulator: ProviderSimulator | null = null
  let core: Core | null = null
  let app: ServedApp | null = null
  const close = async (): Promise<void> => {
    await app?.close()
    core?.close()
    await simulator?.close()
    await removeTempDir(dataDir)
    if (service) await deleteKeychainService(service)
  }
  try {
    simulator = await ProviderSimulator.start()
    core = createCore({ runtime: options.runtime ?? 'serve', dataDir, secrets, preferences: options.preferences?.(dataDir) ?? new MemoryPreferencesStore() })
    await options.prepare?.({ simulator, core, dataDir })
    if (options.startPolling) core.startPolling()
    app = await serveInChromium(core, options.context)
    return { dataDir, simulator, core, app, page: app.page, secrets, close }
  } catch (error) {
    await close()
    throw error
  }
}
