import { randomBytes } from 'node:crypto'
import { beforeAll, expect, it, vi } from 'vitest'
import { deepseekBalance } from '../../../simulator/shapes/deepseek'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'

// Several CLI processes per test; from source (tsx) each start costs seconds on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 30_000 })

/**
 * Issue 9's top-up check through the real CLI against a DeepSeek-shaped server: a CN¥50 top-up
 * recorded before the provider's balance shows it must not become spend. The balance reads 110,
 * then 110 again (the top-up not in yet), then 158 (the top-up, less CN¥2 spent meanwhile).
 */
describeWithKeychain('a recorded top-up on a balance-reporting account (subprocess, simulator, real keychain)', () => {
  const cli = useCliSandbox('coffer-pending-')
  const { coffer } = cli
  const sequence = ['110.00', '110.00', '158.00']

  beforeAll(() => {
    cli.sim.route('GET', '/user/balance', ...sequence.map((total) => deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])))
  })

  type Status = { accounts: { spend: { today: string } | null; balances: { amount: string }[] }[] }
  const status = async (): Promise<Status> => JSON.parse((await coffer(['status', '--json'])).stdout) as Status
  const credits = async (): Promise<{ kind: string; amount: string; source: string }[]> =>
    (JSON.parse((await coffer(['export', '--what', 'credits', '--format', 'json'])).stdout) as { rows: { kind: string; amount: string; source: string }[] }).rows

  it('is pending until the balance rises, then matched: no phantom spend, no second top-up', async () => {
    const key = `sk-${randomBytes(16).toString('hex')}`
    expect((await coffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'DS', '--base-url', cli.sim.baseUrl, '--key-stdin'], key)).code).toBe(0)
    expect((await coffer(['poll', 'DS'])).code).toBe(0)

    const recorded = await coffer(['record', 'DS', '--type', 'topup', '--amount', '50'])
    expect(recorded.code).toBe(0)
    expect(recorded.stdout).toContain('DeepSeek reports DS’s balance itself: Coffer will match this top-up when the balance shows it.')

    // The provider has not seen it yet: 110 → 110 is no spend (before, this made CN¥50 of it).
    expect((await coffer(['poll', 'DS'])).code).toBe(0)
    expect((await status()).accounts[0]?.spend?.today ?? '0').toBe('0')

    // 110 → 158 with the CN¥50 top-up matched: 110 + 50 − 158 = CN¥2 spent, and one top-up only.
    expect((await coffer(['poll', 'DS'])).code).toBe(0)
    const after = await status()
    expect(after.accounts[0]?.balances[0]?.amount).toBe('158')
    expect(after.accounts[0]?.spend?.today).toBe('2')
    expect(await credits()).toEqual([expect.objectContaining({ kind: 'topup', amount: '50', source: 'manual' })])
  })
})
