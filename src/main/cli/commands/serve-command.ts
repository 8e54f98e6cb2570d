import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { createCore, type Core } from '../../core/app'
import { createDemoFetch } from '../../core/demo/demo-fetch'
import { seedDemoLedger } from '../../core/demo/seed-demo-ledger'
import { MemoryPreferencesStore } from '../../core/preferences/preferences-store'
import { MemorySecretStore } from '../../core/secrets/memory-secret-store'
import { checkMetricsFlags, metricsBanner, metricsServerOptions, type MetricsFlags } from '../../web/metrics-options'
import { readOrCreateMetricsToken } from '../../web/metrics-token'
import { rendererDir } from '../../web/renderer-dir'
import { startWebServer } from '../../web/web-server'
import { openCliCore, resolveHome, type GlobalOptions } from '../open-cli-core'
import { UsageError, type CliIo } from '../cli-io'

/** `coffer serve [--port N] [--demo]`: the dashboard on http://127.0.0.1, token-protected. */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the dashboard on http://127.0.0.1 (token-protected); --demo uses synthetic data')
    .option('--port <n>', 'port (default: a free one)')
    .option('--demo', 'serve an isolated demo ledger with months of synthetic activity (never your data)')
    .option('--metrics', 'also serve Prometheus metrics at /metrics, behind their own bearer token')
    .option('--metrics-labels', 'put account ids and labels in metric labels (default: opaque account names)')
    .option('--host <address>', 'with --metrics: listen on this address so other machines can scrape /metrics (put TLS in front)')
    .option('--print-metrics-token', 'print the /metrics bearer token of the data folder (created on first use) and exit')
    .action(async (options: { port?: string; demo?: boolean; printMetricsToken?: boolean } & MetricsFlags) => {
      if (options.printMetricsToken) {
        if (options.demo) throw new UsageError('--print-metrics-token reads your data folder; a demo ledger is new at each start (its token file is printed when it starts).')
        io.out(readOrCreateMetricsToken(resolveHome(program.opts<GlobalOptions>(), io)))
        return
      }
      checkMetricsFlags(options)
      // Digits only: Number() would also take "", "1e3" and "0x50" (a random port, port 1000, port 80).
      const port = options.port === undefined ? 0 : /^\d{1,5}$/.test(options.port) ? Number(options.port) : Number.NaN
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects 0–65535, got "${options.port}".`)
      const { core, cleanup } = options.demo ? openDemoCore() : { core: openCliCore(program.opts<GlobalOptions>(), io, 'serve'), cleanup: () => {} }
      core.startPolling()
      const server = await startWebServer({ core, rendererDir: rendererDir(), port, ...(await metricsServerOptions(options, core)) })
      io.out(`Coffer is serving ${options.demo ? 'a demo ledger' : core.context.dataDir} at:\n\n  ${server.url}\n\nOpen that address (it carries the access token). Press Ctrl-C to stop.${metricsBanner(server.metricsUrl, core.context.dataDir, options.demo === true)}`)
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await server.close()
      core.close()
      cleanup()
    })
}

/** A core over a throw-away ledger in a temp folder, with in-memory keys and preferences. */
function openDemoCore(): { core: Core; cleanup: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-demo-'))
  const secrets = new MemorySecretStore()
  const bootstrap = createCore({ runtime: 'demo', dataDir, secrets, preferences: new MemoryPreferencesStore() })
  const balances = seedDemoLedger(bootstrap.context.db, new Date(), bootstrap.context.ingestHooks)
  bootstrap.close()
  for (const id of balances.keys()) void secrets.set(id, 'demo-key-not-a-secret')
  const core = createCore({ runtime: 'demo', dataDir, secrets, preferences: new MemoryPreferencesStore(), fetch: createDemoFetch(balances) })
  return { core, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) }
}
