import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import { alibabaBalance } from '../../../simulator/shapes/alibaba-bss'
import { volcengineBalance } from '../../../simulator/shapes/volcengine-ark'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 })

interface StatusAccount {
  label: string
  status: string
  balances: { unit: string; amount: string; kind: string }[]
}

describeWithKeychain('Alibaba Cloud BSS and Volcengine Ark through the CLI: accounts add, poll, status --json (subprocess)', () => {
  const cli = useCliSandbox('coffer-china-cloud-cli-')
  const { coffer } = cli
  const alibabaSecret = `ali-${randomBytes(15).toString('hex')}`
  const volcSecret = `volc-${randomBytes(15).toString('hex')}`
  const alibabaId = 'LTAI5tCliTest000001'
  const volcId = 'AKLTcliTest000001'

  beforeAll(() => {
    // Both APIs live at `/` of their hosts: one route per method, told apart by the SDKs' requests.
    cli.sim.route('POST', '/', alibabaBalance({ accessKeyId: alibabaId, available: '2500.50', cash: '2000.50', credit: '500.00', currency: 'CNY' }))
    cli.sim.route('GET', '/', volcengineBalance({ accessKeyId: volcId, available: '98.76', cash: '100.00', credit: '0.00', arrears: '0.00', frozen: '1.24' }))
  })

  it('every figure reaches status --json to the micro-unit; no secret is stored or printed', async () => {
    const base = ['--base-url', cli.sim.baseUrl, '--key-stdin']
    const added = [
      await coffer(['accounts', 'add', '--provider', 'alibaba-bss', '--label', 'Aliyun', '--option', `accessKeyId=${alibabaId}`, ...base], alibabaSecret),
      await coffer(['accounts', 'add', '--provider', 'volcengine-ark', '--label', 'Volc', '--option', `accessKeyId=${volcId}`, ...base], volcSecret)
    ]
    for (const result of added) expect(result.code, result.stderr).toBe(0)
    const polled = await coffer(['poll', '--json'])
    expect(polled.code, polled.stderr).toBe(0)
    const status = await coffer(['status', '--json'])
    expect(status.code, status.stderr).toBe(0)
    const accounts = new Map((JSON.parse(status.stdout) as { accounts: StatusAccount[] }).accounts.map((a) => [a.label, a]))
    const figures = (label: string): string[] => (accounts.get(label)?.balances ?? []).map((b) => `${b.kind} ${b.amount} ${b.unit}`)
    for (const account of accounts.values()) expect(account.status, account.label).toBe('ok')
    expect(figures('Aliyun')).toEqual(['total 2000.5 CNY', 'credit_line 500 CNY'])
    expect(figures('Volc')).toEqual(['total 100 CNY', 'credit_line 0 CNY', 'owed 0 CNY'])

    const stored = readdirSync(cli.home)
      .map((name) => join(cli.home, name))
      .map((file) => { try { return readFileSync(file).toString('latin1') } catch { return '' } })
      .join('\n')
    for (const secret of [alibabaSecret, volcSecret]) {
      expect(stored).not.toContain(secret)
      expect(status.stdout + polled.stdout + polled.stderr).not.toContain(secret)
    }
  })
})
