import { existsSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SimResponse } from '../../../../simulator/provider-simulator'
import { addAccount, callOk, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
// URL-special characters in both: `/`, `+`, `=`, `%` are where naive redaction and encoders part ways.
const KEY = 'sk-canary-AAAA1111/BBBB2222+CC=DD'
const MANAGEMENT = 'mgmt-canary-ZZZZ9999/YYYY8888%XX'

const lowerHex = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())
const unicodeEscaped = (text: string): string => [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

/**
 * How a hostile relay writes a secret into JSON text: URL-encoded (both hex cases, whole and cut
 * short), JSON-escaped (`\/`, every character as \uXXXX, only the first), and base64 of a header
 * or a blob holding it (standard and url-safe). Valid inside a JSON string.
 */
function echoes(secret: string): string {
  return [
    encodeURIComponent(secret),
    lowerHex(encodeURIComponent(secret)),
    encodeURIComponent(secret.slice(0, 14)),
    secret.replace(/\//g, '\\/'),
    unicodeEscaped(secret),
    `${unicodeEscaped(secret.slice(0, 1))}${secret.slice(1, 11)}`,
    Buffer.from(`Bearer ${secret}`).toString('base64'),
    Buffer.from(`{"key":"${secret}"}`).toString('base64url')
  ].join(' ')
}
const ECHO = `${echoes(KEY)} | ${echoes(MANAGEMENT)}`

/** A JSON answer written as text, so the escapes above reach Coffer as the provider wrote them. */
function json(text: string, status = 200): SimResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-echo': encodeURIComponent(KEY) }, body: text }
}
const credits = json(`{"data":{"total_credits":10,"total_usage":1},"note":"${ECHO}"}`)
const key = json(`{"data":{"label":"${ECHO}","limit":null,"limit_remaining":null,"usage":0}}`)
const activityItem = (fields: string): string => `{"date":"2026-11-20","model":"gpt ${ECHO}","usage":0.5,"requests":1,"prompt_tokens":1,"completion_tokens":1${fields}}`
const activity = json(`{"data":[${activityItem('')}]}`)
const serverError = json(`{"error":{"message":"upstream refused ${ECHO}"}}`, 500)
const envelope = json(`{"error":{"code":"${encodeURIComponent(KEY)}","message":"no credit for ${ECHO}"}}`)
const badCount = json(`{"data":[${activityItem(`,"prompt_tokens":"${KEY.replace(/\//g, '\\/')}"`)}]}`)
const badDate = json(`{"data":[${activityItem('').replace('"2026-11-20"', `"${unicodeEscaped(MANAGEMENT)}"`)}]}`)

/** Every form of every prefix of 8+ characters of `secret` (base64: the characters carrying only its bits). */
function forbidden(secret: string): string[] {
  const out = new Set<string>()
  for (let n = 8; n <= secret.length; n++) {
    const prefix = secret.slice(0, n)
    out.add(prefix).add(encodeURIComponent(prefix)).add(lowerHex(encodeURIComponent(prefix))).add(prefix.replace(/\//g, '\\/')).add(unicodeEscaped(prefix))
    for (const offset of [0, 1, 2]) {
      const blob = Buffer.concat([Buffer.alloc(offset), Buffer.from(prefix)]).toString('base64')
      const stable = blob.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + n)) / 6))
      out.add(stable).add(stable.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  return [...out]
}
const FORBIDDEN = [...forbidden(KEY), ...forbidden(MANAGEMENT)]

function leaksIn(text: string): string[] {
  return FORBIDDEN.filter((form) => text.includes(form))
}

/** Every string inside an answer. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([name, item]) => [name, ...strings(item)])
  return []
}

function expectClean(what: string, value: unknown): void {
  const found = strings(value).flatMap(leaksIn)
  expect(found, what).toEqual([])
}

/** Every TEXT (and BLOB) value of every table of the ledger. */
function ledgerValues(): string[] {
  const db = h.core.context.db
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  const values: string[] = []
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const value of Object.values(row)) {
        if (typeof value === 'string') values.push(value)
        if (Buffer.isBuffer(value)) values.push(value.toString('utf8'))
      }
    }
  }
  return values
}

