import { appendFile, cp, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { callOk, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'

const FIXTURES = join(__dirname, '../../../../fixtures')
const tempDir = useTempDir('coffer-local-logs-')
const cores: Core[] = []
afterEach(() => {
  for (const core of cores.splice(0)) core.close()
})

type UsageRow = { day: string; model: string; input: number; output: number; cacheRead: number; cacheWrite: number; reasoning: number; requests: number; source: string }

function usage(core: Core, accountId: string): UsageRow[] {
  return core.context.db
    .prepare(
      `SELECT day, model, input_tokens AS input, output_tokens AS output, cached_input_tokens AS cacheRead, cache_write_tokens AS cacheWrite,
         reasoning_tokens AS reasoning, requests, source FROM usage_lines WHERE account_id = ? ORDER BY day, model`
    )
    .all(accountId) as UsageRow[]
}

function values(core: Core, accountId: string): { day: string; model: string; micros: number | null }[] {
  return core.context.db.prepare('SELECT day, model, amount_micros AS micros FROM value_lines WHERE account_id = ? ORDER BY day, model').all(accountId) as {
    day: string
    model: string
    micros: number | null
  }[]
}

async function setUp(provider: 'claude-code' | 'codex', fixture: string): Promise<{ core: Core; id: string; dir: string }> {
  const dir = join(tempDir(), 'logs')
  await cp(join(FIXTURES, fixture), dir, { recursive: true })
  const core = createTestCore(join(tempDir(), 'data'), { now: () => new Date('2026-11-05T12:00:00.000Z') })
  cores.push(core)
  const account = await callOk(core, 'accounts:add', { draft: { provider, label: provider, options: { dir, plan: provider === 'codex' ? 'chatgpt-plus' : 'claude-max-5x' } } })
  return { core, id: account.id, dir }
}

// Hand-computed from test/fixtures/claude-code (see the comments in each expectation).
const CLAUDE_USAGE: UsageRow[] = [
  // msg_A once (its second content block and session-b's replay are copies): 100 in, 50 out, 1000 written, 2000 read.
  { day: '2026-11-03', model: 'claude-opus-4-1-20250805', input: 10, output: 200, cacheRead: 5000, cacheWrite: 400, reasoning: 0, requests: 1, source: 'local' },
  { day: '2026-11-03', model: 'claude-sonnet-4-5-20250929', input: 100, output: 50, cacheRead: 2000, cacheWrite: 1000, reasoning: 0, requests: 1, source: 'local' },
  // msg_E from the side conversation (its replay of msg_B under a new request id is dropped).
  { day: '2026-11-04', model: 'claude-haiku-4-5-20251001', input: 50, output: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0, requests: 1, source: 'local' },
  // msg_C (5/5) + msg_D (1/1000); the <synthetic> line is not a request.
  { day: '2026-11-04', model: 'claude-sonnet-4-5-20250929', input: 6, output: 1005, cacheRead: 0, cacheWrite: 0, reasoning: 0, requests: 2, source: 'local' }
]
// Anthropic list prices (USD per million tokens, genai-prices): sonnet-4-5 3/15, cache write 3.75, read 0.3;
// opus-4-1 15/75/18.75/1.5; haiku-4-5 1/5/1.25/0.1. Tokens × $/Mtok = micro-dollars.
const CLAUDE_VALUES = [
  { day: '2026-11-03', model: 'claude-opus-4-1-20250805', micros: 10 * 15 + 200 * 75 + 400 * 18.75 + 5000 * 1.5 }, // 30 150
  { day: '2026-11-03', model: 'claude-sonnet-4-5-20250929', micros: 100 * 3 + 50 * 15 + 1000 * 3.75 + 2000 * 0.3 }, // 5 400
  { day: '2026-11-04', model: 'claude-haiku-4-5-20251001', micros: 50 * 1 + 50 * 5 }, // 300
  { day: '2026-11-04', model: 'claude-sonnet-4-5-20250929', micros: 6 * 3 + 1005 * 15 } // 15 093
]

describe('claude-code: local transcripts into usage lines', () => {
  it('counts each (message id, request id) once, drops side-conversation replays, skips and reports unreadable lines, values each day', async () => {
    const { core, id } = await setUp('claude-code', 'claude-code/projects')
    const [report] = await callOk(core, 'accounts:poll', { ids: [id] })
    expect(report).toMatchObject({ status: 'ok', warning: expect.stringContaining('2 lines of the Claude Code logs could not be read') })
    expect(usage(core, id)).toEqual(CLAUDE_USAGE)
    expect(values(core, id)).toEqual(CLAUDE_VALUES)
    // Local usage is never spend.
    expect(core.context.db.prepare('SELECT COUNT(*) AS n FROM spend_lines').get()).toEqual({ n: 0 })
    // Nothing of the transcripts' text reaches the ledger.
    const dump = JSON.stringify(core.context.db.prepare('SELECT * FROM local_log_seen').all()) + JSON.stringify(core.context.db.prepare('SELECT * FROM local_log_files').all())
    expect(dump).not.toContain('PRIVATE')

    // A second poll with nothing new changes nothing and reports nothing.
    const [again] = await callOk(core, 'accounts:poll', { ids: [id] })
    expect(again).toMatchObject({ status: 'ok', warning: null })
    expect(usage(core, id)).toEqual(CLAUDE_USAGE)
  })

  it('reads appended lines only, waits for a line still being written, and re-reads a rotated file without counting twice', async () => {
    const { core, id, dir } = await setUp('claude-code', 'claude-code/projects')
    await callOk(core, 'accounts:poll', { ids: [id] })
    const session = join(dir, '-home-dev-shop', 'session-b.jsonl')
    const line = (message: string, request: string, output: number, at: string): string =>
      JSON.stringify({ type: 'assistant', requestId: request, timestamp: at, message: { id: message, model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'PRIVATE' }], usage: { input_tokens: 2, output_tokens: output, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } } })
    const full = line('msg_F', 'req_F', 100, '2026-11-04T15:00:00.000Z')
    // Half a line: the agent is still writing it.
    await appendFile(session, full.slice(0, 40))
    await callOk(core, 'accounts:poll', { ids: [id] })
    expect(usage(core, id).find((row) => row.day === '2026-11-04' && row.model.includes('sonnet'))).toMatchObject({ input: 6, output: 1005, requests: 2 })
    await appendFile(session, `${full.slice(40)}\n`)
    await callOk(core, 'accounts:poll', { ids: [id] })
    expect(usage(core, id).find((row) => row.day === '2026-11-04' && row.model.includes('sonnet'))).toMatchObject({ input: 8, output: 1105, requests: 3 })

    // Rotation: the file is moved away and a new one starts with a copy of a counted line and one new line.
    await rename(session, `${session}.old`)
    await writeFile(session, `${full}\n${line('msg_G', 'req_G', 7, '2026-11-04T16:00:00.000Z')}\n`)
    const [report] = await callOk(core, 'accounts:poll', { ids: [id] })
    expect(report?.status).toBe('ok')
    expect(usage(core, id).find((row) => row.day === '2026-11-04' && row.model.includes('sonnet'))).toMatchObject({ input: 10, output: 1112, requests: 4 })

    // Truncation: the file is cut to nothing and rewritten with what it held: nothing new.
    const text = await readFile(session, 'utf8')
    await writeFile(session, '')
    await callOk(core, 'accounts:poll', { ids: [id] })
    await writeFile(session, text)
    await callOk(core, 'accounts:poll', { ids: [id] })
    expect(usage(core, id).find((row) => row.day === '2026-11-04' && row.model.includes('sonnet'))).toMatchObject({ input: 10, output: 1112, requests: 4 })
  })

  it('values the usage again at the user’s own price when one is set for a model, and values an unknown model once priced', async () => {
    const { core, id } = await setUp('claude-code', 'claude-code/projects')
    await callOk(core, 'accounts:poll', { ids: [id] })
    // Overrides match the model as recorded (dated name): $1 in, $2 out, no cache prices (cache tokens at the input price).
    await callOk(core, 'plans:set-price', { providerId: 'anthropic', model: 'claude-haiku-4-5-20251001', inputMtok: '1', outputMtok: '2' })
    expect(values(core, id).find((line) => line.model.includes('haiku'))).toEqual({ day: '2026-11-04', model: 'claude-haiku-4-5-20251001', micros: 50 * 1 + 50 * 2 })
    await callOk(core, 'plans:set-price', { providerId: 'anthropic', model: 'claude-haiku-4-5-20251001', clear: true })
    expect(values(core, id).find((line) => line.model.includes('haiku'))?.micros).toBe(300)
  })

  it('Test connection says whether the folder is there and writes nothing', async () => {
    const core = createTestCore(join(tempDir(), 'data'))
    cores.push(core)
    const dir = join(tempDir(), 'logs')
    await cp(join(FIXTURES, 'claude-code/projects'), dir, { recursive: true })
    expect(await callOk(core, 'accounts:test', { draft: { provider: 'claude-code', label: 'CC', options: { dir } } })).toMatchObject({ status: 'ok', error: null })
    expect(await callOk(core, 'accounts:test', { draft: { provider: 'codex', label: 'Codex', options: { dir: join(tempDir(), 'none') } } })).toMatchObject({
      status: 'unreachable',
      error: { code: 'no_log_folder' }
    })
    expect(core.context.db.prepare('SELECT (SELECT COUNT(*) FROM usage_lines) + (SELECT COUNT(*) FROM local_log_files) AS n').get()).toEqual({ n: 0 })
  })

  it('says where it looked when the log folder does not exist', async () => {
    const core = createTestCore(join(tempDir(), 'data'))
    cores.push(core)
    const account = await callOk(core, 'accounts:add', { draft: { provider: 'claude-code', label: 'CC', options: { dir: join(tempDir(), 'nowhere') } } })
    const [report] = await callOk(core, 'accounts:poll', { ids: [account.id] })
    expect(report).toMatchObject({ status: 'unreachable', error: { code: 'no_log_folder', message: expect.stringContaining('nowhere') } })
  })
})

