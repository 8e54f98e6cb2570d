import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import type { SimRequest } from '../../../simulator/provider-simulator'
import { deepgramBalances } from '../../../simulator/shapes/deepgram'
import { deepinfraChecklist, deepinfraUsage } from '../../../simulator/shapes/deepinfra'
import { falBilling } from '../../../simulator/shapes/fal'
import { githubUserUsage } from '../../../simulator/shapes/github-copilot'
import { poeBalance, poeHistory } from '../../../simulator/shapes/poe'
import { runwayOrganization, runwayUsage } from '../../../simulator/shapes/runway'
import { veniceBalance } from '../../../simulator/shapes/venice'
import { vercelCredits } from '../../../simulator/shapes/vercel-ai-gateway'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 })

const now = new Date()
const today = now.toISOString().slice(0, 10)

interface StatusAccount {
  label: string
  provider: string
  status: string
  balances: { unit: string; amount: string; kind: string }[]
}

describeWithKeychain('the issue 13 providers through the CLI: accounts add, poll, status --json, export (subprocess)', () => {
  const cli = useCliSandbox('coffer-coverage-cli-')
  const { coffer } = cli
  const key = (prefix: string): string => `${prefix}${randomBytes(12).toString('hex')}`
  const keys = { fal: key('fal-'), vercel: key('vck_'), venice: key('vn-'), deepgram: key('dg-'), poe: key('poe-'), runway: key('key_'), deepinfra: key('di-'), github: key('github_pat_') }

  beforeAll(() => {
    cli.sim.route('GET', '/v1/account/billing', falBilling('24.5'))
    cli.sim.route('GET', '/v1/credits', vercelCredits('95.50', '4.50'))
    cli.sim.route('GET', '/api/v1/billing/balance', veniceBalance({ usd: 25, diem: 90.5, allocation: 100 }))
    cli.sim.route('GET', '/v1/projects/p-1/balances', deepgramBalances([{ amount: 150.25 }, { amount: 49.75 }]))
    cli.sim.route('GET', '/usage/current_balance', poeBalance(1500))
    cli.sim.route('GET', '/usage/points_history', poeHistory([{ at: now.toISOString(), bot: 'GPT-4o', points: 25 }, { at: now.toISOString(), bot: 'GPT-4o', points: 15 }]))
    cli.sim.route('GET', '/v1/organization', runwayOrganization(1250.5, 10000))
    cli.sim.route('POST', '/v1/organization/usage', runwayUsage([{ date: today, used: [{ model: 'gen4_turbo', amount: 50 }] }]))
    cli.sim.route('GET', '/payment/checklist', deepinfraChecklist({ stripeBalance: -99.75, recent: 3.94, limit: 200 }))
    cli.sim.route('GET', '/payment/usage', deepinfraUsage([{ period: today.slice(0, 7).replace('-', '.'), cents: 394 }]))
    cli.sim.route('GET', '/users/octocat/settings/billing/usage', (req: SimRequest) =>
      githubUserUsage(Number(req.query.get('month')) === now.getUTCMonth() + 1 ? [{ date: today, product: 'Copilot', sku: 'Copilot Premium Request', quantity: 100, price: 0.04, discount: 1 }] : [])
    )
  })

  it('every figure reaches status --json and export to the micro-unit; no key is stored or printed', async () => {
    const base = ['--base-url', cli.sim.baseUrl, '--key-stdin']
    const adds: [string[], string][] = [
      [['--provider', 'fal', '--label', 'fal', ...base], keys.fal],
      [['--provider', 'vercel-ai-gateway', '--label', 'Vercel', ...base], keys.vercel],
      [['--provider', 'venice', '--label', 'Venice', ...base], keys.venice],
      [['--provider', 'deepgram', '--label', 'Deepgram', '--option', 'projectId=p-1', ...base], keys.deepgram],
      [['--provider', 'poe', '--label', 'Poe', ...base], keys.poe],
      [['--provider', 'runway', '--label', 'Runway', ...base], keys.runway],
      [['--provider', 'deepinfra', '--label', 'DeepInfra', ...base], keys.deepinfra],
      [['--provider', 'github-copilot', '--label', 'Copilot', '--option', 'owner=octocat', ...base], keys.github]
    ]
    for (const [args, secret] of adds) {
      const result = await coffer(['accounts', 'add', ...args], secret)
      expect(result.code, result.stderr).toBe(0)
    }
    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)

    const status = await coffer(['status', '--json'])
    expect(status.code, status.stderr).toBe(0)
    const accounts = new Map((JSON.parse(status.stdout) as { accounts: StatusAccount[] }).accounts.map((a) => [a.label, a]))
    const figures = (label: string): string[] => (accounts.get(label)?.balances ?? []).map((b) => `${b.kind} ${b.amount} ${b.unit}`)
    for (const account of accounts.values()) expect(account.status, account.label).toBe('ok')
    expect(figures('fal')).toEqual(['total 24.5 USD'])
    expect(figures('Vercel')).toEqual(['total 95.5 USD', 'used 4.5 USD'])
    expect(figures('Venice')).toEqual(['total 25 USD', 'total 90.5 DIEM', 'limit 100 DIEM'])
    expect(figures('Deepgram')).toEqual(['total 200 USD'])
    expect(figures('Poe')).toEqual(['total 1500 points'])
    expect(figures('Runway')).toEqual(['total 1250.5 credits', 'limit 10000 credits'])
    expect(figures('DeepInfra')).toEqual(['total 95.81 USD', 'used 3.94 USD', 'limit 200 USD'])
    expect(figures('Copilot')).toEqual([])

    const exported = await coffer(['export', '--what', 'spend', '--format', 'csv', '--from', today, '--to', today])
    expect(exported.code, exported.stderr).toBe(0)
    const lines = exported.stdout.trim().split(/\r?\n/).slice(1).map((line) => line.split(','))
    const official = lines.filter((cells) => cells.at(-1) === 'official').map((cells) => `${cells[1]}|${cells[3]}|${cells[4]}|${cells[5]}`).sort()
    expect(official).toEqual([
      'Copilot|Copilot Premium Request|3|USD', // 100 × $0.04 − $1
      'Poe|GPT-4o|40|points', // 25 + 15
      'Runway|gen4_turbo|50|credits'
    ])

    const stored = readdirSync(cli.home)
      .map((name) => join(cli.home, name))
      .map((file) => { try { return readFileSync(file).toString('latin1') } catch { return '' } })
      .join('\n')
    for (const secret of Object.values(keys)) {
      expect(stored).not.toContain(secret)
      expect(status.stdout + polled.stdout + exported.stdout).not.toContain(secret)
    }
  })
})
