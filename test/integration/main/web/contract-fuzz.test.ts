import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../../src/main/core/app'
import { startWebServer, type RunningWebServer } from '../../../../src/main/web/web-server'
import { calls, type CallName } from '../../../../src/shared/contract'
import { callNames } from '../../../../src/shared/contract/names'
import { errorCodes } from '../../../../src/shared/errors'
import { HTTP_CALL_PREFIX } from '../../../../src/shared/http-protocol'
import { ingestBalance } from '../../../helpers/ledger-script'
import { makeTempDir, removeTempDir } from '../../../helpers/temp-dir'
import { callOk, createTestCore } from '../../../helpers/test-core'
import { nearlyValid, type ArbitraryPool } from '../../../helpers/zod-arbitrary'

/**
 * Issue 11.8: every contract call, driven with generated payloads through `coffer serve`'s HTTP
 * transport (a real server on 127.0.0.1). Whatever arrives: no 5xx, no `internal` error (a handler
 * that threw something it did not mean to), a Wire envelope every time, and a refused call leaves
 * the ledger exactly as it was (a fingerprint of every row of every table, before and after).
 * Bounded for CI: a fixed number of runs per call and an overall time limit.
 */

const TOKEN = 'fuzz-token-0123456789abcdefghijklmnopq'
const RUNS_PER_CALL = 100
/** Each call's share of the run; a busy CI machine gets fewer runs per call, never a longer run. */
const MS_PER_CALL = Math.floor(45_000 / callNames.length)
const TIME_LIMIT_MS = 60_000

let parent: string
let core: Core
let server: RunningWebServer

interface Answer {
  status: number
  body: string
}

/** POSTs `body` (text, sent as is) to a call, with the token and our Host. */
function post(name: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `${HTTP_CALL_PREFIX}${encodeURIComponent(name)}`,
        headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        agent: false
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A digest of every row of each table: equal digests, equal ledgers (and the tables that differ, when not). */
function ledgerFingerprint(): Record<string, string> {
  const db = core.context.db
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  const digests: Record<string, string> = {}
  for (const { name } of tables) {
    const hash = createHash('sha256')
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value)))
    }
    digests[name] = hash.digest('hex').slice(0, 16)
  }
  return digests
}

/** Ids and values of rows that exist, so generated payloads name real accounts, alerts, rules, credits. */
function poolFromLedger(): ArbitraryPool {
  const db = core.context.db
  const column = (sql: string): string[] => (db.prepare(sql).raw().all() as unknown[][]).map((row) => String(row[0]))
  return {
    strings: [
      ...column('SELECT id FROM accounts'),
      'acc_missing00001',
      'USD',
      'CNY',
      'credits',
      '__proto__',
      '5',
      '12.5',
      '0.01',
      '250',
      '0',
      '-1',
      '12.345678901',
      '99999999999999999999',
      '2026-11-20',
      '2026-02-31',
      '0001-01-01',
      '2026-11-20T10:00:00Z',
      'https://203.0.113.7/hook',
      'https://127.0.0.1:1/hook',
      'http://169.254.169.254/latest',
      'http://admin:pw@relay.example',
      'deepseek',
      'openrouter',
      'manual',
      'custom',
      'red\u001b[31m',
      'line\nbreak',
      ''
    ]
  }
}

