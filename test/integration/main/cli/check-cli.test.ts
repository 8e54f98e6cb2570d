import { expect, it } from 'vitest'
import { deepseekBalance } from '../../../simulator/shapes/deepseek'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'

interface CheckJson {
  ok: boolean
  severity: string
  alerts: { id: number; kind: string; severity: string; state: string; accountLabel: string | null; message: string }[]
  polls?: { label: string; status: string }[]
}

describeWithKeychain('coffer check (subprocess, simulator DeepSeek): exit 0 / 3 / 2 for cron and CI', () => {
  const cli = useCliSandbox('coffer-check-cli-')
  const { coffer } = cli

  it('exits 0 with nothing open, 3 once an alert at or above --severity is open, and honours --poll, --json, snoozes', { timeout: 120_000 }, async () => {
    const balance = (total: string) => deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])
    // 100 CNY (fine), 20 CNY (below the 50 CNY rule: a warning), then the key is rejected (critical).
    cli.sim.route('GET', '/user/balance', balance('100.00'), balance('20.00'), { status: 401, body: { error: { message: 'Authentication Fails' } } })

    const empty = await coffer(['check'])
    expect(empty.code, empty.stderr).toBe(0)
    expect(empty.stdout).toBe('OK: no open alert at warning or above.\n')
    expect((await coffer(['check', '--quiet'])).stdout).toBe('')

    const added = await coffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'DeepSeek', '--base-url', cli.sim.baseUrl, '--key-stdin'], 'sk-test-deepseek-check-0001\n')
    expect(added.code, added.stderr).toBe(0)
    expect((await coffer(['alerts', 'rule', 'DeepSeek', '--below', '50', '--unit', 'CNY'])).code).toBe(0)

    const first = await coffer(['check', '--poll', '--json'])
    expect(first.code, first.stderr).toBe(0)
    const firstJson = JSON.parse(first.stdout) as CheckJson
    expect(firstJson).toMatchObject({ ok: true, severity: 'warning', alerts: [], polls: [{ label: 'DeepSeek', status: 'ok' }] })

    const low = await coffer(['check', '--poll'])
    expect(low.code, low.stderr).toBe(3)
    expect(low.stdout).toContain('1 open alert at warning or above:')
    expect(low.stdout).toMatch(/WARNING +Low balance +DeepSeek +DeepSeek balance is CN¥20\.00|WARNING +Low balance +DeepSeek .*20/)
    // A warning does not fail a check that only minds critical alerts.
    const criticalOnly = await coffer(['check', '--severity', 'critical'])
    expect(criticalOnly.code, criticalOnly.stderr).toBe(0)
    expect(criticalOnly.stdout).toBe('OK: no open alert at critical or above.\n')

    const lowJson = await coffer(['check', '--json'])
    expect(lowJson.code).toBe(3)
    const parsed = JSON.parse(lowJson.stdout) as CheckJson
    expect(parsed.ok).toBe(false)
    expect(parsed.alerts).toEqual([expect.objectContaining({ kind: 'low_balance', severity: 'warning', state: 'active', accountLabel: 'DeepSeek' })])
    expect(parsed.polls).toBeUndefined()

    // A snoozed alert does not fail the check (as in the tray) unless asked.
    const id = String(parsed.alerts[0]?.id)
    expect((await coffer(['alerts', 'snooze', id, '--for', '1d'])).code).toBe(0)
    expect((await coffer(['check'])).code).toBe(0)
    const withSnoozed = await coffer(['check', '--include-snoozed'])
    expect(withSnoozed.code).toBe(3)
    expect(withSnoozed.stdout).toContain('(snoozed)')

    // The key is rejected: a critical alert, which fails even --severity critical.
    const rejected = await coffer(['check', '--poll', '--severity', 'critical'])
    expect(rejected.code, rejected.stderr).toBe(3)
    expect(rejected.stdout).toMatch(/CRITICAL +Key rejected +DeepSeek/)
    expect(rejected.stdout).toContain('auth_failed')
    for (const run of [first, low, lowJson, rejected]) expect(run.stdout + run.stderr).not.toContain('sk-test-deepseek-check-0001')
    expect(cli.sim.requestsTo('/user/balance')).toHaveLength(3)
  })

  it('exits 2 with a sentence on bad usage', { timeout: 60_000 }, async () => {
    for (const args of [['check', '--severity', 'info'], ['check', '--severity', 'CRITICAL'], ['check', '--severity']]) {
      const result = await coffer(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stdout).toBe('')
    }
    expect((await coffer(['check', '--severity', 'info'])).stderr).toContain('--severity must be warning or critical, got "info".')
    expect((await coffer(['check', 'extra'])).code).toBe(2)
  })
})
