import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it, vi } from 'vitest'
import { deepseekBalance } from '../../../simulator/shapes/deepseek'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { parseCsv } from '../../../helpers/csv'
import { describeWithKeychain } from '../../../helpers/keychain'
import { toMicros } from '../../../../src/shared/money'

// Up to 14 CLI processes per test; from source (tsx) each start costs seconds on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 30_000 })

/**
 * The check: a DeepSeek-shaped server whose balance moves over a scripted sequence
 * (spend, a top-up, more spend), polled through the real CLI. The derived spend, the detected
 * top-up, `status --json` and the CSV exports must add up exactly.
 */
describeWithKeychain('ledger reconciliation through the CLI (subprocess, simulator, real keychain)', () => {
  const cli = useCliSandbox('coffer-reconcile-')
  const { coffer } = cli
  const sequence = ['110.00', '104.50', '101.13', '151.13', '146.878']

  beforeAll(() => {
    cli.sim.route('GET', '/user/balance', ...sequence.map((total) => deepseekBalance([{ currency: 'CNY', total, granted: '0', toppedUp: total }])))
  })

  it('derived spend + detected top-up + status + CSV export add up exactly', async () => {
    const key = `sk-${randomBytes(16).toString('hex')}`
    const added = await coffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'DS', '--base-url', cli.sim.baseUrl, '--key-stdin'], key)
    expect(added.code).toBe(0)
    for (const _ of sequence) expect((await coffer(['poll', 'DS'])).code).toBe(0)
    expect(cli.sim.requestsTo('/user/balance')).toHaveLength(sequence.length)

    // Spend: 110 → 104.50 → 101.13 is 8.87; 151.13 → 146.878 is 4.252; total 13.122. Top-up: 50.
    const status = JSON.parse((await coffer(['status', '--json'])).stdout) as {
      accounts: { balances: { amount: string; unit: string; source: string }[]; spend: { unit: string; today: string; monthToDate: string } }[]
      totals: { balances: { unit: string; amount: string }[]; spendToday: { unit: string; amount: string }[] }
    }
    const [account] = status.accounts
    expect(account?.balances[0]).toMatchObject({ unit: 'CNY', amount: '146.878', source: 'official' })
    expect(account?.spend).toEqual({ unit: 'CNY', today: '13.122', monthToDate: '13.122' })
    expect(status.totals.balances).toEqual([{ unit: 'CNY', amount: '146.878' }])
    expect(status.totals.spendToday).toEqual([{ unit: 'CNY', amount: '13.122' }])

    const spendCsv = await coffer(['export', '--what', 'spend', '--format', 'csv'])
    expect(spendCsv.code).toBe(0)
    const spendRows = parseCsv(spendCsv.stdout)
    expect(spendRows).toEqual([
      { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string, account: 'DS', account_id: expect.stringMatching(/^acc_/) as string, item: 'derived: balance decrease', amount: '13.122', unit: 'CNY', source: 'derived' }
    ])

    const out = join(cli.home, 'credits.csv')
    const creditsCsv = await coffer(['export', '--what', 'credits', '--format', 'csv', '--out', out])
    expect(creditsCsv.code).toBe(0)
    expect(creditsCsv.stderr).toContain('Wrote 1 row')
    const creditRows = parseCsv(readFileSync(out, 'utf8'))
    expect(creditRows).toHaveLength(1)
    expect(creditRows[0]).toMatchObject({ kind: 'topup', amount: '50', unit: 'CNY', source: 'derived', confirmed: 'false' })

    // First reading + top-ups − spend = the balance the provider reports now, to the micro-unit.
    const first = toMicros(sequence[0])
    const topups = creditRows.reduce((sum, row) => sum + toMicros(row.amount), 0)
    const spent = spendRows.reduce((sum, row) => sum + toMicros(row.amount), 0)
    expect(first + topups - spent).toBe(toMicros(account?.balances[0]?.amount))

    // Polling again at the same balance changes nothing (no double count).
    expect((await coffer(['poll'])).code).toBe(0)
    const again = parseCsv((await coffer(['export', '--what', 'spend', '--format', 'csv'])).stdout)
    expect(again.map((row) => row.amount)).toEqual(['13.122'])
    const json = JSON.parse((await coffer(['export', '--what', 'spend', '--format', 'json'])).stdout) as { rows: { amount: string }[] }
    expect(json.rows.map((row) => row.amount)).toEqual(['13.122'])
  })

  it('record enters a top-up for a named account and refuses bad input with exit code 2', async () => {
    const ok = await coffer(['record', 'DS', '--type', 'grant', '--amount', '5', '--note', 'promo, "spring"'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/^Recorded grant of CN¥5\.00 for DS \(event \d+\)\.$/m)
    const csv = parseCsv((await coffer(['export', '--what', 'credits', '--format', 'csv', '--type', 'grant'])).stdout)
    expect(csv).toEqual([expect.objectContaining({ kind: 'grant', amount: '5', note: 'promo, "spring"', source: 'manual' })])

    const badType = await coffer(['record', 'DS', '--type', 'gift', '--amount', '5'])
    expect(badType.code).toBe(2)
    expect(badType.stderr).toContain('--type must be one of')
    const badAmount = await coffer(['record', 'DS', '--type', 'topup', '--amount', '-5'])
    expect(badAmount.code).toBe(2)
    expect(badAmount.stderr).toContain('needs a positive amount')
    const official = await coffer(['record', 'DS', '--type', 'balance', '--amount', '100'])
    expect(official.code).toBe(2)
    expect(official.stderr).toContain('reports DS’s CNY balance itself')
    const unknown = await coffer(['record', 'Nope', '--type', 'topup', '--amount', '5'])
    expect(unknown.code).toBe(2)
  })
})
