import { describe, expect, it } from 'vitest'
import { ingestPoll } from '../../../../src/main/core/ledger/ingest'
import { emptyFacts } from '../../../../src/main/core/ledger/facts'
import type { CliIo } from '../../../../src/main/cli/cli-io'
import { runCli } from '../../../../src/main/cli/program'
import { accountVerdict } from '../../../../src/shared/account-state'
import { ingestBalance, ingestSpend, insertAccount } from '../../../helpers/ledger-script'
import { useTempDir } from '../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../helpers/test-core'

/** `coffer --home HOME …args` in-process with `env` (the locale comes from LANG / LC_ALL). */
async function coffer(home: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), readStdin: async () => '', stdinIsTty: false, env }
  const code = await runCli(['--home', home, ...args], io)
  return { code, out, err }
}

const ago = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString()
const today = (): string => new Date().toISOString().slice(0, 10)

/**
 * A ledger with one account in each state: ok (USD, spending), below its alert (CNY, warning),
 * out of date, key rejected, nothing recorded yet (manual), and credits without a value.
 */
async function seed(home: string): Promise<void> {
  const core = createTestCore(home)
  insertAccount(core, 'acc_wallet0001', 'Wallet', 'openrouter')
  insertAccount(core, 'acc_deepseek01', 'DeepSeek main key for the team', 'deepseek')
  insertAccount(core, 'acc_oldfigure1', 'Old figures', 'openrouter')
  insertAccount(core, 'acc_rejected01', 'Rejected', 'openrouter')
  insertAccount(core, 'acc_emptymanual', 'Cash box', 'manual')
  insertAccount(core, 'acc_credits001', 'Credits', 'manual', '2026-01-01T00:00:00.000Z', { unit: 'credits' })
  ingestBalance(core, 'acc_wallet0001', ago(26), '50', 'USD')
  ingestSpend(core, 'acc_wallet0001', ago(0.1), [[today(), 'gpt', '1.25']], 'USD')
  ingestBalance(core, 'acc_wallet0001', ago(0.1), '48.75', 'USD')
  ingestBalance(core, 'acc_deepseek01', ago(0.1), '86.67', 'CNY')
  ingestBalance(core, 'acc_oldfigure1', ago(30), '12', 'USD')
  ingestBalance(core, 'acc_credits001', ago(0.1), '6932', 'credits')
  ingestPoll(
    core.context.db,
    { accountId: 'acc_rejected01', startedAt: ago(0.1), finishedAt: ago(0.1), status: 'auth_failed', errorCode: 'http_401', errorMessage: 'OpenRouter rejected the key (HTTP 401).', httpStatus: 401, retryAfterMs: null, facts: emptyFacts(), raw: [] },
    core.context.ingestHooks
  )
  await callOk(core, 'rules:set', { accountId: 'acc_deepseek01', kind: 'low_balance', below: { amount: '400', unit: 'CNY' } })
  core.close()
}

/** Where each column of the header starts and ends (columns are separated by two spaces). */
function headerSpans(header: string): Map<string, { start: number; end: number }> {
  const spans = new Map<string, { start: number; end: number }>()
  for (const name of ['Account', 'Balance', 'Today', 'Month', 'Runway', 'State']) {
    const start = header.indexOf(name)
    spans.set(name, { start, end: start + name.length })
  }
  return spans
}

