import { isIP } from 'node:net'
import { UsageError } from '../cli/cli-io'
import type { Core } from '../core/app'
import { metricsTokenPath, readOrCreateMetricsToken } from './metrics-token'
import type { WebServerOptions } from './web-server'

/** The `coffer serve` flags about metrics. */
export interface MetricsFlags {
  metrics?: boolean
  metricsLabels?: boolean
  host?: string
}

/**
 * Checks the metrics flags before anything starts: `--metrics-labels` and `--host` only mean
 * something with `--metrics` (the dashboard itself never leaves loopback), and `--host` must be an
 * IP address or a host name.
 */
export function checkMetricsFlags(flags: MetricsFlags): void {
  if (flags.metricsLabels && !flags.metrics) throw new UsageError('--metrics-labels goes with --metrics.')
  if (flags.host === undefined) return
  if (!flags.metrics) throw new UsageError('--host goes with --metrics: only /metrics is served to other machines; the dashboard stays on 127.0.0.1.')
  const host = flags.host
  const hostname = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
  if (isIP(host) === 0 && !hostname.test(host)) throw new UsageError(`--host expects an IP address or a host name such as 0.0.0.0 or 192.168.1.20, got "${host}".`)
}

/**
 * What `startWebServer` needs for `--metrics`: where to listen and the `/metrics` route, with the
 * data folder's metrics token (created on first use). Nothing when `--metrics` is off.
 */
export async function metricsServerOptions(flags: MetricsFlags, core: Core): Promise<Pick<WebServerOptions, 'host' | 'metrics'>> {
  if (!flags.metrics) return {}
  // Loaded only here: prom-client (and what it brings) would otherwise add to every command's start.
  const { createCofferMetrics } = await import('../core/metrics/coffer-metrics')
  const metrics = createCofferMetrics(core, { identify: flags.metricsLabels === true })
  return {
    ...(flags.host !== undefined ? { host: flags.host } : {}),
    metrics: { token: readOrCreateMetricsToken(core.context.dataDir), render: () => metrics.render() }
  }
}

/** The lines `coffer serve --metrics` prints about its metrics (never the token itself). */
export function metricsBanner(metricsUrl: string | null, dataDir: string, demo: boolean): string {
  if (metricsUrl === null) return ''
  const token = demo ? `its token is in ${metricsTokenPath(dataDir)}` : 'bearer token: `coffer serve --print-metrics-token`'
  return `\n\nPrometheus metrics: ${metricsUrl} (${token}).`
}
