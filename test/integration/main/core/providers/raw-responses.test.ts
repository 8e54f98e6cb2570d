import { describe, expect, it } from 'vitest'
import { RAW_RESPONSES_KEPT } from '../../../../../src/main/core/ledger/ingest'
import { moonshotBalance } from '../../../../simulator/shapes/moonshot'
import { openrouterActivity, openrouterCredits } from '../../../../simulator/shapes/openrouter'
import { addAccount, callOk, callWire, poll, useProviderHarness } from './harness'

const h = useProviderHarness('2026-11-21T12:00:00Z')
const KEY = 'sk-moonshot-secret-0123456789abcdef'

describe('accounts:raw-responses — what the provider said', () => {
  it('lists recent captures newest first with method, url, status, content type, body, time and poll status', async () => {
    h.sim.route('GET', '/v1/users/me/balance', moonshotBalance({ available: 1.5, voucher: 0, cash: 1.5 }), { status: 503, body: { error: { message: 'busy' } } })
    const account = await addAccount(h, 'moonshot', KEY)
    await poll(h, account.id)
    await poll(h, account.id)
    const raw = await callOk(h.core, 'accounts:raw-responses', { id: account.id })
    expect(raw).toHaveLength(2)
    expect(raw[0]).toMatchObject({ method: 'GET', url: `${h.sim.baseUrl}/v1/users/me/balance`, httpStatus: 503, pollStatus: 'provider_error', truncated: false })
    expect(raw[0]?.body).toContain('busy')
    expect(raw[1]).toMatchObject({ httpStatus: 200, contentType: 'application/json', pollStatus: 'ok' })
    expect(JSON.parse(raw[1]?.body ?? '{}')).toMatchObject({ data: { available_balance: 1.5 } })
    expect(Date.parse(raw[1]?.capturedAt ?? '')).not.toBeNaN()
  })

  it('a successful poll keeps its HTTP status for the Polls tab, as a failed one does (issue 14.7)', async () => {
    h.sim.route('GET', '/v1/users/me/balance', moonshotBalance({ available: 1.5, voucher: 0, cash: 1.5 }), { status: 503, body: { error: { message: 'busy' } } })
    const account = await addAccount(h, 'moonshot', KEY)
    await poll(h, account.id)
    await poll(h, account.id)
    const polls = await callOk(h.core, 'records:polls', { accountIds: [account.id] })
    expect(polls.rows.map((row) => [row.status, row.httpStatus])).toEqual([
      ['provider_error', 503],
      ['ok', 200]
    ])
  })

  it('never contains the key or the management key, even when the provider echoes them', async () => {
    const management = 'sk-or-v1-management-secret-0123456789'
    h.sim.route('GET', '/api/v1/credits', (req) => ({ ...openrouterCredits({ totalCredits: 1, totalUsage: 0 }), headers: { 'x-echo': String(req.headers.authorization) } }))
    h.sim.route('GET', '/api/v1/key', (req) => ({ body: { data: { label: req.headers.authorization, limit: null, limit_remaining: null, usage: 0 } } }))
    h.sim.route('GET', '/api/v1/activity', (req) => ({ body: { ...(openrouterActivity([]).body as object), note: `seen ${req.headers.authorization}` } }))
    const account = await addAccount(h, 'openrouter', KEY, { managementKey: management })
    await poll(h, account.id)
    const text = JSON.stringify(await callOk(h.core, 'accounts:raw-responses', { id: account.id }))
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(management)
    expect(text).toContain('[redacted]')
  })

  it('keeps a bounded number per account, and answers not_found for an unknown account', async () => {
    h.sim.route('GET', '/v1/users/me/balance', moonshotBalance({ available: 1, voucher: 0, cash: 1 }))
    const account = await addAccount(h, 'moonshot', KEY)
    for (let i = 0; i < RAW_RESPONSES_KEPT + 5; i++) await poll(h, account.id)
    expect(await callOk(h.core, 'accounts:raw-responses', { id: account.id, limit: 50 })).toHaveLength(RAW_RESPONSES_KEPT)
    expect(await callOk(h.core, 'accounts:raw-responses', { id: account.id, limit: 3 })).toHaveLength(3)
    expect(await callWire(h.core, 'accounts:raw-responses', { id: 'acc_zzzzzzzzzz' })).toMatchObject({ ok: false, code: 'not_found' })
  })
})
