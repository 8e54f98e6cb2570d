import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountStatus } from '../../../../../src/shared/account-status'
import type { Core } from '../../../../../src/main/core/app'
import type { CoreDeps } from '../../../../../src/main/core/app'
import { ProviderSimulator, type SimHandler, type SimRequest } from '../../../../simulator/provider-simulator'
import { deepseekBalance } from '../../../../simulator/shapes/deepseek'
import { openrouterCredits, openrouterKey } from '../../../../simulator/shapes/openrouter'
import { KeychainUnavailableError } from '../../../../../src/main/core/secrets/secret-store'
import { MemorySecretStore } from '../../../../../src/main/core/secrets/memory-secret-store'
import { callOk, countRows, createTestCore } from '../../../../helpers/test-core'
import { makeTempDir, removeTempDir } from '../../../../helpers/temp-dir'

/** A fixed clock on a whole second, so HTTP-dates (second resolution) give exact Retry-After values. */
const NOW = Date.parse('2026-11-21T12:00:00.000Z')

interface ProviderCase {
  provider: 'openrouter' | 'deepseek'
  key: string
  /** Every path one poll may request; a fault is served on all of them. */
  paths: string[]
  good: () => void
  /** The primary balance after {@link good}. */
  goodPrimary: { unit: string; amount: string }
  /** 200 bodies that are not what the documentation promises. */
  badShapes: Record<string, unknown>
}

let simulator: ProviderSimulator

const providers: ProviderCase[] = [
  {
    provider: 'openrouter',
    key: `sk-or-v1-${randomBytes(16).toString('hex')}`,
    paths: ['/api/v1/credits', '/api/v1/key'],
    good: () => {
      simulator.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 100, totalUsage: 25.5 }))
      simulator.route('GET', '/api/v1/key', openrouterKey({ limit: null, limitRemaining: null, usage: 25.5 }))
    },
    goodPrimary: { unit: 'USD', amount: '74.5' },
    badShapes: {
      'missing field': { data: { total_credits: 100 } },
      'wrong types': { data: { total_credits: true, total_usage: { value: 1 } } },
      'decimal comma "12,5"': { data: { total_credits: '12,5', total_usage: 0 } },
      'no data envelope': { total_credits: 100, total_usage: 1 },
      'a JSON array': [1, 2, 3]
    }
  },
  {
    provider: 'deepseek',
    key: `sk-${randomBytes(16).toString('hex')}`,
    paths: ['/user/balance'],
    good: () => {
      simulator.route('GET', '/user/balance', deepseekBalance([{ currency: 'CNY', total: '110.00', granted: '10.00', toppedUp: '100.00' }]))
    },
    goodPrimary: { unit: 'CNY', amount: '110' },
    badShapes: {
      'missing field': { is_available: true, balance_infos: [{ currency: 'CNY', granted_balance: '1', topped_up_balance: '1' }] },
      'wrong types': { is_available: true, balance_infos: [{ currency: 156, total_balance: ['1'] }] },
      'decimal comma "12,5"': { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '12,5' }] },
      // No balance_infos at all is an answer with no entries since issue 13.6 (both fields are
      // optional in DeepSeek's schema): deepseek.test.ts checks it is ok with a warning.
      'error is not an object': { error: 42 }
    }
  }
]

/** An error answer that echoes the Authorization header back, as some proxies do. */
function echoing(status: number, headers: Record<string, string> = {}): SimHandler {
  return (req: SimRequest) => ({
    status,
    headers,
    body: { error: { code: status, message: `Request with ${req.headers.authorization ?? 'no key'} failed` } }
  })
}

interface FaultCase {
  name: string
  respond: SimHandler
  status: Exclude<AccountStatus, 'ok' | 'never_polled'>
  code?: string | RegExp
  httpStatus?: number | null
  retryAfterMs?: number | null
  timeoutMs?: number
  message?: RegExp
}

