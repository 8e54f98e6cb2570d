import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deepseekBalance } from '../../../simulator/shapes/deepseek'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { keychainAvailable, keychainReason } from '../../../helpers/keychain'
import { describeWithBinaries, freePort, monitoringDir, replaceOnce } from '../../../helpers/prometheus'
import { startServeProcess, type ServeProcess } from '../../../helpers/serve-subprocess'
import { makeTempDir, removeTempDir } from '../../../helpers/temp-dir'

interface QueryAnswer {
  status: string
  data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] }
}

/** Polls `probe` every 250 ms until it returns a value, or fails after `ms` with `what`. */
async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + ms
  let last: unknown = null
  while (Date.now() < deadline) {
    try {
      const value = await probe()
      if (value !== null) return value
    } catch (error) {
      last = error
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${what} did not happen within ${ms} ms${last ? ` (last error: ${(last as Error).message})` : ''}`)
}

/** Needs both Debian's prometheus and a keychain (the account's key lives there, as in real use); says which is missing. */
function describeScrape(name: string, body: () => void): void {
  if (keychainAvailable) {
    describeWithBinaries(['prometheus'], name, body)
    return
  }
  console.warn(`[coffer tests] SKIPPING "${name}": ${keychainReason}`)
  describe.skip(`${name} [skipped: ${keychainReason}]`, body)
}

describeScrape('a real Prometheus scrapes coffer serve --metrics with the shipped scrape config (simulator DeepSeek)', () => {
  const cli = useCliSandbox('coffer-prom-scrape-')
  const { coffer } = cli
  let serve: ServeProcess | null = null
  let prometheus: ChildProcess | null = null
  let prometheusLog = ''
  let workDir: string | null = null

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus?.once('exit', resolve))
      prometheus.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
      if (prometheus.exitCode === null) prometheus.kill('SIGKILL')
    }
    await serve?.stop()
    if (workDir) await removeTempDir(workDir)
  })

  it('finds the balance and the spend the simulator served, as `coffer status` shows them', { timeout: 120_000 }, async () => {
    const balance = (total: string) => deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])
    // 100 CNY, then 80.50: Coffer derives 19.50 CNY of spend today. Later polls keep seeing 80.50.
    cli.sim.route('GET', '/user/balance', balance('100.00'), balance('80.50'))
    expect((await coffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'DeepSeek', '--base-url', cli.sim.baseUrl, '--key-stdin'], 'sk-test-deepseek-prom-0001\n')).code).toBe(0)
    expect((await coffer(['poll'])).code).toBe(0)
    expect((await coffer(['poll'])).code).toBe(0)
    const status = JSON.parse((await coffer(['status', '--json'])).stdout) as { accounts: { id: string; balances: { amount: string; unit: string }[]; spend: { unit: string; today: string } }[] }
    const account = status.accounts[0]
    expect(account?.balances[0]).toMatchObject({ amount: '80.5', unit: 'CNY' })
    expect(account?.spend).toMatchObject({ unit: 'CNY', today: '19.5' })

    // The token Prometheus reads, as the docs say: `coffer serve --print-metrics-token > file`.
    workDir = await makeTempDir('coffer-prometheus-')
    const token = await coffer(['serve', '--print-metrics-token'])
    expect(token.code, token.stderr).toBe(0)
    const tokenFile = join(workDir, 'coffer-metrics-token')
    writeFileSync(tokenFile, token.stdout, { mode: 0o600 })

    serve = await startServeProcess(['--home', cli.home, 'serve', '--port', '0', '--metrics', '--metrics-labels'], cli.env)
    const coffersPort = serve.url.port
    expect(serve.output()).toContain(`Prometheus metrics: http://127.0.0.1:${coffersPort}/metrics`)
    expect(serve.output()).not.toContain(token.stdout.trim())

    // The shipped config, changed only where a test must: the target's port, the token file, and
    // a 1 s scrape and evaluation interval so the test takes seconds.
    let config = readFileSync(join(monitoringDir, 'prometheus.yml'), 'utf8')
    config = replaceOnce(config, "targets: ['127.0.0.1:8787']", `targets: ['127.0.0.1:${coffersPort}']`)
    config = replaceOnce(config, 'credentials_file: /etc/prometheus/coffer-metrics-token', `credentials_file: ${tokenFile}`)
    config = replaceOnce(config, '  scrape_interval: 1m', '  scrape_interval: 1s')
    config = replaceOnce(config, '  evaluation_interval: 1m', '  evaluation_interval: 1s')
    writeFileSync(join(workDir, 'prometheus.yml'), config)
    copyFileSync(join(monitoringDir, 'coffer-alerts.yml'), join(workDir, 'coffer-alerts.yml'))
    mkdirSync(join(workDir, 'data'))

    const promPort = await freePort()
    const prom = `http://127.0.0.1:${promPort}`
    prometheus = spawn('prometheus', [`--config.file=${join(workDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(workDir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--log.level=warn'], { stdio: ['ignore', 'pipe', 'pipe'] })
    prometheus.stdout?.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString('utf8')))
    prometheus.stderr?.on('data', (chunk: Buffer) => (prometheusLog += chunk.toString('utf8')))

    const query = async (promql: string): Promise<QueryAnswer['data']['result']> => {
      const answer = (await (await fetch(`${prom}/api/v1/query?query=${encodeURIComponent(promql)}`)).json()) as QueryAnswer
      expect(answer.status, promql).toBe('success')
      return answer.data.result
    }
    try {
      await waitFor('Prometheus ready', 30_000, async () => ((await fetch(`${prom}/-/ready`)).ok ? true : null))
      // The scrape succeeded (up = 1) and brought Coffer's series.
      const up = await waitFor('a successful scrape of coffer', 30_000, async () => {
        const result = await query('up{job="coffer"} == 1')
        return result.length > 0 ? result : null
      })
      expect(up[0]?.metric.instance).toBe(`127.0.0.1:${coffersPort}`)
      const balances = await query('coffer_balance{kind="total"}')
      expect(balances).toEqual([expect.objectContaining({ metric: expect.objectContaining({ account: account?.id, label: 'DeepSeek', provider: 'deepseek', unit: 'CNY', source: 'official', job: 'coffer' }) })])
      expect(balances[0]?.value[1]).toBe('80.5')
      const spend = await query('coffer_spend_total{provider="deepseek"}')
      expect(spend.map((sample) => [sample.metric.unit, sample.value[1]])).toEqual([['CNY', '19.5']])
      const today = await query('coffer_spend_today{provider="deepseek"}')
      expect(today[0]?.value[1]).toBe('19.5')
      const polls = await query('sum(coffer_poll_duration_seconds_count)')
      expect(polls[0]?.value[1]).toBe('2')
      // The shipped rules are loaded and evaluate cleanly against real series.
      const rules = await waitFor('rule evaluation', 15_000, async () => {
        const body = (await (await fetch(`${prom}/api/v1/rules`)).json()) as { data: { groups: { name: string; rules: { name: string; health: string; lastEvaluation: string }[] }[] } }
        const group = body.data.groups.find((candidate) => candidate.name === 'coffer')
        return group && group.rules.every((rule) => rule.health === 'ok' && !rule.lastEvaluation.startsWith('0001')) ? group.rules : null
      })
      expect(rules.map((rule) => rule.name)).toEqual(['CofferLowRunway', 'CofferBudgetOver80Percent', 'CofferPollsStale', 'CofferKeyRejected', 'CofferMetricsDown'])
      // And the dashboard's queries are valid PromQL to this Prometheus.
      const dashboard = JSON.parse(readFileSync(join(monitoringDir, 'grafana-dashboard.json'), 'utf8')) as { panels: { targets: { expr: string }[] }[] }
      for (const panel of dashboard.panels) for (const target of panel.targets) await query(target.expr)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- prometheus log ---\n${prometheusLog}\n--- coffer serve ---\n${serve.output()}`, { cause: error })
    }
  })
})
