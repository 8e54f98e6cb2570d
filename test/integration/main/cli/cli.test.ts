import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type * as Keytar from 'keytar'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { deepseekBalance } from '../../../simulator/shapes/deepseek'
import { openrouterError } from '../../../simulator/shapes/openrouter'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain, testKeychainService } from '../../../helpers/keychain'
import { runCoffer } from '../../../helpers/run-coffer'
import { makeTempDir, removeTempDir, useTempDir } from '../../../helpers/temp-dir'

// Each test starts one to three Node processes (tsx compiles the CLI on the fly); generous on a busy machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 30_000 })

const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar

/** Every file under `dir`, recursively. */
function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesIn(path) : [path]
  })
}

const DECIMAL = /^-?\d+(\.\d+)?$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

interface StatusJson {
  accounts: {
    id: string
    provider: string
    label: string
    status: string
    balances: { unit: string; amount: string; kind: string; source: string; asOf: string }[]
    spend: { unit: string; today: string; monthToDate: string } | null
    runwayDays: number | null
    lastPolledAt: string | null
    error: { code: string; message: string } | null
  }[]
  totals: { balances: { unit: string; amount: string }[] }
}

describeWithKeychain('coffer CLI as a subprocess (real keychain, real SQLite, simulator)', () => {
  const cli = useCliSandbox('coffer-cli-home-')
  const { coffer } = cli
  const dsKey = `sk-${randomBytes(16).toString('hex')}`
  const orKey = `sk-or-v1-${randomBytes(16).toString('hex')}`

  beforeAll(() => {
    cli.sim.route(
      'GET',
      '/user/balance',
      deepseekBalance([
        { currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' },
        { currency: 'USD', total: 5.5, granted: 0.5, toppedUp: 5 }
      ])
    )
    cli.sim.route('GET', '/api/v1/credits', openrouterError(401, 'No auth credentials found'))
    cli.sim.route('GET', '/api/v1/key', openrouterError(401, 'No auth credentials found'))
  })

  it('accounts add reads the key from stdin, stores it in the keychain and prints only a masked hint', async () => {
    const result = await coffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'DS', '--base-url', cli.sim.baseUrl, '--key-stdin'], `${dsKey}\n`)

    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Added DS \(acc_[a-z0-9]{10}, DeepSeek\), key sk-….{4} stored in the keychain\.$/m)
    expect(result.stdout + result.stderr).not.toContain(dsKey)

    const id = /acc_[a-z0-9]{10}/.exec(result.stdout)?.[0] as string
    expect(await keytar.getPassword(cli.service, id)).toBe(dsKey)
    expect(cli.sim.requests).toHaveLength(0) // adding does not poll
  })

  it('adds a second (OpenRouter) account whose key the simulator rejects', async () => {
    const result = await coffer(['accounts', 'add', '--provider', 'openrouter', '--label', 'OR bad', '--base-url', cli.sim.baseUrl, '--key-stdin'], orKey)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Added OR bad')
  })

  it('poll polls every account; exit code 0 even though one provider failed', async () => {
    const result = await coffer(['poll'])

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^DS\s+ok\s+\d+ ms$/m)
    expect(result.stdout).toMatch(/^OR bad\s+auth_failed\s+\d+ ms — .*rejected the key/m)
    expect(cli.sim.requestsTo('/user/balance')[0]?.headers.authorization).toBe(`Bearer ${dsKey}`)
    expect(cli.sim.requestsTo('/api/v1/key')[0]?.headers.authorization).toBe(`Bearer ${orKey}`)
    expect(result.stdout + result.stderr).not.toContain(dsKey)
    expect(result.stdout + result.stderr).not.toContain(orKey)
  })

  it('poll --json names one account by label', async () => {
    const result = await coffer(['poll', 'DS', '--json'])
    expect(result.code).toBe(0)
    const parsed = JSON.parse(result.stdout) as { polls: { label: string; status: string; error: unknown; httpStatus: number | null }[] }
    expect(parsed.polls).toHaveLength(1)
    expect(parsed.polls[0]).toMatchObject({ label: 'DS', status: 'ok', error: null })
  })

  it('status --json has the shape ARCHITECTURE.md specifies, decimal-string amounts, primary balance first', async () => {
    const result = await coffer(['status', '--json'])
    expect(result.code).toBe(0)
    const status = JSON.parse(result.stdout) as StatusJson

    // `budgets`: the spend limits ARCHITECTURE.md lists among what `status` reports (none set here).
    expect(Object.keys(status).sort()).toEqual(['accounts', 'budgets', 'totals'])
    expect(status.accounts.map((a) => a.label)).toEqual(['DS', 'OR bad'])
    for (const account of status.accounts) {
      // The documented keys, plus `stale` (true when the figures are the last good ones of a failed poll)
      // and `warning` (what a successful poll could not read, issue 13.3).
      expect(Object.keys(account).sort()).toEqual(
        ['balances', 'error', 'id', 'label', 'lastPolledAt', 'provider', 'runwayDays', 'spend', 'stale', 'status', 'warning'].sort()
      )
      expect(account.id).toMatch(/^acc_[a-z0-9]{10}$/)
      expect(account.lastPolledAt).toMatch(ISO)
      expect(account.runwayDays === null || typeof account.runwayDays === 'number').toBe(true)
      if (account.spend !== null) {
        expect(Object.keys(account.spend).sort()).toEqual(['monthToDate', 'today', 'unit'])
        expect(account.spend.today).toMatch(DECIMAL)
      }
      for (const balance of account.balances) {
        expect(Object.keys(balance).sort()).toEqual(['amount', 'asOf', 'kind', 'source', 'unit'])
        expect(typeof balance.amount).toBe('string')
        expect(balance.amount).toMatch(DECIMAL)
        expect(balance.asOf).toMatch(ISO)
      }
    }

    const [ds, or] = status.accounts
    expect(ds).toMatchObject({ provider: 'deepseek', status: 'ok', error: null })
    expect(ds?.balances.map((b) => [b.unit, b.kind, b.amount, b.source])).toEqual([
      ['CNY', 'total', '110', 'official'],
      ['USD', 'total', '5.5', 'official'],
      ['CNY', 'paid', '100', 'official'],
      ['USD', 'paid', '5', 'official'],
      ['CNY', 'granted', '10', 'official'],
      ['USD', 'granted', '0.5', 'official']
    ])
    expect(or).toMatchObject({ provider: 'openrouter', status: 'auth_failed', balances: [] })
    expect(or?.error?.code).toBe('http_401')
    expect(or?.error?.message).toMatch(/rejected the key/)

    expect(status.totals.balances).toEqual([
      { unit: 'CNY', amount: '110' },
      { unit: 'USD', amount: '5.5' }
    ])
    expect(result.stdout).not.toContain(dsKey)
    expect(result.stdout).not.toContain(orKey)
  })

  it('status without --json prints one aligned row per account (status-table-cli.test.ts checks the layout)', async () => {
    const result = await coffer(['status'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Account\s+Balance\s+Today\s+Month\s+Runway\s+State$/m)
    expect(result.stdout).toMatch(/^DS\s+CN¥110\.00\s.*\s{2}Up to date$/m)
    expect(result.stdout).toMatch(/^OR bad\s+—\s.*\s{2}Key rejected$/m)
    expect(result.stdout).toMatch(/^OR bad: .*rejected the key/m)
  })

  it('accounts list --json shows hasKey and a masked hint, never the key', async () => {
    const result = await coffer(['accounts', 'list', '--json'])
    expect(result.code).toBe(0)
    const list = JSON.parse(result.stdout) as { accounts: { label: string; hasKey: boolean; keyHint: string; baseUrl: string }[] }
    expect(list.accounts.map((a) => [a.label, a.hasKey, a.baseUrl])).toEqual([
      ['DS', true, cli.sim.baseUrl],
      ['OR bad', true, cli.sim.baseUrl]
    ])
    expect(list.accounts[0]?.keyHint).toBe(`sk-…${dsKey.slice(-4)}`)
    expect(result.stdout).not.toContain(dsKey)
    expect(result.stdout).not.toContain(orKey)
  })

  describe('bad usage exits with code 2 and a message', () => {
    const cases: [string, string[], string | undefined, RegExp][] = [
      ['unknown provider', ['accounts', 'add', '--provider', 'nope', '--label', 'X', '--key-stdin'], 'sk-0123456789', /Unknown provider "nope"/],
      ['missing --label', ['accounts', 'add', '--provider', 'deepseek', '--key-stdin'], 'sk-0123456789', /--label/],
      ['--key-stdin with empty stdin', ['accounts', 'add', '--provider', 'deepseek', '--label', 'Empty', '--key-stdin'], '', /standard input was empty/],
      ['--key-stdin with only whitespace', ['accounts', 'add', '--provider', 'deepseek', '--label', 'Blank', '--key-stdin'], ' \n\t\n', /standard input was empty/],
      ['no --key-stdin for a provider that needs a key', ['accounts', 'add', '--provider', 'deepseek', '--label', 'NoKey'], 'sk-0123456789', /need a key .*--key-stdin/],
      ['a key as an argument (keys come only from stdin)', ['accounts', 'add', '--provider', 'deepseek', '--label', 'Arg', '--key', 'sk-0123456789'], undefined, /unknown option '--key'/],
      ['a duplicate label', ['accounts', 'add', '--provider', 'deepseek', '--label', 'ds', '--key-stdin'], 'sk-0123456789', /already exists/],
      ['an invalid base URL', ['accounts', 'add', '--provider', 'deepseek', '--label', 'Bad URL', '--base-url', 'ftp://x', '--key-stdin'], 'sk-0123456789', /base URL/i],
      ['remove an unknown account', ['accounts', 'remove', 'Nope'], undefined, /No account "Nope"\. Accounts: DS \(acc_/],
      ['poll an unknown account', ['poll', 'Nope'], undefined, /No account "Nope"/],
      ['an unknown command', ['frobnicate'], undefined, /unknown command/],
      ['serve with a port out of range', ['serve', '--port', '70000'], undefined, /--port expects 0–65535/],
      ['serve with a port that is not a number', ['serve', '--port', 'http'], undefined, /--port expects/],
      ['a poll interval that is not a whole number', ['accounts', 'add', '--provider', 'deepseek', '--label', 'Iv', '--poll-interval', '1.5', '--key-stdin'], 'sk-0123456789', /--poll-interval expects a whole number/],
      ['a malformed --option', ['accounts', 'add', '--provider', 'deepseek', '--label', 'Opt', '--option', 'novalue', '--key-stdin'], 'sk-0123456789', /--option expects KEY=VALUE/]
    ]
    for (const [name, args, input, message] of cases) {
      it(name, async () => {
        const result = await coffer(args, input)
        expect(result.code).toBe(2)
        expect(result.stderr).toMatch(message)
      })
    }

    it('none of them created an account', async () => {
      const result = await coffer(['accounts', 'list', '--json'])
      expect((JSON.parse(result.stdout) as { accounts: { label: string }[] }).accounts.map((a) => a.label)).toEqual(['DS', 'OR bad'])
    })
  })

  it('accounts remove DS deletes the account and its keychain entry', async () => {
    const before = JSON.parse((await coffer(['accounts', 'list', '--json'])).stdout) as { accounts: { id: string; label: string }[] }
    const ds = before.accounts.find((a) => a.label === 'DS')
    expect(ds).toBeDefined()

    const result = await coffer(['accounts', 'remove', 'DS'])

    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`Removed DS (${ds?.id}).\n`)
    expect(await keytar.getPassword(cli.service, ds?.id as string)).toBeNull()
    const after = JSON.parse((await coffer(['accounts', 'list', '--json'])).stdout) as { accounts: { label: string }[] }
    expect(after.accounts.map((a) => a.label)).toEqual(['OR bad'])
  })

  it('COFFER_HOME sets the data folder when --home is absent', async () => {
    const other = await makeTempDir('coffer-cli-env-home-')
    try {
      const added = await runCoffer(['accounts', 'add', '--provider', 'deepseek', '--label', 'Env', '--base-url', cli.sim.baseUrl, '--key-stdin'], {
        input: dsKey,
        env: { ...cli.env, COFFER_HOME: other }
      })
      expect(added.code).toBe(0)
      expect(existsSync(join(other, 'coffer.db'))).toBe(true)
      const listed = await runCoffer(['accounts', 'list', '--json'], { env: { ...cli.env, COFFER_HOME: other } })
      expect((JSON.parse(listed.stdout) as { accounts: { label: string }[] }).accounts.map((a) => a.label)).toEqual(['Env'])
      // --home wins over COFFER_HOME.
      const viaHome = await runCoffer(['--home', cli.home, 'accounts', 'list', '--json'], { env: { ...cli.env, COFFER_HOME: other } })
      expect((JSON.parse(viaHome.stdout) as { accounts: { label: string }[] }).accounts.map((a) => a.label)).toEqual(['OR bad'])
      await runCoffer(['accounts', 'remove', 'Env'], { env: { ...cli.env, COFFER_HOME: other } })
      for (const file of filesIn(other)) expect(readFileSync(file).includes(Buffer.from(dsKey))).toBe(false)
    } finally {
      await removeTempDir(other)
    }
  })

  it('no file in the data folder (ledger, -wal, -shm, config) contains either key', async () => {
    // A last command that writes preferences-free data, with the db still open in WAL mode at exit.
    await coffer(['poll'])
    const files = filesIn(cli.home)
    expect(files.some((file) => file.endsWith('coffer.db'))).toBe(true)
    for (const file of files) {
      const bytes = readFileSync(file)
      for (const secret of [dsKey, orKey]) {
        expect({ file, found: bytes.includes(Buffer.from(secret, 'utf8')) }).toEqual({ file, found: false })
        expect({ file, found: bytes.includes(Buffer.from(secret, 'utf16le')) }).toEqual({ file, found: false })
        // The secret part of the key (after the prefix) must not be there either.
        expect({ file, found: bytes.includes(Buffer.from(secret.slice(-24), 'utf8')) }).toEqual({ file, found: false })
      }
    }
  })
})

