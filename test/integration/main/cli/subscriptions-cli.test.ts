import { appendFile, cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliInProcess } from '../../../helpers/run-cli-in-process'
import { useTempDir } from '../../../helpers/temp-dir'

const tempDir = useTempDir('coffer-subscriptions-cli-')

/** A Claude Code transcript line as Claude Code writes it (only the fields Coffer reads, plus some text it must ignore). */
function claudeLine(message: string, request: string, model: string, usage: Record<string, number>, at: Date): string {
  return JSON.stringify({
    type: 'assistant',
    sessionId: 's1',
    version: '2.0.31',
    requestId: request,
    timestamp: at.toISOString(),
    message: { id: message, type: 'message', role: 'assistant', model, content: [{ type: 'text', text: 'PRIVATE ANSWER' }], usage }
  })
}

describe('coffer subscriptions', () => {
  it('prints this cycle’s API-equivalent value against the plan’s fee, in the issue’s JSON shape, from logs read by coffer poll', async () => {
    const home = join(tempDir(), 'home')
    const projects = join(tempDir(), 'claude', 'projects')
    await mkdir(join(projects, '-home-dev-app'), { recursive: true })
    const now = new Date()
    const today = now.toISOString().slice(0, 10)
    const usage = { input_tokens: 1_000_000, output_tokens: 2_000_000, cache_creation_input_tokens: 4_000_000, cache_read_input_tokens: 10_000_000 }
    const file = join(projects, '-home-dev-app', 'session.jsonl')
    await writeFile(
      file,
      [
        claudeLine('msg_1', 'req_1', 'claude-sonnet-4-5-20250929', usage, now),
        // The same message's second content block: the same request.
        claudeLine('msg_1', 'req_1', 'claude-sonnet-4-5-20250929', usage, now),
        claudeLine('msg_2', 'req_2', 'claude-experimental-9', { input_tokens: 10, output_tokens: 20 }, now),
        '{"broken": ',
        ''
      ].join('\n')
    )

    const add = await runCliInProcess(home, 'accounts', 'add', '--provider', 'claude-code', '--label', 'Claude Max', '--option', `dir=${projects}`, '--option', 'plan=claude-max-5x', '--option', `renewsOn=${today}`)
    expect(add.code, add.err).toBe(0)
    const poll = await runCliInProcess(home, 'poll')
    expect(poll.code, poll.err).toBe(0)
    expect(poll.out).toContain('1 line of the Claude Code logs could not be read')

    const json = await runCliInProcess(home, 'subscriptions', '--json')
    expect(json.code, json.err).toBe(0)
    const parsed = JSON.parse(json.out) as { subscriptions: Record<string, unknown>[] }
    const renews = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
    // Claude Max 5× renewing today: the cycle runs from today to the same day next month (or that month's last day).
    const dayNextMonth = Math.min(now.getUTCDate(), new Date(Date.UTC(renews.getUTCFullYear(), renews.getUTCMonth() + 1, 0)).getUTCDate())
    const cycleEnd = `${renews.getUTCFullYear()}-${String(renews.getUTCMonth() + 1).padStart(2, '0')}-${String(dayNextMonth).padStart(2, '0')}`
    expect(parsed).toEqual({
      subscriptions: [
        {
          accountId: expect.any(String),
          label: 'Claude Max',
          plan: 'claude-max-5x',
          cycleStart: today,
          cycleEnd,
          fee: { amount: '100', unit: 'USD' },
          // Sonnet 4.5 at $3 in, $15 out, $3.75 cache write, $0.30 cache read per Mtok: 3 + 30 + 15 + 3 = $51.
          apiEquivalent: { amount: '51', unit: 'USD' },
          ratio: 0.51,
          tokens: { input: 1_000_010, output: 2_000_020, cacheWrite: 4_000_000, cacheRead: 10_000_000 },
          unpricedModels: [{ model: 'claude-experimental-9', input: 10, output: 20, cacheWrite: 0, cacheRead: 0 }]
        }
      ]
    })

    const text = await runCliInProcess(home, 'subscriptions')
    expect(text.code).toBe(0)
    expect(text.out).toContain('Claude Max 5× ($100.00): $51.00 of API-equivalent use this cycle (99 % of the tokens priced), 0.5×.')
    expect(text.out).toContain('Not priced: claude-experimental-9')
    expect(text.out).toContain('Cheapest alternative: Anthropic API at list prices, $51.00 this cycle')
    expect(text.out).not.toContain('PRIVATE')

    // An appended request is picked up by the next poll, and only it.
    await appendFile(file, `${claudeLine('msg_3', 'req_3', 'claude-sonnet-4-5-20250929', { input_tokens: 1_000_000, output_tokens: 0 }, now)}\n`)
    expect((await runCliInProcess(home, 'poll')).code).toBe(0)
    const after = JSON.parse((await runCliInProcess(home, 'subscriptions', '--json')).out) as { subscriptions: { apiEquivalent: { amount: string }; ratio: number }[] }
    expect(after.subscriptions[0]).toMatchObject({ apiEquivalent: { amount: '54' }, ratio: 0.54 })
  })

  it('reads both agents’ sample folders through the CLI and reports a past cycle with --at, figures checked by hand', async () => {
    const home = join(tempDir(), 'home')
    const fixtures = join(__dirname, '../../../fixtures')
    await cp(join(fixtures, 'claude-code/projects'), join(tempDir(), 'claude'), { recursive: true })
    await cp(join(fixtures, 'codex/sessions'), join(tempDir(), 'codex'), { recursive: true })
    expect((await runCliInProcess(home, 'accounts', 'add', '--provider', 'claude-code', '--label', 'Claude', '--option', `dir=${join(tempDir(), 'claude')}`, '--option', 'plan=claude-max-5x')).code).toBe(0)
    expect((await runCliInProcess(home, 'accounts', 'add', '--provider', 'codex', '--label', 'Codex', '--option', `dir=${join(tempDir(), 'codex')}`, '--option', 'plan=chatgpt-plus')).code).toBe(0)
    const poll = await runCliInProcess(home, 'poll')
    expect(poll.code, poll.err).toBe(0)
    const run = await runCliInProcess(home, 'subscriptions', '--json', '--at', '2026-11-04')
    expect(run.code, run.err).toBe(0)
    const { subscriptions } = JSON.parse(run.out) as { subscriptions: Record<string, unknown>[] }
    const byLabel = new Map(subscriptions.map((entry) => [entry.label, entry]))
    // Sums of the per-day figures in test/integration/main/core/local-logs/local-logs-poll.test.ts; no renewal day: calendar months.
    expect(byLabel.get('Claude')).toMatchObject({
      plan: 'claude-max-5x',
      cycleStart: '2026-11-01',
      cycleEnd: '2026-12-01',
      fee: { amount: '100', unit: 'USD' },
      apiEquivalent: { amount: '0.050943', unit: 'USD' },
      ratio: 0,
      tokens: { input: 166, output: 1305, cacheWrite: 1400, cacheRead: 7000 },
      unpricedModels: []
    })
    expect(byLabel.get('Codex')).toMatchObject({
      plan: 'chatgpt-plus',
      fee: { amount: '20', unit: 'USD' },
      apiEquivalent: { amount: '0.006013', unit: 'USD' },
      tokens: { input: 2300, output: 630, cacheWrite: 0, cacheRead: 700 },
      unpricedModels: [{ model: 'gpt-oss:20b', input: 1000, output: 200, cacheWrite: 0, cacheRead: 0 }]
    })
    const bad = await runCliInProcess(home, 'subscriptions', '--at', 'last week')
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--at must be a day') })
  })

  it('says how to start when no subscription is measured', async () => {
    const run = await runCliInProcess(join(tempDir(), 'home'), 'subscriptions')
    expect(run).toMatchObject({ code: 0, out: expect.stringContaining('No subscriptions measured yet') })
  })
})
