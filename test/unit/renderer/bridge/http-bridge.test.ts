import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { BridgeError } from '../../../../src/renderer/src/bridge/bridge-error'
import { createHttpBridge } from '../../../../src/renderer/src/bridge/http-bridge'
import type { EventPayload } from '../../../../src/shared/contract'

const TOKEN = 'test-token-123'
const ACCOUNT_ID = 'acc_abcdefghij'

interface Seen {
  method: string
  url: string
  authorization: string | undefined
  body: string
}

/** A real loopback server; `route` answers each request after its body is read. */
async function serve(route: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void) {
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body }
      seen.push(entry)
      route(req, res, entry)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { seen, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

describe('createHttpBridge: invoke', () => {
  it('POSTs the request to /api/call/<name> with the bearer token and returns the Wire value', async () => {
    const { seen, baseUrl } = await serve((_req, res) => json(res, 200, { ok: true, value: { removed: true } }))
    const bridge = createHttpBridge({ token: TOKEN, baseUrl })
    await expect(bridge.invoke('accounts:remove', { id: ACCOUNT_ID })).resolves.toEqual({ removed: true })
    expect(seen).toEqual([
      { method: 'POST', url: '/api/call/accounts:remove', authorization: `Bearer ${TOKEN}`, body: JSON.stringify({ id: ACCOUNT_ID }) }
    ])
  })

  it('throws a BridgeError carrying the code and message of a failed Wire', async () => {
    const { baseUrl } = await serve((_req, res) =>
      json(res, 200, { ok: false, code: 'conflict', message: 'An account called “Work” already exists.' })
    )
    const error = await createHttpBridge({ token: TOKEN, baseUrl })
      .invoke('accounts:list', {})
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BridgeError)
    expect(error).toMatchObject({ code: 'conflict', message: 'An account called “Work” already exists.' })
  })

  it('maps an unknown error code to internal, keeping the message', async () => {
    const { baseUrl } = await serve((_req, res) => json(res, 200, { ok: false, code: 'weird', message: 'Odd.' }))
    await expect(createHttpBridge({ token: TOKEN, baseUrl }).invoke('app:info', {})).rejects.toMatchObject({ code: 'internal', message: 'Odd.' })
  })

  it('reports a refused token as unauthorized, once, with a message that says what to open', async () => {
    const { baseUrl } = await serve((_req, res) => json(res, 401, { ok: false, code: 'forbidden', message: 'Missing or wrong token.' }))
    let expired = 0
    const bridge = createHttpBridge({ token: 'wrong', baseUrl, onUnauthorized: () => (expired += 1) })
    await expect(bridge.invoke('app:info', {})).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('coffer serve') })
    await expect(bridge.invoke('app:info', {})).rejects.toMatchObject({ code: 'unauthorized' })
    expect(expired).toBe(1)
  })

  it('says the server is unreachable when nothing listens', async () => {
    const { baseUrl } = await serve((_req, res) => json(res, 200, {}))
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
    await expect(createHttpBridge({ token: TOKEN, baseUrl }).invoke('app:info', {})).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('coffer serve')
    })
  })

  it('rejects an answer that is not a Wire envelope', async () => {
    const { baseUrl } = await serve((_req, res) => json(res, 200, { value: 1 }))
    await expect(createHttpBridge({ token: TOKEN, baseUrl }).invoke('app:info', {})).rejects.toMatchObject({ code: 'internal' })
  })
})

describe('createHttpBridge: events', () => {
  it('shares one authorised stream, delivers valid events split across writes, drops invalid ones, and closes with the last listener', async () => {
    const streams: ServerResponse[] = []
    const { seen, baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write(': hello\n\n')
      streams.push(res)
    })
    const bridge = createHttpBridge({ token: TOKEN, baseUrl })
    const progress: EventPayload<'poll:progress'>[] = []
    const changed: EventPayload<'accounts:changed'>[] = []
    const offProgress = bridge.on('poll:progress', (payload) => progress.push(payload))
    const offChanged = bridge.on('accounts:changed', (payload) => changed.push(payload))
    await expect.poll(() => streams.length).toBe(1)
    const stream = streams[0] as ServerResponse
    stream.write('event: poll:progress\ndata: {"accountId":"acc_abcdefghij",')
    stream.write('"phase":"started","status":null}\n\n')
    stream.write('event: poll:progress\ndata: {"accountId":"not-an-id","phase":"started","status":null}\n\n')
    stream.write('event: accounts:changed\ndata: {"ids":["acc_abcdefghij"]}\n\n')
    await expect.poll(() => changed.length).toBe(1)
    expect(progress).toEqual([{ accountId: ACCOUNT_ID, phase: 'started', status: null }])
    expect(changed).toEqual([{ ids: [ACCOUNT_ID] }])
    expect(seen).toEqual([{ method: 'GET', url: '/api/events', authorization: `Bearer ${TOKEN}`, body: '' }])

    offProgress()
    expect(stream.closed).toBe(false)
    const closed = new Promise<void>((resolve) => stream.on('close', () => resolve()))
    offChanged()
    await closed
  })

  it('reconnects after the stream drops and tells listeners to re-read what they missed', async () => {
    const streams: ServerResponse[] = []
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write(': hello\n\n')
      streams.push(res)
    })
    const bridge = createHttpBridge({ token: TOKEN, baseUrl, reconnect: { initialDelayMs: 10, maxDelayMs: 20 } })
    const changed: EventPayload<'accounts:changed'>[] = []
    const off = bridge.on('accounts:changed', (payload) => changed.push(payload))
    await expect.poll(() => streams.length).toBe(1)
    streams[0]?.end()
    await expect.poll(() => streams.length).toBe(2)
    await expect.poll(() => changed).toEqual([{ ids: [] }])
    off()
  })

  it('stops for good when the server refuses the token', async () => {
    const { seen, baseUrl } = await serve((_req, res) => json(res, 401, { ok: false, code: 'forbidden', message: 'no' }))
    let expired = 0
    const bridge = createHttpBridge({
      token: 'wrong',
      baseUrl,
      onUnauthorized: () => (expired += 1),
      reconnect: { initialDelayMs: 5, maxDelayMs: 5 }
    })
    const off = bridge.on('accounts:changed', () => {})
    await expect.poll(() => expired).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(seen).toHaveLength(1)
    off()
  })
})
