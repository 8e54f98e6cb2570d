import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { dispatchCall } from '../../src/main/core/dispatch'
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-secret-store'
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store'
import type { SecretStore } from '../../src/main/core/secrets/secret-store'
import { benchCore } from '../fixtures'
import { round } from '../stats'

/**
 * "Refresh all" over 50 DeepSeek-shaped accounts whose keys are in the OS keychain (when a Secret
 * Service answers; run the bench inside `dbus-run-session` with an unlocked gnome-keyring, as the
 * tests do): how long it takes and how long the event loop stalls meanwhile (p99 of its delay),
 * which is what a window's responsiveness feels. The simulator runs in its own process.
 */
export async function measureRefreshAll(accounts = 50, rounds = 5): Promise<Record<string, unknown>> {
  const keychain = new KeytarSecretStore('Coffer bench')
  const probe = await keychain.probe()
  const secrets: SecretStore = probe.available ? keychain : new MemorySecretStore()
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./simulator-child.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [baseUrl] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
  const core = benchCore({ secrets })
  const ids: string[] = []
  try {
    for (let i = 0; i < accounts; i++) {
      const added = await dispatchCall(core.handlers, 'accounts:add', { draft: { provider: 'deepseek', label: `Bench ${i}`, baseUrl }, key: `sk-bench-${String(i).padStart(12, '0')}` })
      if (!added.ok) throw new Error(added.message)
      ids.push((added.value as { id: string }).id)
    }
    const totals: number[] = []
    const histogram = monitorEventLoopDelay({ resolution: 1 })
    for (let r = 0; r < rounds; r++) {
      histogram.enable()
      const started = performance.now()
      const polled = await dispatchCall(core.handlers, 'accounts:poll', { ids: [] })
      totals.push(performance.now() - started)
      histogram.disable()
      if (!polled.ok) throw new Error(polled.message)
    }
    return {
      accounts,
      keychain: probe.available ? 'OS keychain (Secret Service)' : `in memory: ${probe.message}`,
      refreshAllMs: round(totals.sort((a, b) => a - b)[Math.floor(totals.length / 2)] ?? 0, 1),
      eventLoopDelayMs: { p50: round(histogram.percentile(50) / 1e6, 2), p99: round(histogram.percentile(99) / 1e6, 2), max: round(histogram.max / 1e6, 2) }
    }
  } finally {
    for (const id of ids) await secrets.delete(id).catch(() => false)
    core.close()
    child.kill()
  }
}
