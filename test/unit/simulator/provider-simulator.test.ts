import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProviderSimulator } from '../../simulator/provider-simulator'
import { deepseekAuthError, deepseekBalance } from '../../simulator/shapes/deepseek'
import { openrouterCredits, openrouterError, openrouterKey } from '../../simulator/shapes/openrouter'

let sim: ProviderSimulator

beforeEach(async () => {
  sim = await ProviderSimulator.start()
})

afterEach(async () => {
  await sim.close()
})

describe('ProviderSimulator', () => {
  it('listens on loopback with an ephemeral port', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Number(new URL(sim.baseUrl).port)).toBeGreaterThan(0)
  })

  it('answers a routed path with JSON and records the request', async () => {
    sim.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 100.5, totalUsage: 25.75 }))
    const response = await fetch(`${sim.baseUrl}/api/v1/credits?x=1`, {
      headers: { authorization: 'Bearer sk-or-v1-test', 'x-title': 'Coffer' }
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ data: { total_credits: 100.5, total_usage: 25.75 } })
    expect(sim.requests).toHaveLength(1)
    const [request] = sim.requests
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe('/api/v1/credits')
    expect(request?.query.get('x')).toBe('1')
    expect(request?.headers.authorization).toBe('Bearer sk-or-v1-test')
    expect(request?.headers['x-title']).toBe('Coffer')
  })

  it('records request bodies and filters by path', async () => {
    sim.route('POST', '/a', { body: { ok: true } })
    await fetch(`${sim.baseUrl}/a`, { method: 'POST', body: '{"n":1}' })
    await fetch(`${sim.baseUrl}/b`)
    await fetch(`${sim.baseUrl}/a`, { method: 'POST', body: 'second' })
    expect(sim.requestsTo('/a').map((r) => r.body)).toEqual(['{"n":1}', 'second'])
    expect(sim.requestsTo('/b')).toHaveLength(1)
    expect(sim.requests.map((r) => r.path)).toEqual(['/a', '/b', '/a'])
  })

  it('answers unrouted paths and other methods with a 404 JSON error', async () => {
    sim.route('GET', '/known', { body: {} })
    for (const [method, path] of [
      ['GET', '/unknown'],
      ['POST', '/known']
    ] as const) {
      const response = await fetch(`${sim.baseUrl}${path}`, { method })
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ error: { message: 'no route' } })
    }
  })

  it('consumes queued responses in order and repeats the last one', async () => {
    sim.route('GET', '/user/balance', { body: { n: 1 } }, { status: 500, body: { n: 2 } }, { body: { n: 3 } })
    const seen: Array<[number, unknown]> = []
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${sim.baseUrl}/user/balance`)
      seen.push([response.status, await response.json()])
    }
    expect(seen).toEqual([
      [200, { n: 1 }],
      [500, { n: 2 }],
      [200, { n: 3 }],
      [200, { n: 3 }],
      [200, { n: 3 }]
    ])
  })

  it('computes responses from the request with a function handler', async () => {
    sim.route('GET', '/echo', (req) => ({ status: 201, body: { date: req.query.get('date'), auth: req.headers.authorization } }))
    const response = await fetch(`${sim.baseUrl}/echo?date=2026-01-02`, { headers: { authorization: 'Bearer k' } })
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ date: '2026-01-02', auth: 'Bearer k' })
  })

  it('sends string bodies raw and custom headers as given', async () => {
    sim.route('GET', '/raw', {
      status: 429,
      headers: { 'retry-after': '7', 'content-type': 'application/json' },
      body: '{"amount":12.50}'
    })
    const response = await fetch(`${sim.baseUrl}/raw`)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(await response.text()).toBe('{"amount":12.50}')
  })

  it('delays a response by delayMs', async () => {
    sim.route('GET', '/slow', { delayMs: 150, body: { ok: true } })
    const started = performance.now()
    const response = await fetch(`${sim.baseUrl}/slow`)
    await response.json()
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('reset fault: the connection drops without a response', async () => {
    sim.route('GET', '/reset', { fault: 'reset' })
    await expect(fetch(`${sim.baseUrl}/reset`)).rejects.toThrow()
    expect(sim.requestsTo('/reset')).toHaveLength(1)
  })

  it('hang fault: no answer until the client gives up', async () => {
    sim.route('GET', '/hang', { fault: 'hang' })
    const started = performance.now()
    await expect(fetch(`${sim.baseUrl}/hang`, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i)
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('hang fault: close() ends hanging connections instead of waiting for them', async () => {
    sim.route('GET', '/hang', { fault: 'hang' })
    const pending = fetch(`${sim.baseUrl}/hang`)
    await waitFor(() => sim.requests.length === 1)
    await sim.close()
    await expect(pending).rejects.toThrow()
    sim = await ProviderSimulator.start() // afterEach closes this one
  })

  it('truncated-json fault: a 200 JSON response whose body does not parse', async () => {
    sim.route('GET', '/credits', { fault: 'truncated-json' })
    const response = await fetch(`${sim.baseUrl}/credits`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const text = await response.text()
    expect(text.startsWith('{')).toBe(true)
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  it('html fault: a 200 text/html error page', async () => {
    sim.route('GET', '/key', { fault: 'html' })
    const response = await fetch(`${sim.baseUrl}/key`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toMatch(/<html>.*Bad Gateway/s)
  })

  it('reset() forgets routes and recorded requests', async () => {
    sim.route('GET', '/x', { body: {} })
    await fetch(`${sim.baseUrl}/x`)
    sim.reset()
    expect(sim.requests).toEqual([])
    expect((await fetch(`${sim.baseUrl}/x`)).status).toBe(404)
  })

  it('answers 500 naming the route when a handler function throws, and keeps serving', async () => {
    sim.route('GET', '/broken', () => {
      throw new Error('oops in handler')
    })
    sim.route('GET', '/fine', { body: { ok: true } })
    const broken = await fetch(`${sim.baseUrl}/broken`)
    expect(broken.status).toBe(500)
    expect(await broken.json()).toEqual({ error: { message: 'simulator handler for GET /broken threw: oops in handler' } })
    expect((await fetch(`${sim.baseUrl}/fine`)).status).toBe(200)
  })

  it('route() with no responses is a programming error', () => {
    expect(() => sim.route('GET', '/x')).toThrow(/at least one response/)
  })
})

describe('provider shapes', () => {
  it('openrouterKey follows the documented /key fields, null limits by default', () => {
    const body = openrouterKey({ usage: 25.5, limit: 100, limitRemaining: 74.5 }).body as { data: Record<string, unknown> }
    expect(body.data).toMatchObject({ limit: 100, limit_remaining: 74.5, usage: 25.5, usage_daily: 25.5, is_free_tier: false })
    const unlimited = openrouterKey().body as { data: Record<string, unknown> }
    expect(unlimited.data.limit).toBeNull()
    expect(unlimited.data.limit_remaining).toBeNull()
  })

  it('openrouterError uses the code as HTTP status and can set Retry-After', () => {
    const error = openrouterError(429, 'Rate limited', { retryAfterSeconds: 30 })
    expect(error.status).toBe(429)
    expect(error.headers).toEqual({ 'retry-after': '30' })
    expect(error.body).toEqual({ error: { code: 429, message: 'Rate limited' } })
  })

  it('deepseekBalance sends strings by default (keeping trailing zeros) and numbers on request', () => {
    const infos = [{ currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: 100 }]
    expect(deepseekBalance(infos).body).toEqual({
      is_available: true,
      balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100' }]
    })
    expect(deepseekBalance(infos, { asStrings: false, isAvailable: false }).body).toEqual({
      is_available: false,
      balance_infos: [{ currency: 'CNY', total_balance: 110, granted_balance: 10, topped_up_balance: 100 }]
    })
  })

  it('deepseekAuthError is a 401 echoing the masked key', () => {
    const error = deepseekAuthError('****wxyz')
    expect(error.status).toBe(401)
    expect(JSON.stringify(error.body)).toContain('****wxyz is invalid')
  })
})

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
