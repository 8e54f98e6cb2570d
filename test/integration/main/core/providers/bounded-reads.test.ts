import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../../../../src/main/core/providers/bounded-body'
import { ProviderFault } from '../../../../../src/main/core/providers/provider-fault'
import { ProviderHttp } from '../../../../../src/main/core/providers/provider-http'
import { Redactor } from '../../../../../src/main/core/providers/redactor'
import { callOk, useProviderHarness } from './harness'

const MB = 1024 * 1024
const h = useProviderHarness('2026-11-21T12:00:00Z')

/** A loopback provider that streams `total` bytes of one JSON string, 64 KB at a time, honouring backpressure. */
interface Streamer {
  url: string
  /** Bytes handed to sockets so far, over all requests. */
  written(): number
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function streamer(total: number, options: { status?: number; headers?: OutgoingHttpHeaders } = {}): Promise<Streamer> {
  let written = 0
  const chunk = Buffer.alloc(64 * 1024, 'x')
  const server = createServer((_req, res) => {
    res.on('error', () => undefined)
    res.writeHead(options.status ?? 200, { 'content-type': 'application/json', ...options.headers })
    res.write('{"data":"')
    let sent = 0
    const pump = (): void => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length
        written += chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
      if (!res.destroyed) res.end('"}')
    }
    pump()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/balance`,
    written: () => written
  }
}

/** Runs `action` while sampling this process's RSS; returns its outcome and the peak growth. */
async function withPeakRss<T>(action: () => Promise<T>): Promise<{ outcome: T | Error; growth: number }> {
  const baseline = process.memoryUsage.rss()
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 2)
  try {
    const outcome = await action().catch((error: unknown) => error as Error)
    peak = Math.max(peak, process.memoryUsage.rss())
    return { outcome, growth: peak - baseline }
  } finally {
    clearInterval(sampler)
  }
}

function client(options: { maxResponseBytes?: number } = {}): ProviderHttp {
  return new ProviderHttp({ redactor: new Redactor(['sk-bounded-0123456789']), timeoutMs: 10_000, ...options })
}

describe('bounded provider reads', () => {
  it('a 50 MB answer is cut off at 8 MB while streaming: bad_response, bounded time and memory', async () => {
    const provider = await streamer(50 * MB)
    const http = client()
    // Warm up first, so loading fetch itself is not counted.
    await client().json({ url: (await streamer(16)).url })
    const started = Date.now()
    const { outcome, growth } = await withPeakRss(() => http.json({ url: provider.url }))

    expect(outcome).toBeInstanceOf(ProviderFault)
    expect(outcome).toMatchObject({ status: 'bad_response', code: 'too_large', httpStatus: 200 })
    expect((outcome as Error).message).toContain("the provider's answer is larger than 8 MB")
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(growth).toBeLessThan(64 * MB)
    // The transfer stopped: what the server got out is the cap plus socket buffers, not 50 MB.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(provider.written()).toBeLessThan(20 * MB)
    // What was read is kept for the raw-response view (the ledger stores its first 64 KB).
    expect(http.captures[0]).toMatchObject({ httpStatus: 200 })
    expect(http.captures[0]?.body.length).toBe(DEFAULT_MAX_RESPONSE_BYTES)
  })

  it('a declared Content-Length over the cap is refused without reading the body', async () => {
    const provider = await streamer(50 * MB, { headers: { 'content-length': String(50 * MB + 11) } })
    const outcome = await client().json({ url: provider.url }).catch((error: unknown) => error)
    expect(outcome).toMatchObject({ status: 'bad_response', code: 'too_large' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(provider.written()).toBeLessThan(16 * MB)
  })

  it('an error status with a huge body is bad_response too, not a 2 GB provider_error', async () => {
    const provider = await streamer(20 * MB, { status: 500 })
    const outcome = await client().json({ url: provider.url }).catch((error: unknown) => error)
    expect(outcome).toMatchObject({ status: 'bad_response', code: 'too_large', httpStatus: 500 })
  })

  it('the cap is configurable per client and per request; an answer under it reads whole', async () => {
    const provider = await streamer(256 * 1024)
    const small = client({ maxResponseBytes: 64 * 1024 })
    await expect(small.json({ url: provider.url })).rejects.toThrow("the provider's answer is larger than 64 KB")
    const allowed = await small.json({ url: provider.url, maxBytes: MB })
    expect((allowed.json as { data: string }).data).toHaveLength(4 * 64 * 1024)
    expect((await client().json({ url: provider.url })).status).toBe(200)
  })

  it('through a poll: the account shows bad_response with the reason, and the capture is kept, truncated', async () => {
    const provider = await streamer(50 * MB)
    const baseUrl = provider.url.replace('/balance', '')
    const view = await callOk(h.core, 'accounts:add', { draft: { provider: 'deepseek', label: 'Huge', baseUrl }, key: 'sk-huge-0123456789' })
    const [report] = await callOk(h.core, 'accounts:poll', { ids: [view.id] })
    expect(report).toMatchObject({ status: 'bad_response', error: { code: 'too_large' } })
    expect(report?.error?.message).toContain("the provider's answer is larger than 8 MB")
    const [raw] = await callOk(h.core, 'accounts:raw-responses', { id: view.id })
    expect(raw).toMatchObject({ httpStatus: 200, truncated: true, pollStatus: 'bad_response' })
  })
})
