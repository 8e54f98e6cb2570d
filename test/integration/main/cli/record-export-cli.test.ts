import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliInProcess } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'
import { createTestCore } from '../../../helpers/test-core'
import { ingestSpend, insertAccount } from '../../../helpers/ledger-script'

const coffer = runCliInProcess

describe('coffer record and coffer export (in-process)', () => {
  const dir = useTempDir()

  it('a spend-only account: record a top-up with expiry, correct the balance to the console figure, export', async () => {
    const home = dir()
    const day = new Date().toISOString().slice(0, 10)
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const core = createTestCore(home)
    insertAccount(core, 'acc_openaicli1', 'OpenAI', 'openai')
    core.close()

    const topup = await coffer(home, 'record', 'openai', '--type', 'topup', '--amount', '100', '--unit', 'USD', '--at', `${yesterday}T00:00:00Z`, '--expires', '2099-01-01')
    expect(topup).toMatchObject({ code: 0, err: '' })
    expect(topup.out).toMatch(/^Recorded top-up of \$100\.00 for OpenAI \(event \d+, expires Jan 1, 2099\)\.\nBalance now: \$100\.00 \(derived\)\.\n$/)

    const reopened = createTestCore(home)
    ingestSpend(reopened, 'acc_openaicli1', new Date().toISOString(), [[yesterday, 'gpt-5, input', '7.25'], [day, 'gpt-5, output', '0.5']])
    reopened.close()

    const balance = await coffer(home, 'record', 'OpenAI', '--type', 'balance', '--amount', '91.40', '--json')
    expect(balance.code).toBe(0)
    const parsed = JSON.parse(balance.out) as { event: { kind: string; amount: string; source: string }; balance: { amount: string; source: string } }
    expect(parsed.event).toMatchObject({ kind: 'balance', amount: '91.4', source: 'manual' })
    expect(parsed.balance).toMatchObject({ amount: '91.4', source: 'manual' })

    const status = JSON.parse((await coffer(home, 'status', '--json')).out) as { accounts: { balances: { amount: string }[]; spend: { today: string } }[] }
    expect(status.accounts[0]?.balances[0]?.amount).toBe('91.4')
    expect(status.accounts[0]?.spend.today).toBe('0.5')

    const out = join(home, 'spend.json')
    const exported = await coffer(home, 'export', '--what', 'spend', '--format', 'json', '--from', yesterday, '--to', yesterday, '--out', out)
    expect(exported.code).toBe(0)
    expect(exported.err).toContain(`Wrote 1 row to ${out}.`)
    const json = JSON.parse(readFileSync(out, 'utf8')) as { rows: { date: string; amount: string; item: string }[] }
    expect(json.rows).toEqual([expect.objectContaining({ date: yesterday, amount: '7.25', item: 'gpt-5, input' })])

    const credits = await coffer(home, 'export', '--what', 'credits', '--format', 'csv', '--type', 'balance')
    expect(credits.out.split('\r\n')[1]).toMatch(/^\d+,.*,OpenAI,acc_openaicli1,balance,91\.4,USD,,,manual,true$/)
  })

  it('bad usage exits 2 with a message that says what to do', async () => {
    const home = dir()
    const core = createTestCore(home)
    insertAccount(core, 'acc_manualcli1', 'GPTBots', 'manual')
    core.close()
    const noUnit = await coffer(home, 'record', 'GPTBots', '--type', 'topup', '--amount', '5')
    expect(noUnit.code).toBe(2)
    expect(noUnit.err).toContain('say which one (for example USD, CNY or credits)')
    const future = await coffer(home, 'record', 'GPTBots', '--type', 'topup', '--amount', '5', '--unit', 'credits', '--at', '2099-01-01')
    expect(future.code).toBe(2)
    expect(future.err).toContain('in the future')
    const badDate = await coffer(home, 'record', 'GPTBots', '--type', 'grant', '--amount', '5', '--unit', 'credits', '--expires', 'soon')
    expect(badDate.code).toBe(2)
    expect(badDate.err).toContain('Expected a date or time')
    const badWhat = await coffer(home, 'export', '--what', 'everything', '--format', 'csv')
    expect(badWhat).toMatchObject({ code: 2 })
    expect(badWhat.err).toContain('--what must be one of spend, usage, credits, polls, balances')
    const badFrom = await coffer(home, 'export', '--what', 'spend', '--format', 'csv', '--from', 'yesterday')
    expect(badFrom.code).toBe(2)
    expect(badFrom.err).toContain('Expected a date such as 2026-03-01')
  })
})