const faults: FaultCase[] = [
  { name: '401', respond: echoing(401), status: 'auth_failed', code: 'http_401', httpStatus: 401, message: /rejected the key/ },
  { name: '402', respond: echoing(402), status: 'provider_error', code: 'http_402', httpStatus: 402, message: /payment is required/ },
  { name: '403', respond: echoing(403), status: 'auth_failed', code: 'http_403', httpStatus: 403 },
  { name: '404', respond: echoing(404), status: 'provider_error', code: 'http_404', httpStatus: 404, message: /base URL/ },
  { name: '429 with Retry-After: 120', respond: echoing(429, { 'retry-after': '120' }), status: 'rate_limited', httpStatus: 429, retryAfterMs: 120_000 },
  {
    name: '429 with an HTTP-date Retry-After',
    respond: echoing(429, { 'retry-after': new Date(NOW + 90_000).toUTCString() }),
    status: 'rate_limited',
    httpStatus: 429,
    retryAfterMs: 90_000
  },
  { name: '429 without Retry-After', respond: echoing(429), status: 'rate_limited', httpStatus: 429, retryAfterMs: null },
  { name: '500', respond: echoing(500), status: 'provider_error', code: 'http_500', httpStatus: 500, message: /server error/ },
  { name: '503 with Retry-After', respond: echoing(503, { 'retry-after': '30' }), status: 'provider_error', code: 'http_503', httpStatus: 503, retryAfterMs: 30_000 },
  { name: 'HTML error page (200)', respond: { fault: 'html' }, status: 'bad_response', code: 'not_json', message: /web page/ },
  {
    name: 'HTML page echoing the key (200)',
    respond: (req) => ({ headers: { 'content-type': 'text/html' }, body: `<html><body>Login required for ${req.headers.authorization}</body></html>` }),
    status: 'bad_response',
    code: 'not_json'
  },
  {
    name: 'timeout (no answer)',
    respond: { fault: 'hang' },
    status: 'unreachable',
    code: 'timeout',
    timeoutMs: 300,
    httpStatus: null,
    message: /did not answer within 300 ms/
  },
  { name: 'connection reset', respond: { fault: 'reset' }, status: 'unreachable', httpStatus: null, message: /Could not reach/ },
  {
    // Redirects are not followed: the key must not travel to wherever a Location header points.
    name: 'a redirect to another host',
    respond: { status: 301, headers: { location: 'https://elsewhere.example/steal' } },
    status: 'unreachable',
    httpStatus: null,
    message: /redirect/
  },
  { name: 'truncated JSON', respond: { fault: 'truncated-json' }, status: 'bad_response', code: 'invalid_json' },
  { name: 'empty 200 body', respond: { status: 200, body: '' }, status: 'bad_response', code: 'invalid_json', message: /empty body/ }
]

let dir: string
let core: Core | null = null

beforeEach(async () => {
  dir = await makeTempDir('coffer-faults-')
  simulator = await ProviderSimulator.start()
})

afterEach(async () => {
  core?.close()
  core = null
  await simulator.close()
  await removeTempDir(dir)
})

function open(overrides: Partial<CoreDeps> = {}): Core {
  core = createTestCore(dir, { now: () => new Date(NOW), ...overrides })
  return core
}

async function addAccount(c: Core, p: ProviderCase): Promise<string> {
  const view = await callOk(c, 'accounts:add', { draft: { provider: p.provider, label: `${p.provider} acct`, baseUrl: simulator.baseUrl }, key: p.key })
  return view.id
}

/** Every text the ledger holds about polls: poll_runs and raw_responses, all columns. */
function ledgerText(c: Core): string {
  const rows = [
    ...c.context.db.prepare('SELECT * FROM poll_runs').all(),
    ...c.context.db.prepare('SELECT * FROM raw_responses').all(),
    ...c.context.db.prepare('SELECT * FROM accounts').all()
  ]
  return JSON.stringify(rows)
}

function lastRun(c: Core, accountId: string): { status: string; error_code: string | null; error_message: string | null; http_status: number | null; retry_after_ms: number | null } {
  return c.context.db.prepare('SELECT * FROM poll_runs WHERE account_id = ? ORDER BY id DESC LIMIT 1').get(accountId) as never
}

