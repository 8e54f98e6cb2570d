import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCliInProcess as coffer } from '../../../helpers/run-cli-in-process'
import { repoRoot } from '../../../helpers/run-coffer'
import { insertAccount } from '../../../helpers/ledger-script'
import { useTempDir } from '../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../helpers/test-core'

/** Issue 14.6: --version, budget remove, alerts rule remove, and errors in the user's terms. */
describe('coffer usage (in-process)', () => {
  const dir = useTempDir()

  const seeded = (): string => {
    const home = dir()
    const core = createTestCore(home)
    insertAccount(core, 'acc_wallet0001', 'Wallet', 'manual', '2026-01-01T00:00:00.000Z', { unit: 'USD' })
    insertAccount(core, 'acc_deepseek01', 'DeepSeek', 'deepseek')
    core.close()
    return home
  }

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) {
      const run = await coffer(dir(), flag)
      expect(run).toEqual({ code: 0, out: `${version}\n`, err: '' })
    }
  })

  describe('budget remove', () => {
    it('removes a limit by its number, an account’s, or the global one, and says which', async () => {
      const home = seeded()
      expect((await coffer(home, 'budget', 'set', '--global', '--period', 'month', '--limit', '100')).code).toBe(0)
      expect((await coffer(home, 'budget', 'set', 'Wallet', '--period', 'week', '--limit', '10')).code).toBe(0)
      expect((await coffer(home, 'budget', 'set', 'Wallet', '--period', 'day', '--limit', '2')).code).toBe(0)
      const ids = (JSON.parse((await coffer(home, 'budget', 'list', '--json')).out) as { budgets: { id: number; period: string }[] }).budgets

      const ambiguous = await coffer(home, 'budget', 'remove', 'Wallet')
      expect(ambiguous).toMatchObject({ code: 2, out: '' })
      expect(ambiguous.err).toBe('coffer: Wallet has 2 spend limits (day, week): say which with --period. (see `coffer budget remove --help`)\n')

      const byPeriod = await coffer(home, 'budget', 'remove', 'Wallet', '--period', 'week')
      expect(byPeriod).toEqual({ code: 0, out: 'Removed the spend limit for Wallet: $10.00 per week.\n', err: '' })
      const day = ids.find((budget) => budget.period === 'day')?.id as number
      expect((await coffer(home, 'budget', 'remove', `#${day}`)).out).toBe('Removed the spend limit for Wallet: $2.00 per day.\n')
      expect((await coffer(home, 'budget', 'remove', '--global')).out).toBe('Removed the spend limit for all accounts: $100.00 per month.\n')
      expect(JSON.parse((await coffer(home, 'budget', 'list', '--json')).out)).toMatchObject({ budgets: [] })

      const none = await coffer(home, 'budget', 'remove', '--global')
      expect(none.code).toBe(2)
      expect(none.err).toMatch(/^coffer: There is no spend limit for all accounts: see `coffer budget list`\. \(see `coffer budget remove --help`\)$/m)
    })
  })

  describe('alerts rule remove', () => {
    it('removes the account’s only rule, or the one --kind names, and resolves its alert', async () => {
      const home = seeded()
      expect((await coffer(home, 'alerts', 'rule', 'Wallet', '--below', '5')).code).toBe(0)
      expect((await coffer(home, 'alerts', 'rule', 'Wallet', '--runway-days', '7')).code).toBe(0)
      expect((await coffer(home, 'record', 'Wallet', '--type', 'balance', '--amount', '3', '--unit', 'USD')).code).toBe(0)
      const open = JSON.parse((await coffer(home, 'alerts', '--json')).out) as { alerts: { kind: string; state: string }[] }
      expect(open.alerts).toContainEqual(expect.objectContaining({ kind: 'low_balance', state: 'active' }))

      const which = await coffer(home, 'alerts', 'rule', 'remove', 'Wallet')
      expect(which.code).toBe(2)
      expect(which.err).toContain('Wallet has 2 alert rules (balance below 5 (primary unit); runway below 7 days): say which with --kind below|runway-days|expiring-days.')
      expect(which.err).toContain('(see `coffer alerts rule remove --help`)')

      const removed = await coffer(home, 'alerts', 'rule', 'remove', 'Wallet', '--kind', 'below')
      expect(removed).toEqual({ code: 0, out: 'Removed the alert rule for Wallet: balance below 5 (primary unit).\n', err: '' })
      const after = JSON.parse((await coffer(home, 'alerts', '--json')).out) as { alerts: { kind: string; state: string }[] }
      expect(after.alerts.filter((alert) => alert.kind === 'low_balance' && alert.state === 'active')).toEqual([])

      expect((await coffer(home, 'alerts', 'rule', 'remove', 'Wallet')).out).toBe('Removed the alert rule for Wallet: runway below 7 days.\n')
      const core = createTestCore(home)
      expect(await callOk(core, 'rules:list', {})).toEqual([])
      core.close()
      const nothing = await coffer(home, 'alerts', 'rule', 'remove', 'Wallet')
      expect(nothing.err).toMatch(/^coffer: Wallet has no alert rule to remove\./)
      const badKind = await coffer(home, 'alerts', 'rule', 'remove', 'Wallet', '--kind', 'low')
      expect(badKind.err).toMatch(/--kind is one of below, runway-days, expiring-days \(got "low"\)/)
      // `alerts rule ACCOUNT …` still sets rules.
      expect((await coffer(home, 'alerts', 'rule', 'Wallet', '--below', '1')).out).toBe('Alert rule set for Wallet: balance below 1 (primary unit).\n')
    })
  })

  describe('every error is one sentence in the user’s terms, with the subcommand’s own --help', () => {
    const cases: { args: string[]; says: string }[] = [
      { args: ['export', '--what', 'spend', '--format', 'csv', '--from', '2026-02-31'], says: 'coffer: --from: There is no such day: check the month and day. (see `coffer export --help`)' },
      { args: ['accounts', 'add', '--provider', 'manual', '--label', 'X', '--base-url', 'ftp://relay.example'], says: 'coffer: --base-url: Only https:// base URLs are allowed (http:// only to this machine). (see `coffer accounts add --help`)' },
      { args: ['budget', 'set', '--global', '--period', 'year', '--limit', '5'], says: 'coffer: --period must be one of day, week, month. (see `coffer budget set --help`)' },
      { args: ['status', '--bogus'], says: "coffer: unknown option '--bogus' (see `coffer status --help`)" },
      { args: ['budget', 'sett'], says: "coffer: unknown command 'sett' (Did you mean set?) (see `coffer budget --help`)" },
      { args: ['alerts', 'rule', 'remove'], says: "coffer: missing required argument 'id-or-label' (see `coffer alerts rule remove --help`)" }
    ]
    for (const { args, says } of cases) {
      it(args.join(' '), async () => {
        const run = await coffer(seeded(), ...args)
        expect(run).toEqual({ code: 2, out: '', err: `${says}\n` })
      })
    }

    it('no error quotes a contract path (draft.…, filter.…)', async () => {
      const home = seeded()
      for (const args of [
        ['accounts', 'add', '--provider', 'manual', '--label', 'X', '--base-url', 'http://admin:pw@relay.example'],
        ['accounts', 'add', '--provider', 'custom', '--label', 'C', '--option', 'url=http://10.0.0.8/b', '--option', 'balancePath=data.balance'],
        ['export', '--what', 'credits', '--format', 'json', '--from', '1999-01-01'],
        ['export', '--what', 'credits', '--format', 'json', '--to', 'tomorrow'],
        ['record', 'Wallet', '--type', 'topup', '--amount', 'ten'],
        ['record', 'Wallet', '--type', 'topup', '--amount', '5', '--at', 'yesterday']
      ]) {
        const run = await coffer(home, ...args)
        expect(run.code, args.join(' ')).toBe(2)
        expect(run.err.trim().split('\n'), args.join(' ')).toHaveLength(1)
        expect(run.err, args.join(' ')).not.toMatch(/\b(draft|filter|request)\.[a-zA-Z]+:|; /)
        expect(run.err, args.join(' ')).toMatch(/\(see `coffer (accounts add|export|record) --help`\)\n$/)
      }
    })
  })
})
