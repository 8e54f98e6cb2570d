import { describe, expect, it } from 'vitest'
import { createSseParser, type SseMessage } from '../../../../src/renderer/src/bridge/sse-parser'

function parseChunks(chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = []
  const parser = createSseParser((message) => messages.push(message))
  for (const chunk of chunks) parser.push(chunk)
  return messages
}

describe('createSseParser', () => {
  it('reads named events with JSON data', () => {
    expect(parseChunks(['event: poll:progress\ndata: {"a":1}\n\n'])).toEqual([{ event: 'poll:progress', data: '{"a":1}' }])
  })

  it('gives the same messages whatever the chunk boundaries, including a split \\r\\n', () => {
    const text = ': keep-alive\r\nevent: accounts:changed\r\ndata: {"ids":[]}\r\n\r\nevent: x\r\ndata: one\r\ndata: two\r\n\r\n'
    const whole = parseChunks([text])
    expect(whole).toEqual([
      { event: 'accounts:changed', data: '{"ids":[]}' },
      { event: 'x', data: 'one\ntwo' }
    ])
    for (let cut = 1; cut < text.length; cut += 1) {
      expect(parseChunks([text.slice(0, cut), text.slice(cut)])).toEqual(whole)
    }
    expect(parseChunks([...text])).toEqual(whole)
  })

  it('ignores comments, blank messages and unfinished trailing messages', () => {
    expect(parseChunks([': ping\n\n\n', 'event: late\ndata: {}'])).toEqual([])
  })

  it('defaults the event name to "message"', () => {
    expect(parseChunks(['data:plain\n\n'])).toEqual([{ event: 'message', data: 'plain' }])
  })
})
