import { describe, expect, it } from 'vitest'
import { parseClaudeCodeLine } from '../../../../../src/main/core/local-logs/claude-code-lines'
import { isBlankLine, looksLikeJsonObject } from '../../../../../src/main/core/local-logs/line-reader'

const line = (usage: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'assistant',
  timestamp: '2026-11-03T23:59:59.999Z',
  requestId: 'req_1',
  message: { id: 'msg_1', model: 'claude-sonnet-4-5-20250929', usage },
  ...extra
})

describe('Claude Code transcript lines', () => {
  it('prefers the cache_creation breakdown (5 m + 1 h) over cache_creation_input_tokens', () => {
    const result = parseClaudeCodeLine(line({ input_tokens: 1, output_tokens: 2, cache_creation_input_tokens: 999, cache_creation: { ephemeral_5m_input_tokens: 30, ephemeral_1h_input_tokens: 70 }, cache_read_input_tokens: 4 }))
    expect(result).toMatchObject({ kind: 'event', event: { day: '2026-11-03', input: 1, output: 2, cacheWrite: 100, cacheRead: 4, key: 'c:msg_1\u0000req_1' } })
    expect(parseClaudeCodeLine(line({ input_tokens: 1, output_tokens: 2, cache_creation_input_tokens: 50 }))).toMatchObject({ event: { cacheWrite: 50, cacheRead: 0 } })
  })

  it('skips lines without usage and <synthetic> messages; broken counts are unreadable', () => {
    expect(parseClaudeCodeLine({ type: 'user', message: { role: 'user', content: 'usage' } })).toEqual({ kind: 'skip' })
    expect(parseClaudeCodeLine(line({ input_tokens: 0, output_tokens: 0 }, { message: { id: 'm', model: '<synthetic>', usage: { input_tokens: 0, output_tokens: 0 } } }))).toEqual({ kind: 'skip' })
    expect(parseClaudeCodeLine(line({ input_tokens: '5', output_tokens: 1 }))).toEqual({ kind: 'garbage' })
    expect(parseClaudeCodeLine(line({ input_tokens: 5, output_tokens: 1 }, { timestamp: 'soon' }))).toEqual({ kind: 'garbage' })
  })

  it('marks side-conversation lines; identifies id-less lines by their own figures', () => {
    expect(parseClaudeCodeLine(line({ input_tokens: 1, output_tokens: 1 }, { isSidechain: true }))).toMatchObject({ event: { sidechain: true, messageId: 'msg_1' } })
    const bare = parseClaudeCodeLine({ timestamp: '2026-11-03T10:00:00Z', message: { model: 'claude-opus-4-1', usage: { input_tokens: 1, output_tokens: 1 } } })
    expect(bare).toMatchObject({ event: { messageId: null, key: expect.stringContaining('c:t\u00002026-11-03T10:00:00Z') } })
  })

  it('tells JSON-shaped lines from unreadable ones without parsing them', () => {
    expect(looksLikeJsonObject(Buffer.from(' {"a":1}\r'))).toBe(true)
    expect(looksLikeJsonObject(Buffer.from('{"a":'))).toBe(false)
    expect(looksLikeJsonObject(Buffer.from('not json'))).toBe(false)
    expect(isBlankLine(Buffer.from(' \t\r'))).toBe(true)
  })
})
