import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import { anthropicCostBucket, anthropicUsageBucket } from '../../../simulator/shapes/anthropic'
import { moonshotBalance } from '../../../simulator/shapes/moonshot'
import { cursorPages } from '../../../simulator/shapes/openai'
import { xaiBalance, xaiUsage } from '../../../simulator/shapes/xai'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 })

const today = new Date().toISOString().slice(0, 10)

interface StatusAccount {
  label: string
  provider: string
  status: string
  balances: { unit: string; amount: string; kind: string }[]
  spend: { unit: string; today: string } | null
  error: { code: string; message: string } | null
}

describeWithKeychain('coffer accounts add / poll / status for the new providers (subprocess)', () => {
  const cli = useCliSandbox('coffer-providers-cli-')
  const { coffer } = cli
  const keys = {
    xai: `xai-mgmt-${randomBytes(12).toString('hex')}`,
    anthropic: `sk-ant-admin01-${randomBytes(12).toString('hex')}`,
    moonshot: `sk-${randomBytes(16).toString('hex')}`,
    custom: `tok-${randomBytes(16).toString('hex')}`
  }

  beforeAll(async () => {
    cli.sim.route('GET', '/v1/billing/teams/team-42/prepaid/balance', xaiBalance('-1234'))
    cli.sim.route('POST', '/v1/billing/teams/team-42/usage', xaiUsage([{ day: today, usd: '0.75' }]))
    cli.sim.route('GET', '/v1/organizations/cost_report', cursorPages([[anthropicCostBucket({ day: today, lines: [{ description: 'Claude Usage', cents: '250.5' }] })]], { objectKey: false }))
    cli.sim.route('GET', '/v1/organizations/usage_report/messages', cursorPages([[anthropicUsageBucket({ day: today, models: [{ model: 'claude', uncached: 1, cache5m: 0, cache1h: 0, cacheRead: 0, output: 1 }] })]], { objectKey: false }))
    cli.sim.route('GET', '/v1/users/me/balance', moonshotBalance({ available: '42.5', voucher: '2.5', cash: '40' }))
    cli.sim.route('GET', '/custom/balance', { body: { result: { credits: 1500 } } })
  })

  it('adds xAI (team id option), Anthropic, Moonshot CN, a manual and a custom account; polls; status --json tells the truth', async () => {
    const adds: [string[], string | undefined][] = [
      [['--provider', 'xai', '--label', 'Grok', '--base-url', cli.sim.baseUrl, '--option', 'teamId=team-42', '--key-stdin'], keys.xai],
      [['--provider', 'anthropic', '--label', 'Claude org', '--base-url', cli.sim.baseUrl, '--key-stdin'], keys.anthropic],
      [['--provider', 'moonshot-cn', '--label', 'Kimi', '--base-url', cli.sim.baseUrl, '--key-stdin'], keys.moonshot],
      [['--provider', 'manual', '--label', 'GPTBots', '--option', 'unit=credits', '--option', 'creditValue=0.01', '--option', 'creditValueCurrency=USD', '--option', 'billingUrl=https://www.gptbots.ai/pricing'], undefined],
      [
        [
          '--provider', 'custom', '--label', 'My relay',
          '--option', `url=${cli.sim.baseUrl}/custom/balance`, '--option', 'balancePath=result.credits', '--option', 'unit=credits',
          '--option', 'authHeader=X-Token', '--option', 'authScheme=none', '--key-stdin'
        ],
        keys.custom
      ]
    ]
    for (const [args, key] of adds) {
      const result = await coffer(['accounts', 'add', ...args], key)
      expect(result.code, result.stderr).toBe(0)
    }

    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)

    const status = await coffer(['status', '--json'])
    expect(status.code, status.stderr).toBe(0)
    const accounts = (JSON.parse(status.stdout) as { accounts: StatusAccount[] }).accounts
    const byLabel = new Map(accounts.map((a) => [a.label, a]))
    expect(byLabel.get('Grok')).toMatchObject({ provider: 'xai', status: 'ok' })
    // xAI's prepaid balance is the posted ledger: the live figure (first) is it less this month's usage (issue 13.4).
    expect(byLabel.get('Grok')?.balances.slice(0, 2)).toMatchObject([
      { unit: 'USD', amount: '11.59', kind: 'total' },
      { unit: 'USD', amount: '12.34', kind: 'posted' }
    ])
    expect(byLabel.get('Claude org')).toMatchObject({ provider: 'anthropic', status: 'ok', balances: [] })
    // Spend-only: cents "250.5" → $2.505 today; xAI's daily usage $0.75.
    expect(byLabel.get('Claude org')?.spend).toMatchObject({ unit: 'USD', today: '2.505' })
    expect(byLabel.get('Grok')?.spend).toMatchObject({ unit: 'USD', today: '0.75' })
    expect(byLabel.get('Kimi')?.balances[0]).toMatchObject({ unit: 'CNY', amount: '42.5', kind: 'total' })
    expect(byLabel.get('GPTBots')).toMatchObject({ provider: 'manual', status: 'ok', balances: [] })
    expect(byLabel.get('My relay')?.balances[0]).toMatchObject({ unit: 'credits', amount: '1500' })
    expect(cli.sim.requestsTo('/custom/balance')[0]?.headers['x-token']).toBe(keys.custom)

    const files = readdirSync(cli.home).map((name) => join(cli.home, name))
    const stored = files.map((file) => { try { return readFileSync(file).toString('latin1') } catch { return '' } }).join('\n')
    for (const key of Object.values(keys)) {
      expect(stored).not.toContain(key)
      expect(status.stdout + polled.stdout).not.toContain(key)
    }
  })

  it('bad options exit 2 with a message that says what to fix', async () => {
    const noTeam = await coffer(['accounts', 'add', '--provider', 'xai', '--label', 'No team', '--key-stdin'], keys.xai)
    expect(noTeam.code).toBe(2)
    expect(noTeam.stderr).toMatch(/Team ID/)
    const unknown = await coffer(['accounts', 'add', '--provider', 'moonshot', '--label', 'X', '--option', 'region=cn', '--key-stdin'], keys.moonshot)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/no option "region"/)
    const badPath = await coffer(['accounts', 'add', '--provider', 'custom', '--label', 'Bad', '--option', 'url=https://x.test/b', '--option', 'balancePath=a..b'])
    expect(badPath.code).toBe(2)
    expect(badPath.stderr).toMatch(/JSON path/)
  })
})
