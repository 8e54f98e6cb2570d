import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { runCliInProcess } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../helpers/test-core'
import { insertAccount } from '../../../helpers/ledger-script'

const coffer = runCliInProcess
const ESC = '\u001b'

/**
 * Each hostile input, and what the answer must say. None may reach an internal error: exit 2, one
 * sentence on stderr, no stack trace anywhere (not even the one core logs for unexpected errors).
 */
const cases: { name: string; args: string[]; says: RegExp }[] = [
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((provider) => ({
    name: `--provider ${provider}`,
    args: ['accounts', 'add', '--provider', provider, '--label', 'X'],
    says: /Unknown provider "[^"]+"\. Choose one of: openrouter/
  })),
  ...['__proto__', 'constructor', 'toString'].map((option) => ({
    name: `--option ${option}=x`,
    args: ['accounts', 'add', '--provider', 'manual', '--label', 'M', '--option', `${option}=x`],
    says: /has no option "[^"]+" \(options: unit, /
  })),
  { name: 'a base URL with user:password@', args: ['accounts', 'add', '--provider', 'manual', '--label', 'M', '--base-url', 'http://admin:pw@relay.example'], says: /Remove the user name and password/ },
  { name: 'a base URL over http to a metadata address', args: ['accounts', 'add', '--provider', 'manual', '--label', 'M', '--base-url', 'http://169.254.169.254/latest'], says: /Use https:\/\/: plain http:\/\/ would send your key unencrypted/ },
  { name: 'a custom url over http to the LAN', args: ['accounts', 'add', '--provider', 'custom', '--label', 'C', '--option', 'url=http://10.0.0.8/balance', '--option', 'balancePath=data.balance'], says: /“URL”: Use https:\/\// },
  { name: 'a custom url with credentials', args: ['accounts', 'add', '--provider', 'custom', '--label', 'C', '--option', 'url=https://admin:pw@relay.example', '--option', 'balancePath=data.balance'], says: /Remove the user name and password/ },
  { name: 'a label with an escape sequence', args: ['accounts', 'add', '--provider', 'manual', '--label', `red${ESC}[31m`], says: /label: A label is one line of text\. Remove control characters/ },
  { name: 'a label with a line break', args: ['accounts', 'add', '--provider', 'manual', '--label', 'one\nacc_x  forged'], says: /Remove control characters/ },
  { name: 'a label with NUL', args: ['accounts', 'add', '--provider', 'manual', '--label', 'nul\u0000x'], says: /Remove control characters/ },
  { name: 'a label with a right-to-left override', args: ['accounts', 'add', '--provider', 'manual', '--label', 'gpt\u202egnp.exe'], says: /text-direction overrides/ },
  { name: 'a huge amount', args: ['record', 'Wallet', '--type', 'topup', '--amount', '99999999999999999999', '--unit', 'USD'], says: /Amounts go up to 9,000,000,000 with at most 6 decimals/ },
  { name: 'an amount past 2^53 micro-units', args: ['record', 'Wallet', '--type', 'topup', '--amount', '9007199254.740993', '--unit', 'USD'], says: /Amounts go up to 9,000,000,000 with at most 6 decimals/ },
  { name: 'an amount with 9 decimals', args: ['record', 'Wallet', '--type', 'topup', '--amount', '12.345678901', '--unit', 'USD'], says: /at most 6 decimals: round it to 6 decimals/ },
  { name: 'a huge alert line', args: ['alerts', 'rule', 'Wallet', '--below', '99999999999999999999'], says: /Amounts go up to 9,000,000,000/ },
  { name: 'a huge budget', args: ['budget', 'set', 'Wallet', '--period', 'month', '--limit', '12345678901.5'], says: /Amounts go up to 9,000,000,000/ },
  { name: 'the year 1', args: ['record', 'Wallet', '--type', 'topup', '--amount', '5', '--unit', 'USD', '--at', '0001-01-01'], says: /Dates go from 2000-01-01 to 2100-12-31/ },
  { name: 'an expiry in the year 9999', args: ['record', 'Wallet', '--type', 'grant', '--amount', '5', '--unit', 'USD', '--expires', '9999-12-31'], says: /Dates go from 2000-01-01 to 2100-12-31/ },
  { name: 'a note with an escape sequence', args: ['record', 'Wallet', '--type', 'topup', '--amount', '5', '--unit', 'USD', '--note', `${ESC}]0;pwned${ESC}\\`], says: /A note is one line of text/ },
  { name: 'a unit with a space on a rule', args: ['alerts', 'rule', 'Wallet', '--below', '5', '--unit', 'a b'], says: /A unit is a code such as USD/ },
  { name: 'export --to before --from', args: ['export', '--what', 'spend', '--format', 'csv', '--from', '2026-03-01', '--to', '2026-02-01'], says: /first day comes after the last day: swap them/ },
  { name: 'export from the year 1', args: ['export', '--what', 'credits', '--format', 'json', '--from', '0001-01-01'], says: /Dates go from 2000-01-01/ },
  { name: 'a webhook to cloud metadata', args: ['alerts', 'rule', 'Wallet', '--below', '5', '--webhook', 'https://169.254.169.254/latest/meta-data'], says: /link-local address.*--allow-local-webhook/ },
  { name: 'a webhook to the LAN', args: ['alerts', 'rule', 'Wallet', '--below', '5', '--webhook', 'https://10.0.0.1/'], says: /local network.*--allow-local-webhook/ },
  { name: 'a budget webhook to this machine', args: ['budget', 'set', '--global', '--period', 'month', '--limit', '5', '--webhook', 'http://127.0.0.1:8080/ntfy'], says: /this machine.*--allow-local-webhook/ },
  { name: 'a webhook with credentials', args: ['alerts', 'rule', 'Wallet', '--below', '5', '--webhook', 'https://user:pw@ntfy.sh/t'], says: /Remove the user name and password/ },
  { name: 'an account named __proto__', args: ['record', '__proto__', '--type', 'topup', '--amount', '5'], says: /No account "__proto__"/ }
]