for (const p of providers) {
  describe(`${p.provider}: faults are classified, recorded and never leak the key`, () => {
    const table: FaultCase[] = [
      ...faults,
      ...Object.entries(p.badShapes).map(([name, body]): FaultCase => ({ name: `unexpected shape: ${name}`, respond: { body }, status: 'bad_response', httpStatus: 200 }))
    ]

    for (const fault of table) {
      it(`${fault.name} → ${fault.status}`, async () => {
        const c = open(fault.timeoutMs ? { requestTimeoutMs: fault.timeoutMs } : {})
        for (const path of p.paths) simulator.route('GET', path, fault.respond)
        const id = await addAccount(c, p)

        const [report] = await callOk(c, 'accounts:poll', { ids: [id] })

        expect(report?.status).toBe(fault.status)
        const run = lastRun(c, id)
        expect(run.status).toBe(fault.status)
        if (typeof fault.code === 'string') expect(run.error_code).toBe(fault.code)
        if (fault.httpStatus !== undefined) expect(run.http_status).toBe(fault.httpStatus)
        if (fault.retryAfterMs !== undefined) expect(run.retry_after_ms).toBe(fault.retryAfterMs)
        if (fault.message) expect(run.error_message).toMatch(fault.message)
        expect(run.error_message?.length).toBeGreaterThan(10)

        const [view] = await callOk(c, 'accounts:list', {})
        expect(view?.status).toBe(fault.status)
        expect(view?.error?.message).toBe(run.error_message)
        expect(view?.balances).toEqual([])
        expect(countRows(c.context.db, 'balance_snapshots')).toBe(0)

        expect(simulator.requests.length).toBeGreaterThan(0)
        expect(simulator.requests.every((r) => r.path.startsWith('/api/v1/') || r.path === '/user/balance')).toBe(true)
        for (const request of simulator.requests) expect(request.headers.authorization).toBe(`Bearer ${p.key}`)
        expect(ledgerText(c)).not.toContain(p.key)
        expect(JSON.stringify(report)).not.toContain(p.key)
        expect(JSON.stringify(view)).not.toContain(p.key)
      })
    }

    it('the echoed key is redacted in stored raw responses and in the error message', async () => {
      const c = open()
      for (const path of p.paths) simulator.route('GET', path, echoing(401))
      const id = await addAccount(c, p)
      await callOk(c, 'accounts:poll', { ids: [id] })

      const bodies = c.context.db.prepare('SELECT body FROM raw_responses WHERE account_id = ?').all(id) as { body: string }[]
      expect(bodies.length).toBeGreaterThan(0)
      for (const { body } of bodies) {
        expect(body).toContain('Bearer [redacted]')
        expect(body).not.toContain(p.key)
      }
      expect(lastRun(c, id).error_message).toContain('Bearer [redacted]')
    })

    describe('after a good poll, a failing poll keeps the last good values, marked stale, and writes nothing partial', () => {
      for (const fault of table) {
        it(fault.name, async () => {
          const c = open(fault.timeoutMs ? { requestTimeoutMs: fault.timeoutMs } : {})
          p.good()
          const id = await addAccount(c, p)
          const [first] = await callOk(c, 'accounts:poll', { ids: [id] })
          expect(first?.status).toBe('ok')
          const [good] = await callOk(c, 'accounts:list', {})
          expect(good?.stale).toBe(false)
          expect(good?.balances[0]).toMatchObject(p.goodPrimary)
          const snapshots = countRows(c.context.db, 'balance_snapshots')
          const runs = countRows(c.context.db, 'poll_runs')

          for (const path of p.paths) simulator.route('GET', path, fault.respond)
          const [second] = await callOk(c, 'accounts:poll', { ids: [id] })

          expect(second?.status).toBe(fault.status)
          const [after] = await callOk(c, 'accounts:list', {})
          expect(after?.status).toBe(fault.status)
          expect(after?.stale).toBe(true)
          expect(after?.balances).toEqual(good?.balances)
          expect(after?.lastSuccessAt).toBe(good?.lastSuccessAt)
          expect(after?.error?.message).toBeTruthy()
          expect(countRows(c.context.db, 'balance_snapshots')).toBe(snapshots)
          expect(countRows(c.context.db, 'poll_runs')).toBe(runs + 1)
          expect(ledgerText(c)).not.toContain(p.key)
        })
      }
    })
  })
}

describe('an HTTP-200 answer carrying an error envelope (a relay, a business error)', () => {
  for (const p of providers) {
    it(`${p.provider}: provider_error with the provider's words, the echoed key redacted`, async () => {
      const c = open()
      const envelope: SimHandler = (req) => ({ body: { error: { code: 'quota_exceeded', message: `Quota exceeded for ${req.headers.authorization}` } } })
      for (const path of p.paths) simulator.route('GET', path, envelope)
      const id = await addAccount(c, p)

      const [report] = await callOk(c, 'accounts:poll', { ids: [id] })

      expect(report?.status).toBe('provider_error')
      expect(report?.error?.code).toBe('business_error')
      expect(report?.error?.message).toContain('Quota exceeded for Bearer [redacted]')
      expect(ledgerText(c)).not.toContain(p.key)
    })

    it(`${p.provider}: an HTTP-200 envelope with code 401 is a rejected key`, async () => {
      const c = open()
      for (const path of p.paths) simulator.route('GET', path, { body: { error: { code: 401, message: 'Invalid API key' } } })
      const id = await addAccount(c, p)
      const [report] = await callOk(c, 'accounts:poll', { ids: [id] })
      expect(report?.status).toBe('auth_failed')
    })
  }
})

