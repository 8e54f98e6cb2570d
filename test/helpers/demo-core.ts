import { createCore, type Core } from '../../src/main/core/app'
import { createDemoFetch } from '../../src/main/core/demo/demo-fetch'
import { seedDemoLedger } from '../../src/main/core/demo/seed-demo-ledger'
import { MemoryPreferencesStore } from '../../src/main/core/preferences/preferences-store'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'

/**
 * A core over the demo ledger, as `coffer serve --demo` opens it (serve-command.ts): the ledger is
 * seeded in `dataDir` through a short-lived core, which is closed, then a fresh core opens the file.
 *
 * With `live`, each demo account also gets a placeholder key and polls are answered by
 * createDemoFetch from the seeded balances, as in the command; without it the accounts have no key
 * and nothing can be polled (enough for pages that only read the ledger).
 */
export async function openDemoCore(dataDir: string, options: { live?: boolean } = {}): Promise<Core> {
  const bootstrap = createCore({ runtime: 'demo', dataDir, secrets: new MemorySecretStore(), preferences: new MemoryPreferencesStore() })
  const started = performance.now()
  const balances = seedDemoLedger(bootstrap.context.db, new Date(), bootstrap.context.ingestHooks)
  console.log(`demo ledger seeded in ${Math.round(performance.now() - started)} ms`)
  bootstrap.close()
  const secrets = new MemorySecretStore()
  if (!options.live) return createCore({ runtime: 'demo', dataDir, secrets, preferences: new MemoryPreferencesStore() })
  for (const id of balances.keys()) await secrets.set(id, 'demo-key-not-a-secret')
  return createCore({ runtime: 'demo', dataDir, secrets, preferences: new MemoryPreferencesStore(), fetch: createDemoFetch(balances) })
}