describe('hostile CLI input: exit 2 with a sentence, never an internal error (in-process)', () => {
  const dir = useTempDir()
  let logged: MockInstance<typeof console.error>

  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => {
    logged.mockRestore()
  })

  const setUp = (): string => {
    const home = dir()
    const core = createTestCore(home)
    insertAccount(core, 'acc_wallet0001', 'Wallet', 'manual')
    core.close()
    return home
  }

  it.each(cases)('$name', async ({ args, says }) => {
    const run = await coffer(setUp(), ...args)
    expect(run.err).toMatch(says)
    expect(run).toMatchObject({ code: 2, out: '' })
    expect(run.err).not.toMatch(/internal error|Something went wrong|\n\s+at /)
    expect(run.err.trim().split('\n')).toHaveLength(1)
    expect(logged).not.toHaveBeenCalled()
  })

  it('--allow-local-webhook lets a rule and a budget reach a local ntfy', async () => {
    const home = setUp()
    const rule = await coffer(home, 'alerts', 'rule', 'Wallet', '--below', '5', '--webhook', 'http://127.0.0.1:8080/ntfy', '--allow-local-webhook')
    expect(rule).toMatchObject({ code: 0, err: '' })
    const core = createTestCore(home)
    expect(await callOk(core, 'rules:list', {})).toEqual([expect.objectContaining({ webhookUrl: 'http://127.0.0.1:8080/ntfy', webhookAllowLocal: true })])
    core.close()
    const budget = await coffer(home, 'budget', 'set', '--global', '--period', 'month', '--limit', '5', '--unit', 'USD', '--webhook', 'https://192.168.1.20/ntfy', '--allow-local-webhook', '--json')
    expect(budget.code).toBe(0)
    expect(JSON.parse(budget.out)).toMatchObject({ budget: { webhookAllowLocal: true } })
  })

  it('a unit named after an Object.prototype member is just a unit (no lookup finds a prototype member)', async () => {
    const home = dir()
    const core = createTestCore(home)
    insertAccount(core, 'acc_stability1', 'Stability', 'stability')
    core.close()
    expect((await coffer(home, 'record', 'Stability', '--type', 'topup', '--amount', '5', '--unit', 'constructor')).code).toBe(0)
    const status = await coffer(home, 'status')
    expect(status).toMatchObject({ code: 0, err: '' })
    expect(logged).not.toHaveBeenCalled()
  })

  it('labels stored before they were refused print escaped in status, accounts list, alerts and errors', async () => {
    const home = dir()
    const core = createTestCore(home)
    insertAccount(core, 'acc_hostile001', `Evil${ESC}[2J\u202eA\nacc_forged  fake`, 'manual')
    core.close()
    await coffer(home, 'record', 'acc_hostile001', '--type', 'balance', '--amount', '3', '--unit', 'USD')
    for (const args of [['status'], ['accounts', 'list'], ['record', 'nobody', '--type', 'topup', '--amount', '1'], ['status', '--json'], ['accounts', 'list', '--json']]) {
      const run = await coffer(home, ...args)
      const text = run.out + run.err
      expect(text.includes(ESC) || text.includes('\u202e'), args.join(' ')).toBe(false)
      expect(text, args.join(' ')).toContain('Evil\\u001b[2J\\u202eA')
      if (!args.includes('--json')) expect(text).not.toMatch(/^acc_forged/m)
    }
    const json = JSON.parse((await coffer(home, 'accounts', 'list', '--json')).out) as { accounts: { label: string }[] }
    // JSON stays exact: the escapes are JSON's own, the value is the stored label.
    expect(json.accounts[0]?.label).toBe(`Evil${ESC}[2J\u202eA\nacc_forged  fake`)
  })
})
