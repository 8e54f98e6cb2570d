import { describe, expect, it } from 'vitest'
import { comparePlans } from '../../../../../src/main/core/plans/compare-plans'
import type { AccountWorkload, Workload } from '../../../../../src/main/core/plans/workload'
import type { Valuer } from '../../../../../src/main/core/ledger/valuation'
import { accountIdOf, fixedPrices, NOW, plan, spender, testDataset, tokens, valuer, workload } from './plan-fixtures'

/**
 * "What you pay now" is the measured spend, converted where needed; re-priced alternatives only
 * replace the days with token counts, say how much of the spend that is, and are not ranked when
 * there is nothing to re-price. Every expectation is computed by hand in the comments.
 */

const payg = [
  plan({ id: 'openai-api', name: 'OpenAI API', provider: 'openai', providerName: 'OpenAI', kind: 'api-payg', pricing: { providerId: 'openai', fallbackModel: 'gpt-x' } }),
  plan({ id: 'anthropic-api', name: 'Anthropic API', provider: 'anthropic', providerName: 'Anthropic', kind: 'api-payg', pricing: { providerId: 'anthropic', fallbackModel: 'claude-x' } }),
  plan({ id: 'openrouter-payg', name: 'OpenRouter', provider: 'openrouter', providerName: 'OpenRouter', kind: 'api-payg', pricing: { providerId: 'openrouter', fallbackModel: 'openai/gpt-x' } }),
  plan({ id: 'deepseek-api', name: 'DeepSeek API', provider: 'deepseek', providerName: 'DeepSeek', kind: 'api-payg', pricing: { providerId: 'deepseek', fallbackModel: 'deepseek-chat' } })
]

/** USD per Mtok (in, out). Every model another provider does not sell falls back to its stand-in. */
const prices = fixedPrices({
  'openai:gpt-4o': ['2.5', '10'],
  'openai:gpt-x': ['0.5', '1.5'],
  'anthropic:claude-x': ['1', '2'],
  'openrouter:openai/gpt-x': ['0.5', '1.5'],
  'deepseek:deepseek-chat': ['0.25', '0.5']
})

/** DeepSeek in yuan: CN¥40 on 10 Nov (no tokens), CN¥76 on 15 Nov (1M in / 1M out deepseek-chat). */
function deepseek(withTokens = true): AccountWorkload {
  return {
    accountId: accountIdOf('DeepSeek'),
    provider: 'deepseek',
    label: 'DeepSeek',
    spend: [
      { day: '2026-11-10', unit: 'CNY', micros: 40_000_000 },
      { day: '2026-11-15', unit: 'CNY', micros: 76_000_000 }
    ],
    usage: withTokens ? [tokens('deepseek-chat', 1_000_000, 1_000_000, '2026-11-15')] : []
  }
}

/** OpenAI: $10 on 19 Nov (no tokens), $5 on 20 Nov with 1M in / 1M out gpt-4o. */
function openai(withTokens = true): AccountWorkload {
  return {
    ...spender('OpenAI', 'openai', 10, {}, '2026-11-19'),
    spend: [
      { day: '2026-11-19', unit: 'USD', micros: 10_000_000 },
      { day: '2026-11-20', unit: 'USD', micros: 5_000_000 }
    ],
    usage: withTokens ? [tokens('gpt-4o', 1_000_000, 1_000_000, '2026-11-20')] : []
  }
}

/** Anthropic: $4.76 on 12 Nov, no token counts. */
const anthropic = (): AccountWorkload => spender('Anthropic', 'anthropic', 4.76, {}, '2026-11-12')

function compare(w: Workload, v: Valuer = valuer({ CNY: '0.14' }, w.accounts)) {
  return comparePlans({ workload: w, plans: payg.map((p) => ({ plan: p, origin: 'catalog' as const })), prices, valuer: v, dataset: testDataset, now: NOW })
}