describe('a provider echoing the key where an amount belongs', () => {
  for (const p of providers) {
    it(`${p.provider}: bad_response whose message holds no part of the key`, async () => {
      const c = open()
      const echo: SimHandler = (req) => {
        const sent = (req.headers.authorization ?? '').replace('Bearer ', '')
        return p.provider === 'deepseek'
          ? { body: { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: sent }] } }
          : { body: { data: { total_credits: sent, total_usage: 0, limit: sent, usage: sent } } }
      }
      for (const path of p.paths) simulator.route('GET', path, echo)
      const id = await addAccount(c, p)

      const [report] = await callOk(c, 'accounts:poll', { ids: [id] })

      expect(report?.status).toBe('bad_response')
      const message = lastRun(c, id).error_message ?? ''
      expect(message).toMatch(/is not a number/)
      // Not even a prefix: a cut-off key is still most of a key.
      expect(message).not.toContain(p.key.slice(0, 8))
      expect(ledgerText(c)).not.toContain(p.key.slice(0, 12))
    })
  }

  it('a short numeric-looking amount is still quoted, so the user can see what was wrong', async () => {
    const p = providers[1] as ProviderCase
    const c = open()
    simulator.route('GET', '/user/balance', { body: { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '12,5' }] } })
    const id = await addAccount(c, p)
    await callOk(c, 'accounts:poll', { ids: [id] })
    expect(lastRun(c, id).error_message).toContain('"12,5"')
  })
})

/** A keychain that worked when the account was added and is locked now (the real one is tested in secrets/). */
class LockedAfterAdd extends MemorySecretStore {
  locked = false
  override async get(accountId: string, slot?: 'key' | 'managementKey'): Promise<string | null> {
    if (this.locked) throw new KeychainUnavailableError('Cannot get secret of a locked object')
    return super.get(accountId, slot)
  }
}

describe('the keychain becomes unavailable after a good poll', () => {
  for (const p of providers) {
    it(`${p.provider}: keychain_unavailable, no request sent, last good values kept and marked stale`, async () => {
      const secrets = new LockedAfterAdd()
      const c = open({ secrets })
      p.good()
      const id = await addAccount(c, p)
      await callOk(c, 'accounts:poll', { ids: [id] })
      const [good] = await callOk(c, 'accounts:list', {})
      const requests = simulator.requests.length
      secrets.locked = true

      const [report] = await callOk(c, 'accounts:poll', { ids: [id] })

      expect(report?.status).toBe('keychain_unavailable')
      expect(report?.error?.message).toMatch(/unlock/i)
      expect(simulator.requests).toHaveLength(requests)
      const [after] = await callOk(c, 'accounts:list', {})
      expect(after).toMatchObject({ status: 'keychain_unavailable', stale: true, balances: good?.balances })
    })
  }
})

describe('a provider that sends headers and then stalls the body', () => {
  it('the request deadline covers reading the body too → unreachable (timeout)', async () => {
    // The simulator answers whole bodies; this one raw server writes half a JSON body and stops.
    const stalled = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"is_available": true, "balance_infos": [')
    })
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', () => resolve()))
    try {
      const c = open({ requestTimeoutMs: 300 })
      const baseUrl = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`
      const view = await callOk(c, 'accounts:add', { draft: { provider: 'deepseek', label: 'Stalled', baseUrl }, key: 'sk-stalled-0123456789' })
      const started = Date.now()
      const [report] = await callOk(c, 'accounts:poll', { ids: [view.id] })
      expect(report).toMatchObject({ status: 'unreachable', error: { code: 'timeout' } })
      expect(Date.now() - started).toBeLessThan(5_000)
    } finally {
      stalled.closeAllConnections()
      await new Promise((resolve) => stalled.close(resolve))
    }
  })
})

describe('OpenRouter: /credits succeeds but /key fails', () => {
  it('the poll keeps the credits figure and warns that the key limits could not be read (issue 13.3)', async () => {
    const p = providers[0] as ProviderCase
    const c = open()
    simulator.route('GET', '/api/v1/credits', openrouterCredits({ totalCredits: 10, totalUsage: 1 }))
    simulator.route('GET', '/api/v1/key', { fault: 'truncated-json' })
    const id = await addAccount(c, p)

    const [report] = await callOk(c, 'accounts:poll', { ids: [id] })

    expect(report?.status).toBe('ok')
    expect(report?.warning).toMatch(/^OpenRouter's key limits could not be read/)
    const rows = c.context.db.prepare("SELECT kind, amount_micros AS micros FROM balance_snapshots WHERE source = 'official'").all()
    expect(rows).toEqual([{ kind: 'total', micros: 9_000_000 }])
  })
})