beforeAll(async () => {
  parent = await makeTempDir('coffer-fuzz-')
  const renderer = join(parent, 'renderer')
  mkdirSync(renderer, { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>fuzz</title>')
  // No network at all: a call that would reach a provider or a webhook meets this instead.
  core = createTestCore(join(parent, 'data'), {
    fetch: async () => {
      throw new Error('no network in this test')
    },
    openExternal: async () => undefined
  })
  // Something to refer to (and to damage): two manual accounts with balances, a credit, a rule, a limit.
  const wallet = await callOk(core, 'accounts:add', { draft: { provider: 'manual', label: 'Wallet', options: { unit: 'USD' } } })
  const credits = await callOk(core, 'accounts:add', { draft: { provider: 'manual', label: 'Credits', options: { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' } } })
  ingestBalance(core, wallet.id, '2026-11-01T10:00:00Z', '40', 'USD')
  ingestBalance(core, credits.id, '2026-11-01T10:00:00Z', '900', 'credits')
  await callOk(core, 'credits:record', { accountId: wallet.id, kind: 'topup', amount: '10', unit: 'USD', at: '2026-11-02T10:00:00Z' })
  await callOk(core, 'rules:set', { accountId: wallet.id, kind: 'low_balance', below: { amount: '5', unit: 'USD' } })
  await callOk(core, 'budgets:set', { accountId: null, period: 'month', limit: '100', unit: 'USD' })
  server = await startWebServer({ core, rendererDir: renderer, port: 0, token: TOKEN })
})

afterAll(async () => {
  await server?.close()
  core?.close()
  if (parent) await removeTempDir(parent)
})

interface Tally {
  accepted: number
  refused: number
}

describe('every contract call through the HTTP transport, under generated payloads (issue 11.8)', () => {
  it('never answers 5xx or internal, always a Wire envelope, and a refused call changes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // a crash still fails the test: by its answer, below
    const started = Date.now()
    const tally = new Map<CallName, Tally>()
    // Removals last, so the calls before them still find the rows they name.
    const order = [...callNames].sort((a, b) => Number(a.endsWith(':remove')) - Number(b.endsWith(':remove')))
    // One seed for the whole run (COFFER_FUZZ_SEED replays one): calls share the ledger, so a failure
    // depends on what the calls before it did.
    const seed = Number(process.env.COFFER_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
    for (const [index, name] of order.entries()) {
      const pool = poolFromLedger()
      const counts: Tally = { accepted: 0, refused: 0 }
      tally.set(name, counts)
      // Shaped like the call's request (each node sometimes anything at all), or garbage of any shape, or not JSON.
      const payload = fc.oneof(
        { weight: 6, arbitrary: nearlyValid(calls[name].request, pool).map((value) => JSON.stringify(value) ?? 'null') },
        { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 60 }) }
      )
      // Sampled, then sent one at a time: each request finishes (and its writes land) before the next
      // starts, and a call's time share ends the loop between requests, never inside one.
      const deadline = Date.now() + MS_PER_CALL
      for (const body of fc.sample(payload, { seed: seed + index, numRuns: RUNS_PER_CALL })) {
        if (Date.now() > deadline) break
        const context = `${name} ${body} (COFFER_FUZZ_SEED=${seed})`
        const before = ledgerFingerprint()
        const answer = await post(name, body)
        await core.alerts.settle()
        expect(answer.status, context).toBeLessThan(500)
        const wire = JSON.parse(answer.body) as { ok: boolean; code?: string; message?: string }
        if (wire.ok) {
          expect(answer.status, context).toBe(200)
          counts.accepted++
          continue
        }
        counts.refused++
        expect(errorCodes, `${context}: ${wire.message}`).toContain(wire.code)
        expect(wire.code, `${context}: ${wire.message}`).not.toBe('internal')
        expect(typeof wire.message, context).toBe('string')
        expect(ledgerFingerprint(), `${context} was refused (${wire.message}) but changed the ledger`).toEqual(before)
      }
      expect(counts.accepted + counts.refused, `${name}: too few runs in its time share`).toBeGreaterThanOrEqual(10)
      expect(Date.now() - started, 'the fuzz run must stay within its CI budget').toBeLessThan(TIME_LIMIT_MS)
    }
    // The generator reaches the handlers, not only the schema check: some calls of each kind go through.
    const reachedHandlers = [...tally.values()].filter((counts) => counts.accepted > 0).length
    expect(reachedHandlers, JSON.stringify([...tally])).toBeGreaterThan(callNames.length / 2)
  }, 90_000)
})
