import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/main/core/app'
import { ingestPoll } from '../../../../../src/main/core/ledger/ingest'
import { emptyFacts } from '../../../../../src/main/core/ledger/facts'
import { refreshRollups } from '../../../../../src/main/core/ledger/rollups'
import { callOk, callWire, createTestCore } from '../../../../helpers/test-core'
import { useTempDir } from '../../../../helpers/temp-dir'

const NOW = new Date('2026-11-21T12:00:00Z')

/** One OpenAI account with 1M input + 1M output gpt-4o tokens yesterday and, optionally, that day's spend. */
function seedUsage(core: Core, spendMicros = 0): void {
  core.context.db
    .prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES ('acc_plantest01', 'openai', 'OpenAI', ?)`)
    .run(NOW.toISOString())
  const facts = emptyFacts()
  facts.usage.push({ day: '2026-11-20', model: 'gpt-4o', inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, requests: 10, source: 'official' })
  if (spendMicros) facts.spend.push({ day: '2026-11-20', item: 'GPT-4o', unit: 'USD', amountMicros: spendMicros, source: 'official' })
  const at = NOW.toISOString()
  ingestPoll(core.context.db, { accountId: 'acc_plantest01', startedAt: at, finishedAt: at, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] }, core.context.ingestHooks)
}

/**
 * Three accounts written straight into the ledger (no provider derivations; rollups kept as ingest
 * keeps them), 30-day window:
 * DeepSeek in yuan, CN¥40 on 10 Nov and CN¥76 on 15 Nov, with 1M in / 1M out deepseek-chat tokens on
 * 15 Nov; OpenAI $10 on 19 Nov and $5 on 20 Nov, with 1M in / 1M out gpt-4o tokens on 20 Nov;
 * Anthropic $4.76 on 12 Nov without token counts. `withTokens: false` leaves out every token.
 */
function seedMixedLedger(core: Core, withTokens = true): void {
  const db = core.context.db
  const account = db.prepare(`INSERT INTO accounts (id, provider, label, created_at) VALUES (?, ?, ?, ?)`)
  account.run('acc_deepseek01', 'deepseek', 'DeepSeek', NOW.toISOString())
  account.run('acc_openai0001', 'openai', 'OpenAI', NOW.toISOString())
  account.run('acc_anthropic1', 'anthropic', 'Anthropic', NOW.toISOString())
  const spend = db.prepare(`INSERT INTO spend_lines (account_id, day, item, unit, amount_micros, source, updated_at) VALUES (?, ?, 'usage', ?, ?, 'official', 'x')`)
  spend.run('acc_deepseek01', '2026-11-10', 'CNY', 40_000_000)
  spend.run('acc_deepseek01', '2026-11-15', 'CNY', 76_000_000)
  spend.run('acc_openai0001', '2026-11-19', 'USD', 10_000_000)
  spend.run('acc_openai0001', '2026-11-20', 'USD', 5_000_000)
  spend.run('acc_anthropic1', '2026-11-12', 'USD', 4_760_000)
  // What every ingest and manual change does: keep the daily rollups the dashboards read.
  refreshRollups(db, 'acc_deepseek01', ['2026-11-10', '2026-11-15'])
  refreshRollups(db, 'acc_openai0001', ['2026-11-19', '2026-11-20'])
  refreshRollups(db, 'acc_anthropic1', ['2026-11-12'])
  if (!withTokens) return
  const usage = db.prepare(
    `INSERT INTO usage_lines (account_id, day, model, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, requests, source, updated_at) VALUES (?, ?, ?, 1000000, 1000000, 0, 0, 10, 'official', 'x')`
  )
  usage.run('acc_deepseek01', '2026-11-15', 'deepseek-chat')
  usage.run('acc_openai0001', '2026-11-20', 'gpt-4o')
}

const payg = ['openai-api', 'anthropic-api', 'openrouter-payg', 'deepseek-api']

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

  it('a user price override replaces the dataset price in the re-pricing, and can be cleared', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    seedUsage(core, 4_500_000)
    const before = await callOk(core, 'plans:compare', { windowDays: 30 })
    const set = await callOk(core, 'plans:set-price', { providerId: 'openrouter', model: 'gpt-4o', inputMtok: '1', outputMtok: '3' })
    expect(set.overrides).toHaveLength(1)
    const after = await callOk(core, 'plans:compare', { windowDays: 30 })
    // 1M × $1 + 1M × $3 = $4 on OpenRouter, re-pricing all of the $4.50 measured that day.
    expect(after.options.find((o) => o.key === 'openrouter-payg')).toMatchObject({ monthlyCost: '4', repricing: { repricedSpend: '4.5', measuredSpend: '4.5', percent: 100 } })
    expect(after.options.find((o) => o.key === 'openrouter-payg')?.lines[0]?.detail).toContain('(your price)')
    expect(after.dataset.overrides).toBe(1)
    // (Before this change "what you pay now" was these tokens at OpenAI's list price; now it is the measured $4.50.)
    expect(after.options.find((o) => o.key === 'current')).toMatchObject({ monthlyCost: '4.5', converted: false })
    expect(after.options.find((o) => o.key === 'openai-api')).toMatchObject({ status: 'not-repriced', rank: null })
    await callOk(core, 'plans:set-price', { providerId: 'openrouter', model: 'gpt-4o', clear: true })
    const cleared = await callOk(core, 'plans:compare', { windowDays: 30 })
    expect(cleared.options.find((o) => o.key === 'openrouter-payg')?.monthlyCost).toBe(before.options.find((o) => o.key === 'openrouter-payg')?.monthlyCost)
  })

  it('tokens without measured spend are not a cost: what you pay now stays the measured $0, re-pricings stay unranked', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    seedUsage(core)
    const compared = await callOk(core, 'plans:compare', { windowDays: 30 })
    expect(compared.options.find((o) => o.key === 'current')?.monthlyCost).toBe('0')
    for (const key of payg) expect(compared.options.find((o) => o.key === key)).toMatchObject({ status: 'not-repriced', rank: null })
    expect(compared.usage.excluded).toEqual([
      'OpenAI: token counts on 1 day without measured spend Coffer could value are not re-priced (there is no cost to compare them with).'
    ])
    expect(compared.answers[0]).toMatch(/^No spend recorded in the last 30 days, only token counts/)
  })

  it('what you pay now for a DeepSeek account in CNY is its measured spend converted (CN¥116 × 0.14 = $16.24), never a re-pricing', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    seedMixedLedger(core)
    // The rate is set today (21 Nov); earlier days use it too, as the first rate there is.
    await callOk(core, 'fx:set', { home: 'USD', rates: [{ unit: 'CNY', rate: '0.14' }] })
    await callOk(core, 'plans:set-price', { providerId: 'anthropic', model: 'claude-sonnet-4-5', inputMtok: '1', outputMtok: '2' })
    const compared = await callOk(core, 'plans:compare', { windowDays: 30 })

    const current = compared.options.find((o) => o.key === 'current')
    // $16.24 + $10 + $5 + $4.76 = $36.00 a month (a 30-day window is one month).
    expect(current).toMatchObject({ monthlyCost: '36', converted: true, rank: expect.any(Number) })
    expect(current?.lines.find((line) => line.label === 'DeepSeek')).toEqual({ label: 'DeepSeek', amount: '16.24', detail: 'measured spend, converted from CN¥116.00 (1 CNY = 0.14 USD)' })
    expect(compared.usage.windowSpend).toMatchObject({ amount: '36', unit: 'USD', approximate: true, missingRates: [], excluded: [] })
    expect(compared.usage.windowSpend.rates).toEqual([{ unit: 'CNY', rate: '0.14', in: 'USD', basis: 'exchange_rate', from: '2026-11-21', accountId: null }])
    expect(compared.usage.accounts.find((a) => a.label === 'DeepSeek')).toMatchObject({ windowUsd: '16.24', basis: 'spend', converted: true, withTokensUsd: '10.64' })
    expect(compared.usage.withTokensUsd).toBe('15.64')

    // Anthropic API: the days without tokens kept ($4.76 Anthropic's own, $10 OpenAI, CN¥40 × 0.14 = $5.60 DeepSeek),
    // gpt-4o and deepseek-chat at the claude-sonnet-4-5 stand-in, 1M × $1 + 1M × $2 = $3 each: $26.36.
    // Re-priced: $5 (OpenAI, 20 Nov) + $10.64 (DeepSeek, 15 Nov) = $15.64 of $36 = 43.4 %.
    const anthropic = compared.options.find((o) => o.key === 'anthropic-api')
    expect(anthropic).toMatchObject({ status: 'priced', monthlyCost: '26.36', converted: true })
    expect(anthropic?.repricing).toMatchObject({ repricedSpend: '15.64', measuredSpend: '36', alreadyThere: '4.76', percent: 43 })
    expect(anthropic?.answer).toContain('Re-prices 43 % of your spend: the days and accounts with token counts')
    // DeepSeek API keeps DeepSeek's own spend as measured and re-prices only OpenAI's $5 day: 13.9 % → 13 %.
    expect(compared.options.find((o) => o.key === 'deepseek-api')?.repricing).toMatchObject({ repricedSpend: '5', alreadyThere: '16.24', percent: 13 })
  })

  it('with no token counts at all, the pay-as-you-go APIs are listed unranked instead of tying at one figure', async () => {
    core = createTestCore(dir(), { now: () => NOW })
    seedMixedLedger(core, false)
    await callOk(core, 'fx:set', { home: 'USD', rates: [{ unit: 'CNY', rate: '0.14' }] })
    const compared = await callOk(core, 'plans:compare', { windowDays: 30 })
    expect(compared.options.find((o) => o.key === 'current')?.monthlyCost).toBe('36')
    for (const key of payg) {
      expect(compared.options.find((o) => o.key === key)).toMatchObject({ status: 'not-repriced', monthlyCost: null, rank: null, repricing: { percent: 0 } })
    }
    expect(compared.options.filter((o) => o.rank !== null).some((o) => o.kind === 'api-payg')).toBe(false)
    expect(compared.answers.some((answer) => answer.startsWith('None of your measured spend has token counts'))).toBe(true)
  })
})
