/** One message of a `text/event-stream`. */
export interface SseMessage {
  event: string
  data: string
}

/**
 * An incremental parser for server-sent events (the subset `coffer serve` uses: `event:`, `data:`
 * and `:` comments). Feed it decoded text in chunks of any size; it calls `onMessage` for every
 * complete message. Chunk boundaries may fall anywhere, even inside a `\r\n` pair.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): { push(text: string): void } {
  let buffer = ''
  let event = ''
  let data: string[] = []

  const handleLine = (line: string): void => {
    if (line === '') {
      if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') })
      event = ''
      data = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }

  return {
    push(text: string): void {
      buffer += text
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer)
        if (!match) return
        // A lone trailing \r may be the first half of \r\n: wait for the next chunk.
        if (match[0] === '\r' && match.index === buffer.length - 1) return
        handleLine(buffer.slice(0, match.index))
        buffer = buffer.slice(match.index + match[0].length)
      }
    }
  }
}