describe('coffer status: one aligned table (issue 14.6)', () => {
  const dir = useTempDir()

  it('balance, today, month, runway and the card’s state per account, a total row, all within 80 columns', async () => {
    const home = dir()
    await seed(home)
    const run = await coffer(home, {}, 'status')
    expect(run).toMatchObject({ code: 0, err: '' })
    const lines = run.out.trimEnd().split('\n')
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80)
    // The notes under the table wrap with a two-space indent: read them unwrapped.
    const notes = run.out.replace(/\n {2}/g, ' ')

    const [header, rule] = lines
    expect(header).toMatch(/^Account\s+Balance\s+Today\s+Month\s+Runway\s+State$/)
    expect(rule).toMatch(/^[─ ]+$/)
    const spans = headerSpans(header as string)
    const row = (start: string): string => lines.find((line) => line.startsWith(start)) ?? ''
    // Figures are right-aligned under their header: every row ends each figure where the header does.
    const wallet = row('Wallet')
    expect(wallet.indexOf('$48.75') + '$48.75'.length, 'Balance of Wallet').toBe(spans.get('Balance')?.end)
    expect(wallet.indexOf('$1.25') + '$1.25'.length, 'Today of Wallet').toBe(spans.get('Today')?.end)
    expect(wallet.lastIndexOf('$1.25') + '$1.25'.length, 'Month of Wallet').toBe(spans.get('Month')?.end)
    expect(wallet.slice(spans.get('State')?.start)).toBe('Up to date')
    const deepseek = row('DeepSeek')
    expect(deepseek.indexOf('CN¥86.67') + 'CN¥86.67'.length).toBe(spans.get('Balance')?.end)
    // The label gives way to the figures, with an ellipsis, and the state starts in its column.
    expect(deepseek).toMatch(/^DeepSeek main key.*…/)
    expect(deepseek.slice(spans.get('State')?.start)).toMatch(/^Below your CN¥400/)
    // A state cut short in its column is said in full under the table, with the alert's sentence.
    expect(notes).toMatch(/^DeepSeek main key for the team: .*below your alert at CN¥400\.00\.$/m)

    expect(row('Old figures').slice(spans.get('State')?.start)).toBe('Out of date')
    expect(row('Rejected').slice(spans.get('State')?.start)).toBe('Key rejected')
    expect(row('Cash box').slice(spans.get('State')?.start)).toBe('No data yet')
    expect(row('Credits').indexOf('6,932 credits') + '6,932 credits'.length).toBe(spans.get('Balance')?.end)
    // The provider's error in full, once, under the table.
    expect(notes).toContain('Rejected: OpenRouter rejected the key (HTTP 401).')

    // The total row: USD converts nothing; CNY and credits have no rate or value, and that is said.
    const total = row('Total')
    expect(total.indexOf('$60.75') + '$60.75'.length).toBe(spans.get('Balance')?.end)
    expect(total.indexOf('$1.25') + '$1.25'.length).toBe(spans.get('Today')?.end)
    expect(notes).toMatch(/^Balance total — Not counted: CN¥86\.67 on DeepSeek main key for the team \(no exchange rate\), 6,932 credits on Credits \(no credit value\)\.$/m)
    expect(notes).toContain('coffer rates set CNY')
  })

  it('states are the shared verdict’s words, the ones the card and the tray show', async () => {
    const home = dir()
    await seed(home)
    const core = createTestCore(home)
    const accounts = await callOk(core, 'accounts:list', {})
    const { alerts } = await callOk(core, 'alerts:list', { states: ['active'], limit: 200 })
    core.close()
    const run = await coffer(home, {}, 'status')
    const lines = run.out.split('\n')
    const stateAt = headerSpans(lines[0] as string).get('State')?.start as number
    for (const account of accounts) {
      const words = accountVerdict(account, alerts).words
      const line = lines.find((candidate) => candidate.startsWith(account.label.slice(0, 10))) as string
      const shown = line.slice(stateAt)
      // Whole, or cut with an ellipsis and then given in full below the table.
      if (shown.endsWith('…')) expect(words.startsWith(shown.slice(0, -1)), account.label).toBe(true)
      else expect(shown, account.label).toBe(account.stale && !['Out of date'].includes(words) ? `${words}, out of date` : words)
    }
  })

  it('figures and dates follow the locale (LANG=de_DE.UTF-8)', async () => {
    const home = dir()
    await seed(home)
    const run = await coffer(home, { LANG: 'de_DE.UTF-8' }, 'status')
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Wallet\s+48,75\s\$\s+1,25\s\$/m)
    expect(run.out).toContain('6.932 credits')
  })

  it('--json keeps its shape', async () => {
    const home = dir()
    await seed(home)
    const json = JSON.parse((await coffer(home, { LANG: 'de_DE.UTF-8' }, 'status', '--json')).out) as Record<string, Record<string, unknown>>
    expect(Object.keys(json).sort()).toEqual(['accounts', 'budgets', 'totals'])
    expect(Object.keys(json.totals as object).sort()).toEqual(['balances', 'firstToRunOut', 'home', 'spendMonthToDate', 'spendToday'])
    // Amounts stay exact decimal strings, whatever the locale.
    expect((json.totals as { balances: unknown[] }).balances).toContainEqual({ unit: 'USD', amount: '60.75' })
  })

  it('accounts list lines up too, and says the same state as status (alerts included, out of date said in words)', async () => {
    const home = dir()
    await seed(home)
    const lines = (await coffer(home, {}, 'accounts', 'list')).out.trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    const stateAt = (line: string): number => line.search(/(Up to date|Below your|Out of date|Key rejected|No data yet)/)
    expect(new Set(lines.map(stateAt)).size, lines.join('\n')).toBe(1)
    expect(lines.find((line) => line.includes('DeepSeek'))).toMatch(/CN¥86\.67 \(Balance, official\)\s+Below your CN¥400\.00 alert$/)
    expect(lines.find((line) => line.includes('Old figures'))).toMatch(/\s{2}Out of date$/)
    expect(lines.join('\n')).not.toContain('[stale]')
  })

  it('an empty ledger says how to add an account', async () => {
    const run = await coffer(dir(), {}, 'status')
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out).toMatch(/^No accounts yet\. Add one: coffer accounts add/)
  })
})