describeWithKeychain('coffer CLI against an OpenRouter-shaped server with string amounts', () => {
  const cli = useCliSandbox('coffer-cli-or-')
  const { coffer } = cli
  const key = `sk-or-v1-${randomBytes(16).toString('hex')}`

  it('add, poll and status --json: credits with /key figures, amounts exact', async () => {
    cli.sim.route('GET', '/api/v1/credits', { body: { data: { total_credits: '250', total_usage: '12.3456789' } } })
    cli.sim.route('GET', '/api/v1/key', { body: { data: { limit: 100, limit_remaining: '87.5', usage: 12.5 } } })

    expect((await coffer(['accounts', 'add', '--provider', 'openrouter', '--label', 'Router', '--base-url', cli.sim.baseUrl, '--key-stdin'], key)).code).toBe(0)
    expect((await coffer(['poll'])).code).toBe(0)
    const status = JSON.parse((await coffer(['status', '--json'])).stdout) as StatusJson

    expect(status.accounts[0]?.status).toBe('ok')
    expect(status.accounts[0]?.balances.map((b) => [b.kind, b.amount])).toEqual([
      ['total', '237.654321'], // 250 − 12.3456789, rounded half-even to micro-units
      ['key_limit_remaining', '87.5'],
      ['key_limit', '100'],
      ['key_usage', '12.5']
    ])
    expect(status.totals.balances).toEqual([{ unit: 'USD', amount: '237.654321' }])
    expect(cli.sim.requests.every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true)
  })
})

describeWithKeychain('coffer CLI without a reachable keychain', () => {
  const home = useTempDir('coffer-cli-nokeychain-')

  it('accounts add fails (non-zero), says what to install or unlock, and creates no account', async () => {
    const key = `sk-${randomBytes(16).toString('hex')}`
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      COFFER_KEYCHAIN_SERVICE: testKeychainService(),
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/coffer-test-bus'
    }
    delete env.DISPLAY

    const result = await runCoffer(['--home', home(), 'accounts', 'add', '--provider', 'deepseek', '--label', 'DS', '--key-stdin'], { input: key, env })

    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/keychain/i)
    expect(result.stderr).toMatch(/install/i)
    expect(result.stderr).toMatch(/unlock/i)
    expect(result.stderr).toMatch(/gnome-keyring/)
    expect(result.stdout + result.stderr).not.toContain(key)

    const listed = await runCoffer(['--home', home(), 'accounts', 'list', '--json'], { env: { ...process.env, COFFER_KEYCHAIN_SERVICE: testKeychainService() } })
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual({ accounts: [] })
    for (const file of filesIn(home())) expect(readFileSync(file).includes(Buffer.from(key))).toBe(false)
  })
})
