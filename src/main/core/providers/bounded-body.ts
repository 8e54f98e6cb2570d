/** The most Coffer reads of one provider answer unless an adapter allows more for a request. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024

/** A body as read: its text, and whether it was cut off at the limit. */
export interface BoundedBody {
  text: string
  /** The answer was larger than the limit; `text` is its first part. */
  overLimit: boolean
}

/**
 * Reads a response body as UTF-8 text, stopping at `maxBytes`. Why streamed: `response.text()`
 * buffers the whole answer, and a provider (or anything answering in its place) can send hundreds
 * of megabytes (600 MB took 2 GB and then failed on V8's string length). Here the text read so far
 * and one chunk are held, never more than `maxBytes` of it, and `stop` aborts the transfer as soon
 * as the limit is passed (a declared Content-Length above it is refused unread). The text is
 * decoded as UTF-8 with a leading BOM dropped and broken sequences replaced, as `text()` does.
 */
export async function readBoundedBody(response: Response, maxBytes: number, stop: () => void): Promise<BoundedBody> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    stop()
    await response.body?.cancel().catch(() => undefined)
    return { text: '', overLimit: true }
  }
  if (!response.body) return { text: '', overLimit: false }
  const reader = response.body.getReader()
  // Decoded chunk by chunk, so the bytes are let go as they arrive: the text is all that is held.
  const decoder = new TextDecoder('utf-8')
  const parts: string[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (size + value.byteLength > maxBytes) {
      parts.push(decoder.decode(value.subarray(0, maxBytes - size)))
      stop()
      await reader.cancel().catch(() => undefined)
      return { text: parts.join(''), overLimit: true }
    }
    parts.push(decoder.decode(value, { stream: true }))
    size += value.byteLength
  }
  parts.push(decoder.decode())
  return { text: parts.join(''), overLimit: false }
}

/** `8 MB`, `512 KB`, `100 bytes`: a limit in words (binary units, as the limit is set). */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`
  return `${bytes} bytes`
}
