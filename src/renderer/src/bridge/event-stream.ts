import { HTTP_EVENTS_PATH } from '../../../shared/http-protocol'
import { createSseParser, type SseMessage } from './sse-parser'

/** Options of {@link startEventStream}. */
export interface EventStreamOptions {
  /** `''` in the page (same origin); an absolute origin in tests. */
  baseUrl: string
  token: string
  fetch: typeof fetch
  onMessage(message: SseMessage): void
  /** Called when a connection opens after an earlier one dropped: events may have been missed. */
  onReconnect?(): void
  /** Called when the server refuses the token; the stream then stops for good. */
  onUnauthorized?(): void
  initialDelayMs?: number
  maxDelayMs?: number
}

/**
 * Reads `GET /api/events` with `fetch` rather than `EventSource`, because `EventSource` cannot send
 * the `Authorization` header (and the token must not go in the URL). Reconnects with exponential
 * backoff and jitter until stopped.
 *
 * @returns a function that stops the stream.
 */
export function startEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController()
  const initialDelay = options.initialDelayMs ?? 1000
  const maxDelay = options.maxDelayMs ?? 30_000
  let attempt = 0
  let connectedBefore = false

  const connectOnce = async (): Promise<'retry' | 'stop'> => {
    const response = await options.fetch(`${options.baseUrl}${HTTP_EVENTS_PATH}`, {
      headers: { Authorization: `Bearer ${options.token}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal: controller.signal
    })
    if (response.status === 401) {
      options.onUnauthorized?.()
      return 'stop'
    }
    if (!response.ok || !response.body) return 'retry'
    if (connectedBefore) options.onReconnect?.()
    connectedBefore = true
    attempt = 0
    const parser = createSseParser(options.onMessage)
    const decoder = new TextDecoder()
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return 'retry'
      parser.push(decoder.decode(value, { stream: true }))
    }
  }

  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        if ((await connectOnce()) === 'stop') return
      } catch {
        // Network error or server gone: fall through to the backoff below.
      }
      if (controller.signal.aborted) return
      const ceiling = Math.min(maxDelay, initialDelay * 2 ** attempt)
      attempt += 1
      await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, controller.signal)
    }
  }

  void run()
  return () => controller.abort()
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true }
    )
  })
}