describe('a hostile provider echoing the keys URL-encoded, JSON-escaped and base64', () => {
  it('no stored row and no answer holds either key or 8 characters of one, in any form', async () => {
    h.sim.route('GET', '/api/v1/credits', credits, serverError, envelope, credits)
    h.sim.route('GET', '/api/v1/key', key)
    h.sim.route('GET', '/api/v1/activity', activity, badCount, badDate)
    const account = await addAccount(h, 'openrouter', KEY, { managementKey: MANAGEMENT })

    const statuses: string[] = []
    const warnings: (string | null | undefined)[] = []
    for (let i = 0; i < 5; i++) {
      const { report, view } = await poll(h, account.id)
      statuses.push(report.status)
      warnings.push(report.warning)
      expectClean(`poll ${i + 1}`, { report, view })
    }
    // A good poll (200 bodies), an error body, a 200 error envelope, then a key where a count belongs and a
    // key where a date belongs in /activity: a secondary answer, so the balance stays and a warning says why.
    expect(statuses).toEqual(['ok', 'provider_error', 'provider_error', 'ok', 'ok'])
    expect(warnings.slice(3)).toEqual([expect.stringContaining('daily activity could not be read'), expect.stringContaining('daily activity could not be read')])

    const values = ledgerValues()
    expect(values.some((value) => value.includes('[redacted]'))).toBe(true)
    expect(values.flatMap(leaksIn)).toEqual([])
    const spendItems = h.core.context.db.prepare('SELECT item FROM spend_lines WHERE account_id = ?').all(account.id) as { item: string }[]
    expect(spendItems[0]?.item).toMatch(/^gpt \[redacted\]/)
    // The SQLite file itself (and its write-ahead log), not only what a query returns.
    const file = h.core.context.db.name
    for (const path of [file, `${file}-wal`].filter((p) => existsSync(p))) {
      const bytes = readFileSync(path).toString('latin1')
      expect(FORBIDDEN.filter((form) => /^[\x20-\x7e]+$/.test(form) && bytes.includes(form)), path).toEqual([])
    }

    const raw = await callOk(h.core, 'accounts:raw-responses', { id: account.id, limit: 50 })
    expect(raw.some((capture) => capture.body.includes('[redacted]'))).toBe(true)
    expectClean('accounts:raw-responses', raw)
    expectClean('accounts:list', await callOk(h.core, 'accounts:list', {}))
    const polls = await callOk(h.core, 'records:polls', {})
    expect(strings(polls).some((text) => text.includes('The provider said'))).toBe(true)
    expectClean('records:polls', polls)
    for (const what of ['spend', 'usage', 'credits', 'polls', 'balances'] as const) {
      expectClean(`records:${what}`, await callOk(h.core, `records:${what}`, {}))
      for (const format of ['csv', 'json'] as const) expectClean(`export ${what} ${format}`, await callOk(h.core, 'records:export', { what, format }))
    }
  })

  it('the test-connection reply holds no piece of either key', async () => {
    h.sim.route('GET', '/api/v1/credits', serverError)
    const draft = { provider: 'openrouter', label: 'Hostile', baseUrl: h.sim.baseUrl, options: { managementKey: MANAGEMENT } }
    const failing = await callOk(h.core, 'accounts:test', { draft, key: KEY })
    expect(failing.status).toBe('provider_error')
    expect(failing.error?.message).toContain('[redacted]')
    expectClean('accounts:test (error body)', failing)

    h.sim.route('GET', '/api/v1/credits', envelope)
    expectClean('accounts:test (envelope)', await callOk(h.core, 'accounts:test', { draft, key: KEY }))
    h.sim.route('GET', '/api/v1/credits', credits)
    h.sim.route('GET', '/api/v1/key', key)
    h.sim.route('GET', '/api/v1/activity', badCount)
    const bad = await callOk(h.core, 'accounts:test', { draft, key: KEY })
    expect(bad.status).toBe('ok')
    expect(bad.warning).toContain('daily activity could not be read')
    expectClean('accounts:test (bad count)', bad)
  })

  it('property: for random keys (with / + = % and other URL-special characters), no stored row or answer holds a piece of the key', async () => {
    // Printable ASCII without space, quote and backslash: what a key may be (apiKeySchema), kept valid inside the JSON bodies.
    const keyChars = [...'abcXYZ0189-_.~/+=%&?#:;,@!*()']
    const keyArb = fc.array(fc.constantFrom(...keyChars), { minLength: 12, maxLength: 40 }).map((chars) => `sk-${chars.join('')}`)
    await fc.assert(
      fc.asyncProperty(keyArb, async (secret) => {
        const echo = echoes(secret)
        h.sim.route('GET', '/api/v1/credits', json(`{"error":{"message":"upstream refused ${echo}"}}`, 500), json(`{"error":{"code":"${encodeURIComponent(secret)}","message":"no credit for ${echo}"}}`), json(`{"data":{"total_credits":10,"total_usage":1},"note":"${echo}"}`))
        h.sim.route('GET', '/api/v1/key', json(`{"data":{"label":"${echo}","limit":null,"limit_remaining":null,"usage":0}}`))
        h.sim.route('GET', '/api/v1/activity', json(`{"data":[{"date":"2026-11-20","model":"gpt ${echo}","usage":0.5,"requests":1,"prompt_tokens":1,"completion_tokens":1}]}`))
        const account = await addAccount(h, 'openrouter', secret)
        const answers: unknown[] = []
        for (let i = 0; i < 3; i++) answers.push(await poll(h, account.id))
        answers.push(await callOk(h.core, 'accounts:raw-responses', { id: account.id, limit: 50 }), await callOk(h.core, 'accounts:list', {}), await callOk(h.core, 'records:polls', {}))
        answers.push(await callOk(h.core, 'records:export', { what: 'spend', format: 'csv' }), await callOk(h.core, 'records:export', { what: 'polls', format: 'json' }))
        const forms = forbidden(secret)
        const leaked = [...ledgerValues(), ...strings(answers)].flatMap((text) => forms.filter((form) => text.includes(form)))
        expect(leaked, secret).toEqual([])
        // The echoes did reach storage, redacted: the check above looked at real rows.
        expect(ledgerValues().some((value) => value.includes('[redacted]')), secret).toBe(true)
        await callOk(h.core, 'accounts:remove', { id: account.id })
      }),
      { numRuns: 12 }
    )
  }, 60_000)
})