describe('comparePlans compares like with like', () => {
  it('takes what you pay now from the measured spend, converted from CNY — never from tokens', () => {
    // DeepSeek: CN¥116 × 0.14 = $16.24 (its deepseek-chat tokens would re-price to something else).
    // Total: $16.24 + $15 + $4.76 = $36.00 over 30 days = $36.00 a month.
    const result = compare(workload([deepseek(), openai(), anthropic()]))
    const current = result.options.find((o) => o.key === 'current')
    expect(current).toMatchObject({ monthlyCost: '36', converted: true, repricing: null })
    expect(current?.lines.find((line) => line.label === 'DeepSeek')).toEqual({
      label: 'DeepSeek',
      amount: '16.24',
      detail: 'measured spend, converted from CN¥116.00 (1 CNY = 0.14 USD)'
    })
    expect(current?.lines.find((line) => line.label === 'OpenAI')).toEqual({ label: 'OpenAI', amount: '15', detail: 'measured spend' })
    expect(current?.answer).toBe('You pay $36.00 a month as you go: your measured spend, converted into USD.')
    expect(result.usage).toMatchObject({ monthlyUsage: '36', withTokensUsd: '15.64' })
    expect(result.usage.windowSpend).toMatchObject({ amount: '36', unit: 'USD', approximate: true, excluded: [] })
    expect(result.usage.windowSpend.rates).toEqual([{ unit: 'CNY', rate: '0.14', in: 'USD', basis: 'exchange_rate', from: '1970-01-01', accountId: null }])
    expect(result.usage.accounts.find((a) => a.label === 'DeepSeek')).toEqual({
      label: 'DeepSeek',
      provider: 'deepseek',
      windowUsd: '16.24',
      basis: 'spend',
      converted: true,
      withTokensUsd: '10.64' // CN¥76 × 0.14, the day with token counts
    })
  })

  it('converts each day at the rate in force that day', () => {
    // CN¥40 on 10 Nov at 0.14 = $5.60; CN¥76 on 15 Nov at 0.15 (from 15 Nov) = $11.40; $17.00 in all.
    const w = workload([deepseek(false)])
    const result = compare(w, valuer({ CNY: [['0.14', '1970-01-01'], ['0.15', '2026-11-15']] }, w.accounts))
    expect(result.options.find((o) => o.key === 'current')?.monthlyCost).toBe('17')
  })

  it('re-prices only the days with token counts, keeps the rest as measured, and says how much it re-priced', () => {
    const result = compare(workload([deepseek(), openai(), anthropic()]))
    const option = (key: string) => result.options.find((o) => o.key === key)
    // Anthropic API: Anthropic $4.76 (already there) + OpenAI $10 (19 Nov, no tokens) + DeepSeek $5.60
    // (10 Nov, no tokens), plus gpt-4o 1M × $1 + 1M × $2 = $3 and deepseek-chat, the same, $3: $26.36.
    // Re-priced: OpenAI's $5 + DeepSeek's $10.64 = $15.64 of $36.00 = 43.4 % → 43 %.
    expect(option('anthropic-api')).toMatchObject({ status: 'priced', monthlyCost: '26.36', converted: true })
    expect(option('anthropic-api')?.repricing).toEqual({
      repricedSpend: '15.64',
      measuredSpend: '36',
      alreadyThere: '4.76',
      percent: 43,
      text: 'Re-prices 43 % of your spend: the days and accounts with token counts; the rest, including what you already spend on Anthropic, is counted at what you pay now.'
    })
    expect(option('anthropic-api')?.answer).toContain('Re-prices 43 % of your spend')
    // OpenRouter: $4.76 + $10 + $5.60 kept, both models at the openai/gpt-x stand-in, 0.5 + 1.5 = $2 each: $24.36.
    expect(option('openrouter-payg')).toMatchObject({ monthlyCost: '24.36', repricing: { repricedSpend: '15.64', alreadyThere: '0', percent: 43 } })
    // OpenAI API: OpenAI's own $15 + $5.60 + $4.76 kept, deepseek-chat at gpt-x $2: $27.36; re-priced $10.64 / $36 = 29.6 % → 29 %.
    expect(option('openai-api')).toMatchObject({ monthlyCost: '27.36', repricing: { repricedSpend: '10.64', alreadyThere: '15', percent: 29 } })
    // DeepSeek API: DeepSeek's own $16.24 + $10 + $4.76 kept, gpt-4o at deepseek-chat 0.25 + 0.5 = $0.75: $31.75; $5 / $36 = 13.9 % → 13 %.
    expect(option('deepseek-api')).toMatchObject({ monthlyCost: '31.75', converted: true, repricing: { repricedSpend: '5', alreadyThere: '16.24', percent: 13 } })
    expect(result.options.filter((o) => o.rank !== null).map((o) => o.key)).toEqual(['openrouter-payg', 'anthropic-api', 'openai-api', 'deepseek-api', 'current'])
    expect(result.answers[0]).toMatch(/^At your usage \(\$36\.00\/month over the last 30 days\), OpenRouter is the cheapest option at \$24\.36\/month, \$11\.64\/month less than what you pay now\./)
    expect(result.answers[0]).toContain('Re-prices 43 % of your spend')
  })

  it('does not rank options computed from no tokens: with no token counts nothing ties at a re-priced figure', () => {
    const result = compare(workload([deepseek(false), openai(false), anthropic()]))
    for (const key of ['openai-api', 'anthropic-api', 'openrouter-payg', 'deepseek-api']) {
      expect(result.options.find((o) => o.key === key)).toMatchObject({ status: 'not-repriced', monthlyCost: null, rank: null, repricing: { repricedSpend: '0', percent: 0 } })
    }
    expect(result.options.find((o) => o.key === 'openai-api')?.answer).toBe(
      'Not ranked: none of your spend outside OpenAI has token counts (tokens by model on the days you spent), so it cannot be re-priced here and would only repeat what you pay now.'
    )
    expect(result.options.filter((o) => o.rank !== null).map((o) => [o.key, o.monthlyCost])).toEqual([['current', '36']])
    expect(result.options[0]?.key).toBe('current')
    expect(result.answers).toContain(
      'None of your measured spend has token counts (tokens by model on the days you spent), so the pay-as-you-go APIs cannot re-price it and are listed unranked. OpenAI and Anthropic admin keys report tokens by model.'
    )
    expect(result.breakEvens).toEqual([])
  })

  it('does not rank the provider where all the spend already is', () => {
    const result = compare(workload([openai()]))
    expect(result.options.find((o) => o.key === 'openai-api')).toMatchObject({
      status: 'not-repriced',
      rank: null,
      answer: 'Not ranked: all of your measured spend is already on OpenAI, so this is what you pay now.'
    })
    // The others re-price the 20 Nov day only ($5 of $15 = 33 %) and keep the $10 of 19 Nov:
    // DeepSeek $10 + 0.25 + 0.5 = $10.75, OpenRouter $10 + $2 = $12, Anthropic $10 + $3 = $13.
    expect(result.options.find((o) => o.key === 'anthropic-api')).toMatchObject({ monthlyCost: '13', repricing: { percent: 33 } })
    expect(result.options.filter((o) => o.rank !== null).map((o) => [o.key, o.monthlyCost])).toEqual([
      ['deepseek-api', '10.75'],
      ['openrouter-payg', '12'],
      ['anthropic-api', '13'],
      ['current', '15']
    ])
  })

  it('never re-prices tokens of days without measured spend, and names them', () => {
    const account = openai()
    account.usage.unshift(tokens('gpt-4o', 7_000_000, 7_000_000, '2026-11-18'))
    const result = compare(workload([account]))
    // Only the 20 Nov tokens: $10 kept + $3, not another 7 × $1 + 7 × $2 = $21 for 18 Nov.
    expect(result.options.find((o) => o.key === 'anthropic-api')?.monthlyCost).toBe('13')
    expect(result.usage.excluded).toEqual([
      'OpenAI: token counts on 1 day without measured spend Coffer could value are not re-priced (there is no cost to compare them with).'
    ])
    // The summary still shows every token counted.
    expect(result.usage.models).toEqual([{ provider: 'openai', model: 'gpt-4o', inputTokens: 8_000_000, outputTokens: 8_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, requests: 200 }])
  })

  it('names spend it cannot convert instead of counting it as $0, and does not re-price its tokens', () => {
    const w = workload([deepseek(), openai()])
    const result = compare(w, valuer({}, w.accounts))
    const current = result.options.find((o) => o.key === 'current')
    expect(current?.monthlyCost).toBe('15')
    expect(current?.lines.find((line) => line.label === 'DeepSeek')).toMatchObject({ amount: null, detail: 'left out: its spend could not be valued in USD (see Left out)' })
    expect(result.usage.windowSpend).toMatchObject({ amount: '15', approximate: false, missingRates: ['CNY'] })
    expect(result.usage.windowSpend.excluded).toEqual([
      {
        accountId: accountIdOf('DeepSeek'),
        account: 'DeepSeek',
        unit: 'CNY',
        amount: '116',
        reason: 'no_rate',
        fix: 'Set what one CNY is worth in USD (Exchange rates… on the Overview, or coffer rates set CNY RATE).'
      }
    ])
    expect(result.usage.excluded[0]).toBe('DeepSeek: CN¥116.00 of spend left out of what you pay now. Set what one CNY is worth in USD (Exchange rates… on the Overview, or coffer rates set CNY RATE).')
    expect(result.usage.accounts.find((a) => a.label === 'DeepSeek')).toMatchObject({ windowUsd: null, basis: 'none' })
    // Anthropic: OpenAI $10 kept + gpt-4o $3; DeepSeek is in neither figure: $13, re-pricing $5 of $15.
    expect(result.options.find((o) => o.key === 'anthropic-api')).toMatchObject({ monthlyCost: '13', repricing: { repricedSpend: '5', measuredSpend: '15', percent: 33 } })
  })

  it('values credit spend through the account’s own credit value', () => {
    // 3,000 credits at $0.01 each = $30.
    const credits: AccountWorkload = { accountId: accountIdOf('GPTBots'), provider: 'manual', label: 'GPTBots', spend: [{ day: '2026-11-20', unit: 'credits', micros: 3000 * 1e6 }], usage: [] }
    const w = workload([credits])
    const result = compare(w, valuer({}, w.accounts, { [credits.accountId]: { unit: 'credits', creditValue: '0.01', creditValueCurrency: 'USD' } }))
    expect(result.options.find((o) => o.key === 'current')).toMatchObject({ monthlyCost: '30', converted: true })
    expect(result.usage.credits).toEqual([{ label: 'GPTBots', unit: 'credits', windowAmount: '3000' }])
  })
})
