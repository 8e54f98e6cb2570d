import { describe, expect, it } from 'vitest'
import { flushHeldTurn, initialCodexState, parseCodexLine, restoreCodexState, type CodexFileState } from '../../../../../src/main/core/local-logs/codex-lines'
import type { LineResult, UsageEvent } from '../../../../../src/main/core/local-logs/usage-event'

const usage = (input: number, cached: number, output: number, reasoning = 0) => ({
  input_tokens: input,
  cached_input_tokens: cached,
  output_tokens: output,
  reasoning_output_tokens: reasoning,
  total_tokens: input + output
})
const tokenCount = (timestamp: string, info: Record<string, unknown> | null) => ({ timestamp, type: 'event_msg', payload: { type: 'token_count', info } })
const events = (results: LineResult[]): UsageEvent[] => results.flatMap((result) => (result.kind === 'event' ? [result.event] : []))

describe('Codex token_count lines', () => {
  it('splits cached input out of input, keeps reasoning apart, and takes the model from the latest turn_context', () => {
    const state = initialCodexState()
    parseCodexLine({ timestamp: '2026-11-03T09:00:00Z', type: 'turn_context', payload: { model: 'gpt-5' } }, state)
    const [event] = events(parseCodexLine(tokenCount('2026-11-03T09:01:00Z', { last_token_usage: usage(1000, 200, 300, 100) }), state))
    expect(event).toMatchObject({ day: '2026-11-03', model: 'gpt-5', input: 800, cacheRead: 200, output: 300, reasoning: 100, cacheWrite: 0 })
  })

  it('recovers a turn from cumulative totals, across a saved and restored state', () => {
    const state = initialCodexState()
    parseCodexLine(tokenCount('2026-11-03T09:01:00Z', { total_token_usage: usage(1000, 0, 100) }), state)
    const restored = restoreCodexState(JSON.stringify(state))
    const [event] = events(parseCodexLine(tokenCount('2026-11-03T09:02:00Z', { total_token_usage: usage(1500, 400, 160) }), restored))
    expect(event).toMatchObject({ model: 'unknown', input: 100, cacheRead: 400, output: 60 })
  })

  it('skips null info and zero turns; broken counts and missing times are unreadable', () => {
    const state = initialCodexState()
    expect(parseCodexLine(tokenCount('2026-11-03T09:01:00Z', null), state)).toEqual([{ kind: 'skip' }])
    expect(parseCodexLine(tokenCount('2026-11-03T09:01:00Z', { last_token_usage: usage(0, 0, 0) }), state)).toEqual([{ kind: 'skip' }])
    expect(parseCodexLine(tokenCount('2026-11-03T09:01:00Z', { last_token_usage: { input_tokens: -5 } }), state)).toEqual([{ kind: 'garbage' }])
    expect(parseCodexLine(tokenCount('yesterday', { last_token_usage: usage(1, 0, 1) }), state)).toEqual([{ kind: 'garbage' }])
  })

  it('a sub-agent’s first turn is held until the next shows it was not a replay, or the file has been quiet for a minute', () => {
    const meta = { timestamp: '2026-11-04T08:00:00Z', type: 'session_meta', payload: { source: { subagent: { thread_spawn: { parent_thread_id: 'p' } } } } }
    const held: CodexFileState = initialCodexState()
    parseCodexLine(meta, held)
    expect(parseCodexLine(tokenCount('2026-11-04T08:00:05Z', { last_token_usage: usage(10, 0, 1) }), held)).toEqual([{ kind: 'skip' }])
    expect(flushHeldTurn(held, Date.parse('2026-11-04T08:00:30Z'))).toEqual([])
    expect(events(flushHeldTurn(held, Date.parse('2026-11-04T08:01:30Z')))).toMatchObject([{ input: 10, output: 1 }])

    const notReplay = initialCodexState()
    parseCodexLine(meta, notReplay)
    parseCodexLine(tokenCount('2026-11-04T08:00:05Z', { last_token_usage: usage(10, 0, 1) }), notReplay)
    expect(events(parseCodexLine(tokenCount('2026-11-04T08:00:09Z', { last_token_usage: usage(20, 0, 2) }), notReplay)).map((event) => event.input)).toEqual([10, 20])
  })

  it('the same turn in two files (a fork’s copied history) has the same key; another turn does not', () => {
    const a = events(parseCodexLine(tokenCount('2026-11-03T09:01:00Z', { last_token_usage: usage(1000, 200, 300) }), initialCodexState()))[0]
    const b = events(parseCodexLine(tokenCount('2026-11-03T09:01:00Z', { last_token_usage: usage(1000, 200, 300) }), initialCodexState()))[0]
    const c = events(parseCodexLine(tokenCount('2026-11-03T09:01:01Z', { last_token_usage: usage(1000, 200, 300) }), initialCodexState()))[0]
    expect(a?.key).toBe(b?.key)
    expect(a?.key).not.toBe(c?.key)
  })
})
