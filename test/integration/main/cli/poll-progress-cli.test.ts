import { randomBytes } from 'node:crypto'
import { beforeAll, expect, it, vi } from 'vitest'
import type { CliIo } from '../../../../src/main/cli/cli-io'
import { runCli } from '../../../../src/main/cli/program'
import { useCliSandbox } from '../../../helpers/cli-sandbox'
import { describeWithKeychain } from '../../../helpers/keychain'
import { cursorPages, openaiCostBucket, openaiUsageBucket } from '../../../simulator/shapes/openai'

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 })

const day = (back: number): string => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10)

/**
 * Issue 14.8: the first poll of an OpenAI account reads 90 days of history, several pages of it.
 * On a terminal `coffer poll` shows a progress line (the account, the page being read), cleared
 * before the results; on a pipe it prints nothing but the results.
 */
describeWithKeychain('coffer poll: progress on a terminal, nothing on a pipe', () => {
  const cli = useCliSandbox('coffer-progress-cli-')
  const { coffer } = cli

  beforeAll(async () => {
    // Costs in three pages, usage in two: five pages in all.
    cli.sim.route(
      'GET',
      '/v1/organization/costs',
      cursorPages([
        [openaiCostBucket({ day: day(80), lines: [{ lineItem: 'GPT-4o', value: '1.00' }] })],
        [openaiCostBucket({ day: day(40), lines: [{ lineItem: 'GPT-4o', value: '2.00' }] })],
        [openaiCostBucket({ day: day(1), lines: [{ lineItem: 'GPT-4o', value: '3.00' }] })]
      ])
    )
    cli.sim.route(
      'GET',
      '/v1/organization/usage/completions',
      cursorPages([
        [openaiUsageBucket({ day: day(60), models: [{ model: 'gpt-4o', input: 1000, cached: 0, output: 100, requests: 1 }] })],
        [openaiUsageBucket({ day: day(1), models: [{ model: 'gpt-4o', input: 2000, cached: 0, output: 200, requests: 2 }] })]
      ])
    )
    for (const label of ['OpenAI', 'OpenAI piped']) {
      const added = await coffer(['accounts', 'add', '--provider', 'openai', '--label', label, '--base-url', cli.sim.baseUrl, '--key-stdin'], `sk-admin-${randomBytes(12).toString('hex')}`)
      expect(added.code, added.stderr).toBe(0)
    }
  })

  /** `coffer poll …` in-process, as on a terminal: every progress line is recorded. */
  async function pollOnTerminal(...names: string[]): Promise<{ code: number; out: string; err: string; progress: (string | null)[] }> {
    let out = ''
    let err = ''
    const progress: (string | null)[] = []
    const io: CliIo = {
      out: (text) => (out += `${text}\n`),
      err: (text) => (err += `${text}\n`),
      readStdin: async () => '',
      stdinIsTty: true,
      env: cli.env,
      progress: (line) => progress.push(line)
    }
    const code = await runCli(['--home', cli.home, 'poll', ...names], io)
    return { code, out, err, progress }
  }

  it('a first poll on a terminal shows the account and each page of its 90-day history, then clears the line', async () => {
    const run = await pollOnTerminal('OpenAI')
    expect(run.code, run.err).toBe(0)
    expect(run.progress).toEqual([
      'Polling OpenAI…',
      'OpenAI: first poll, reading 90 days of history — OpenAI costs, page 1…',
      'OpenAI: first poll, reading 90 days of history — OpenAI costs, page 2…',
      'OpenAI: first poll, reading 90 days of history — OpenAI costs, page 3…',
      'OpenAI: first poll, reading 90 days of history — OpenAI usage, page 1…',
      'OpenAI: first poll, reading 90 days of history — OpenAI usage, page 2…',
      null
    ])
    expect(run.out).toMatch(/^OpenAI\s+ok\s+\d+ ms$/m)
    expect(run.err).toBe('')
  })

  it('a later poll reads only the last days: progress without the history note', async () => {
    const run = await pollOnTerminal('OpenAI')
    expect(run.code, run.err).toBe(0)
    expect(run.progress[0]).toBe('Polling OpenAI…')
    expect(run.progress.slice(1, -1).every((line) => line !== null && /^OpenAI: OpenAI (costs|usage), page \d…$/.test(line))).toBe(true)
    expect(run.progress.at(-1)).toBeNull()
  })

  it('on a pipe, a first poll prints its result and nothing else', async () => {
    const result = await coffer(['poll', 'OpenAI piped'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^OpenAI piped\s+ok\s+\d+ ms\n$/)
    for (const marker of ['page', 'Polling', '\r', '\u001b']) expect(result.stdout).not.toContain(marker)
  })
})
