import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createCofferMetrics } from '../../../../src/main/core/metrics/coffer-metrics'
import { describeWithBinaries, monitoringDir, replaceOnce } from '../../../helpers/prometheus'
import { useTempDir } from '../../../helpers/temp-dir'
import { createTestCore } from '../../../helpers/test-core'

const SHIPPED_TOKEN_FILE = '/etc/prometheus/coffer-metrics-token'

/** Runs promtool (Debian's `prometheus` package) and returns its combined output; fails the test on a non-zero exit. */
function promtool(args: string[], cwd: string): string {
  const result = spawnSync('promtool', args, { cwd, encoding: 'utf8', timeout: 30_000 })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0) throw new Error(`promtool ${args.join(' ')} exited ${result.status}:\n${output}`)
  return output
}

/** Every `coffer_*` metric a PromQL expression reads. */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\bcoffer_[a-z_]+/g)].map((match) => match[0])
}

/** The series names `/metrics` exports (from prom-client's `# TYPE` lines), histograms with their three suffixes. */
async function exportedNames(dataDir: string): Promise<Set<string>> {
  const core = createTestCore(dataDir)
  try {
    const { body } = await createCofferMetrics(core, { identify: false }).render()
    const names = new Set<string>()
    for (const [, name, type] of body.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`)
      else names.add(name as string)
    }
    return names
  } finally {
    core.close()
  }
}

describeWithBinaries(['promtool'], 'docs/monitoring: scrape config, alerting rules and Grafana dashboard', () => {
  const dir = useTempDir('coffer-monitoring-')

  it('the scrape config passes `promtool check config` (with its token file in place)', () => {
    // promtool checks that credentials_file exists: point it at a real file, change nothing else.
    const token = join(dir(), 'coffer-metrics-token')
    writeFileSync(token, 'not-a-real-token\n', { mode: 0o600 })
    const config = replaceOnce(readFileSync(join(monitoringDir, 'prometheus.yml'), 'utf8'), `credentials_file: ${SHIPPED_TOKEN_FILE}`, `credentials_file: ${token}`)
    writeFileSync(join(dir(), 'prometheus.yml'), config)
    copyFileSync(join(monitoringDir, 'coffer-alerts.yml'), join(dir(), 'coffer-alerts.yml'))
    const output = promtool(['check', 'config', 'prometheus.yml'], dir())
    expect(output).toContain('SUCCESS: 1 rule files found')
    expect(output).toContain('is valid prometheus config file syntax')
    expect(config).toMatch(/job_name: coffer\n\s+metrics_path: \/metrics/)
  })

  it('the alerting rules pass `promtool check rules` and their unit tests (`promtool test rules`)', () => {
    expect(promtool(['check', 'rules', 'coffer-alerts.yml'], monitoringDir)).toContain('SUCCESS: 5 rules found')
    expect(promtool(['test', 'rules', 'coffer-alerts.test.yml'], monitoringDir)).toContain('SUCCESS')
    const rules = readFileSync(join(monitoringDir, 'coffer-alerts.yml'), 'utf8')
    // The four the issue asks for (low runway, budget over 80 %, stale polls, key rejected), and a dead-scrape guard.
    for (const name of ['CofferLowRunway', 'CofferBudgetOver80Percent', 'CofferPollsStale', 'CofferKeyRejected', 'CofferMetricsDown']) expect(rules).toContain(`alert: ${name}\n`)
  })

  it('the rules and every dashboard query read only series /metrics exports', async () => {
    const exported = await exportedNames(dir())
    expect(exported).toEqual(
      new Set([
        'coffer_balance',
        'coffer_spend_total',
        'coffer_spend_today',
        'coffer_runway_days',
        'coffer_budget_used_ratio',
        'coffer_alerts_open',
        'coffer_poll_last_success_timestamp_seconds',
        'coffer_poll_duration_seconds_bucket',
        'coffer_poll_duration_seconds_sum',
        'coffer_poll_duration_seconds_count',
        'coffer_poll_failures_total'
      ])
    )
    const ruleExprs = [...readFileSync(join(monitoringDir, 'coffer-alerts.yml'), 'utf8').matchAll(/^\s+expr: (.+)$/gm)].map((match) => match[1] as string)
    expect(ruleExprs).toHaveLength(5)

    const dashboard = JSON.parse(readFileSync(join(monitoringDir, 'grafana-dashboard.json'), 'utf8')) as {
      uid: string
      __inputs: { name: string; pluginId: string }[]
      panels: { id: number; title: string; datasource: { uid: string }; targets: { expr: string; refId: string; datasource: { uid: string } }[] }[]
    }
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: 'DS_PROMETHEUS', pluginId: 'prometheus' })])
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length)
    const dashboardExprs = dashboard.panels.flatMap((panel) => {
      expect(panel.datasource.uid, panel.title).toBe('${DS_PROMETHEUS}')
      expect(panel.targets.length, panel.title).toBeGreaterThan(0)
      return panel.targets.map((target) => target.expr)
    })
    const read = new Set<string>()
    for (const expr of [...ruleExprs, ...dashboardExprs]) {
      const names = metricNames(expr)
      expect(names.length + (expr.includes('up{') ? 1 : 0), expr).toBeGreaterThan(0)
      for (const name of names) {
        expect(exported.has(name), `${name} (in ${expr}) is not a series /metrics exports`).toBe(true)
        read.add(name)
      }
    }
    // The dashboard shows every series at least once (histogram: through its buckets).
    for (const name of exported) if (!name.endsWith('_sum') && !name.endsWith('_count')) expect(read.has(name), `${name} is on no panel`).toBe(true)
  })
})
