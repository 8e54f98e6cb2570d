import { expect, it } from 'vitest'
import { deepseekBalance } from '../../../simulator/shapes/deepseek'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'

interface AlertsJson {
  alerts: { id: number; accountId: string; kind: string; state: string; firedAt: string; message: string }[]
}

describeWithKeychain('coffer alerts (subprocess, simulator DeepSeek)', () => {
  const cli = useCliSandbox('coffer-alerts-cli-')
  const { coffer } = cli

  it('fires one low_balance alert when the balance falls below the rule, keeps it single over polls, resolves on top-up', { timeout: 120_000 }, async () => {
    const balance = (total: string) => deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])
    cli.sim.route('GET', '/user/balance', balance('100.00'), balance('20.00'), balance('19.50'), balance('80.00'))
    const run = (...args: string[]) => coffer(args)
    const alertsNow = async (): Promise<AlertsJson> => {
      const result = await run('alerts', '--json')
      expect(result.code, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as AlertsJson
    }

    const added = await coffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'DeepSeek', '--base-url', cli.sim.baseUrl, '--key-stdin'], 'sk-test-deepseek-0001\n')
    expect(added.code, added.stderr).toBe(0)
    const rule = await run('alerts', 'rule', 'DeepSeek', '--below', '50', '--unit', 'CNY')
    expect(rule.code, rule.stderr).toBe(0)
    expect(rule.stdout).toContain('below 50 CNY')

    expect((await run('poll', 'DeepSeek')).code).toBe(0) // 100 CNY: above the line
    expect((await alertsNow()).alerts).toEqual([])

    expect((await run('poll', 'DeepSeek')).code).toBe(0) // 20 CNY: crossed
    const fired = (await alertsNow()).alerts
    expect(fired).toHaveLength(1)
    expect(fired[0]).toMatchObject({ kind: 'low_balance', state: 'active' })
    expect(fired[0]?.message).toContain('below your alert')

    expect((await run('poll', 'DeepSeek')).code).toBe(0) // 19.50 CNY: still below, must not fire again
    const still = (await alertsNow()).alerts
    expect(still.filter((alert) => alert.state === 'active' && alert.kind === 'low_balance')).toHaveLength(1)
    expect(still).toHaveLength(1)
    expect(still[0]?.id).toBe(fired[0]?.id)

    expect((await run('poll', 'DeepSeek')).code).toBe(0) // 80 CNY: topped up
    const after = (await alertsNow()).alerts
    expect(after.filter((alert) => alert.state === 'active')).toEqual([])
    expect(after.filter((alert) => alert.kind === 'low_balance')).toEqual([expect.objectContaining({ id: fired[0]?.id, state: 'resolved' })])

    expect(cli.sim.requestsTo('/user/balance')).toHaveLength(4)

    // A spend limit: set from the CLI, reported by `status --json` with today's (derived) spend.
    const budget = await run('budget', 'set', 'DeepSeek', '--period', 'month', '--limit', '200')
    expect(budget.code, budget.stderr).toBe(0)
    expect(budget.stdout).toContain('Coffer can’t stop spending; it warns you.')
    const status = JSON.parse((await run('status', '--json')).stdout) as { budgets: { limit: string; unit: string; spent: string; period: string }[] }
    expect(status.budgets).toEqual([expect.objectContaining({ period: 'month', limit: '200', unit: 'CNY', spent: '80.5' })])
    // The key never appears in any output.
    const listed = await run('alerts')
    expect(listed.stdout).not.toContain('sk-test-deepseek-0001')
  })

  it('rejects bad usage with exit code 2', { timeout: 60_000 }, async () => {
    const none = await coffer(['alerts', 'rule', 'Nope', '--below', '5'])
    expect(none.code).toBe(2)
    const both = await coffer(['alerts', 'rule', 'Nope', '--below', '5', '--runway-days', '3'])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('exactly one')
    const budget = await coffer(['budget', 'set', '--global', '--period', 'year', '--limit', '5'])
    expect(budget.code).toBe(2)
    const quiet = await coffer(['alerts', 'quiet-hours', '25:00', '07:00'])
    expect(quiet.code).toBe(2)
    expect(quiet.stderr).toContain('HH:MM')
    const ok = await coffer(['alerts', 'quiet-hours', '22:00', '07:00'])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('Quiet hours 22:00–07:00')
  })
})
