import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { ingestPoll } from '../../../../../src/main/core/ledger/ingest'
import { emptyFacts } from '../../../../../src/main/core/ledger/facts'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'

const NOW = new Date('2026-11-21T12:00:00Z')

/** One OpenAI account with 1M input + 1M output gpt-4o tokens yesterday and no spend lines. */
function seedUsage(core: Core): void {
  core.context.db
    .prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_plantest01', 'openai', 'OpenAI', ?)`)
    .run(NOW.toISOString())
  const facts = emptyFacts()
  facts.usage.push({ day: '2026-11-20', model: 'gpt-4o', inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, requests: 10, source: 'official' })
  const at = NOW.toISOString()
  ingestPoll(core.context.db, { accountId: 'acc_plantest01', startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] })
}

const myPlan = {
  id: 'my-team-plan',
  provider: 'acme',
  providerName: 'Acme',
  name: 'Team',
  kind: 'subscription',
  billing: [{ period: 'month', price: '5' }],
  includesApiUsage: true,
  credits: { unit: 'credits', perUsd: 100, includedPerMonth: 100000, refresh: 'monthly', rollover: false },
  asOf: '2026-11-21',
  source: { url: null, seed: null }
}

describe('plans calls over a real ledger', () => {
  const dir = useTempDir()
  let core: Core | null = null
  afterEach(() => core?.close())

  it('saves a user plan (validated), ranks it, edits and reverts a catalog plan', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    seedUsage(core)
    const saved = await callOk(core, 'plans:save', { plan: myPlan })
    expect(saved.origin).toBe('user')
    const compared = await callOk(core, 'plans:compare', { windowDays: 30 })
    expect(compared.options.find((o) => o.key === 'my-team-plan')).toMatchObject({ monthlyCost: '5', status: 'priced', origin: 'user' })

    const catalog = (await callOk(core, 'plans:list', {})).plans.find((p) => p.plan.id === 'gptbots-standard')
    expect(catalog?.origin).toBe('catalog')
    const edit = { ...catalog!.plan, billing: [{ period: 'month', price: '30' }, { period: 'year', price: '300' }], credits: { ...catalog!.plan.credits!, includedPerMonth: 5000 } }
    expect((await callOk(core, 'plans:save', { plan: edit })).origin).toBe('edited')
    const after = await callOk(core, 'plans:compare', { windowDays: 30 })
    expect(after.options.find((o) => o.key === 'gptbots-standard@year')).toMatchObject({ monthlyCost: '25', origin: 'edited' })

    expect(await callOk(core, 'plans:remove', { id: 'gptbots-standard' })).toEqual({ removed: true, revertedToCatalog: true })
    expect((await callOk(core, 'plans:compare', { windowDays: 30 })).options.find((o) => o.key === 'gptbots-standard')?.status).toBe('unknown')
    const again = await callWire(core, 'plans:remove', { id: 'gptbots-standard' })
    expect(again).toMatchObject({ ok: false, code: 'not_found' })
  })

  it('rejects an invalid plan with a message that says what to fix', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    const result = await callWire(core, 'plans:save', { plan: { ...myPlan, billing: [{ period: 'month', price: '$5' }] } })
    expect(result).toMatchObject({ ok: false, code: 'bad_request' })
    expect(!result.ok && result.message).toContain('plan.billing.0.price: Enter a price such as 20 or 9.99')
  })

  it('a user price override replaces the dataset price in the comparison, and can be cleared', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    seedUsage(core)
    const before = await callOk(core, 'plans:compare', { windowDays: 30 })
    const set = await callOk(core, 'plans:set-price', { providerId: 'openai', model: 'gpt-4o', inputMtok: '1', outputMtok: '3' })
    expect(set.overrides).toHaveLength(1)
    const after = await callOk(core, 'plans:compare', { windowDays: 30 })
    // 1M × $1 + 1M × $3 = $4, on both "what you pay now" (estimated from tokens) and the OpenAI API.
    expect(after.options.find((o) => o.key === 'openai-api')?.monthlyCost).toBe('4')
    expect(after.options.find((o) => o.key === 'current')?.monthlyCost).toBe('4')
    expect(after.dataset.overrides).toBe(1)
    expect(after.options.find((o) => o.key === 'openai-api')?.lines[0]?.detail).toContain('(your price)')
    await callOk(core, 'plans:set-price', { providerId: 'openai', model: 'gpt-4o', clear: true })
    const cleared = await callOk(core, 'plans:compare', { windowDays: 30 })
    expect(cleared.options.find((o) => o.key === 'openai-api')?.monthlyCost).toBe(before.options.find((o) => o.key === 'openai-api')?.monthlyCost)
  })
})