// Hand-computed from test/fixtures/codex. Codex input includes cached input; stored input is the uncached part.
const CODEX_USAGE: UsageRow[] = [
  // Parent turns 1 (1000 in / 200 cached / 300 out / 100 reasoning) and 2 (500/400/50/0), and the fork's own turn
  // (total 1700/700/400/100 − copied total 1500/600/350/100 = 200/100/50/0); the fork's copies of turns 1-2 are not counted.
  { day: '2026-11-03', model: 'gpt-5', input: 800 + 100 + 100, output: 400, cacheRead: 700, cacheWrite: 0, reasoning: 100, requests: 3, source: 'local' },
  // A total-only turn after the model changed: 2500/600/550/150 − 1500/600/350/100.
  { day: '2026-11-03', model: 'gpt-oss:20b', input: 1000, output: 200, cacheRead: 0, cacheWrite: 0, reasoning: 50, requests: 1, source: 'local' },
  // The sub-agent's own turn; its replay of the parent's two turns (both stamped 08:00:00) is skipped.
  { day: '2026-11-04', model: 'gpt-5', input: 300, output: 30, cacheRead: 0, cacheWrite: 0, reasoning: 10, requests: 1, source: 'local' }
]

describe('codex: local session logs into usage lines', () => {
  it('counts each turn once across forks and sub-agent replays, values priced models, lists the unknown one unpriced', async () => {
    const { core, id } = await setUp('codex', 'codex/sessions')
    const [report] = await callOk(core, 'accounts:poll', { ids: [id] })
    expect(report).toMatchObject({ status: 'ok', warning: expect.stringContaining('1 line of the Codex logs could not be read') })
    expect(usage(core, id)).toEqual(CODEX_USAGE)
    // gpt-5: $1.25 in, $0.125 cached, $10 out per Mtok. 1000×1.25 + 700×0.125 + 400×10 = 5 337.5 → 5 338 (half to even).
    expect(values(core, id)).toEqual([
      { day: '2026-11-03', model: 'gpt-5', micros: 5338 },
      { day: '2026-11-03', model: 'gpt-oss:20b', micros: null },
      { day: '2026-11-04', model: 'gpt-5', micros: 300 * 1.25 + 30 * 10 }
    ])
  })

  it('a turn appended after a poll is counted from the stored cumulative totals', async () => {
    const { core, id, dir } = await setUp('codex', 'codex/sessions')
    await callOk(core, 'accounts:poll', { ids: [id] })
    const fork = join(dir, '2026/11/03/rollout-2026-11-03T10-00-00-0199a1b3-fork.jsonl')
    await appendFile(
      fork,
      `${JSON.stringify({ timestamp: '2026-11-03T10:05:00.000Z', type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage: { input_tokens: 2700, cached_input_tokens: 1700, output_tokens: 500, reasoning_output_tokens: 100, total_tokens: 3200 } } } })}\n`
    )
    await callOk(core, 'accounts:poll', { ids: [id] })
    // + (2700−1700 = 1000 in, 1000 cached, 100 out) on gpt-5, the fork's model.
    expect(usage(core, id)[0]).toMatchObject({ model: 'gpt-5', input: 1000, cacheRead: 1700, output: 500, requests: 4 })
  })
})
