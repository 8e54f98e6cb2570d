import { describe, expect, it } from 'vitest'
import { comparePlans, type ComparedPlan } from '../../../../../src/main/core/plans/compare-plans'
import type { Plan } from '../../../../../src/shared/plan-catalog'
import { fixedPrices, NOW, plan, spender, testDataset, tokens, valuer, workload } from './plan-fixtures'
import type { Workload } from '../../../../../src/main/core/plans/workload'
import type { PriceBook } from '../../../../../src/main/core/plans/price-book'

function compare(w: Workload, plans: Plan[], prices: PriceBook = fixedPrices({})) {
  const compared: ComparedPlan[] = plans.map((p) => ({ plan: p, origin: 'catalog' }))
  return comparePlans({ workload: w, plans: compared, prices, valuer: valuer({}, w.accounts), dataset: testDataset, now: NOW })
}

const credits = (included: number, perUsd = 100) => ({ unit: 'credits', perUsd, includedPerMonth: included, refresh: 'monthly' as const, rollover: false })

describe('comparePlans: hand-computed monthly costs', () => {
  it('adds the top-ups a subscription’s credits do not cover (overage)', () => {
    // $25/month of API use = 2,500 credits; 1,000 included; 1,500 bought at $10 per 1,000 = $15; + $12 fee.
    const sub = plan({ id: 'sub', kind: 'subscription', billing: [{ period: 'month', price: '12' }], credits: credits(1000), topUps: [{ credits: 1000, price: '10', validityMonths: 36 }] })
    const result = compare(workload([spender('OpenAI', 'openai', 25)]), [sub])
    const option = result.options.find((o) => o.key === 'sub')
    expect(option?.monthlyCost).toBe('27')
    expect(option?.lines.map((line) => line.amount)).toEqual(['12', null, '15'])
    expect(option?.lines[2]?.label).toContain('1,500 credits/month')
    expect(result.options.find((o) => o.key === 'current')?.monthlyCost).toBe('25')
    expect(result.options[0]?.key).toBe('current')
    expect(result.options.map((o) => o.rank)).toEqual([1, 2])
  })

  it('charges credit packs that expire before they are used up (expiry waste)', () => {
    // $5/month = 500 credits; a 10,000-credit pack ($100) would last 20 months but expires after 12:
    // one pack every 12 months = $8.333333/month, of which $5 is used and $3.333333 wasted.
    const pack = plan({ id: 'pack', kind: 'prepaid', credits: credits(0), topUps: [{ credits: 10000, price: '100', validityMonths: 12 }] })
    const option = compare(workload([spender('OpenAI', 'openai', 5)]), [pack]).options.find((o) => o.key === 'pack')
    expect(option?.monthlyCost).toBe('8.333333')
    expect(option?.lines.map((line) => [line.label, line.amount])).toEqual([
      ['Top-ups (500 credits/month)', '5'],
      ['Top-up credits that expire unused', '3.333333']
    ])
    expect(option?.answer).toContain('expire unused')
  })

  it('does not count one-time credits against a steady monthly cost', () => {
    // 1,000 credits granted once (refresh: none) do not recur: all 2,500 credits/month are bought.
    const once = plan({ id: 'once', kind: 'subscription', billing: [{ period: 'month', price: '0' }], credits: { ...credits(1000), refresh: 'none' }, topUps: [{ credits: 1000, price: '10', validityMonths: null }] })
    const option = compare(workload([spender('OpenAI', 'openai', 25)]), [once]).options.find((o) => o.key === 'once')
    expect(option?.monthlyCost).toBe('25')
  })

  it('shows no waste when packs never expire', () => {
    const pack = plan({ id: 'pack', kind: 'prepaid', credits: credits(0), topUps: [{ credits: 10000, price: '100', validityMonths: null }] })
    const option = compare(workload([spender('OpenAI', 'openai', 5)]), [pack]).options.find((o) => o.key === 'pack')
    expect(option?.monthlyCost).toBe('5')
  })

  it('compares monthly with yearly billing and says what yearly saves', () => {
    const sub = plan({
      id: 'standard',
      name: 'Standard',
      kind: 'subscription',
      billing: [{ period: 'month', price: '30' }, { period: 'year', price: '300' }],
      credits: credits(5000)
    })
    const result = compare(workload([spender('OpenAI', 'openai', 25)]), [sub])
    expect(result.options.find((o) => o.key === 'standard')?.monthlyCost).toBe('30')
    expect(result.options.find((o) => o.key === 'standard@year')?.monthlyCost).toBe('25')
    expect(result.options.find((o) => o.key === 'standard@year')?.name).toBe('Standard (yearly)')
    expect(result.answers).toContain("At your usage the Standard plan's yearly billing saves $60.00 a year ($5.00/month).")
  })

  it('finds the break-even where a fixed-fee plan becomes cheaper than paying as you go', () => {
    // Flat: $20 + 1,000 credits ($10 of usage) included, more at $5 per 1,000 credits:
    // cost(d) = 20 + 0.5·(d − 10) above $10; pay as you go costs d. Equal at d = $30.
    const flat = plan({ id: 'flat', name: 'Flat', kind: 'subscription', billing: [{ period: 'month', price: '20' }], credits: credits(1000), topUps: [{ credits: 1000, price: '5', validityMonths: null }] })
    const result = compare(workload([spender('OpenAI', 'openai', 10)]), [flat])
    expect(result.breakEvens).toHaveLength(1)
    expect(result.breakEvens[0]).toMatchObject({ monthlyUsage: '30', below: 'current', above: 'flat' })
    expect(result.answers).toContain('Above $30.00/month of usage, Flat is cheaper than what you pay now.')
  })

  it('lists plans with a missing price as unknown, never ranked as $0', () => {
    const unknown = plan({ id: 'mystery', kind: 'subscription', billing: [{ period: 'month', price: null }], credits: credits(1000), topUps: [{ credits: 1000, price: '10', validityMonths: 36 }] })
    const free = plan({ id: 'free-flat', kind: 'subscription', billing: [{ period: 'month', price: '0' }] })
    const result = compare(workload([spender('OpenAI', 'openai', 25)]), [unknown, free])
    const option = result.options.find((o) => o.key === 'mystery')
    expect(option).toMatchObject({ status: 'unknown', monthlyCost: null, rank: null })
    expect(option?.missing).toEqual(['the monthly price'])
    expect(option?.answer).toMatch(/^Price unknown — fill it in: the monthly price/)
    expect(result.options.at(-1)?.key).toBe('mystery')
    expect(result.options[0]).toMatchObject({ key: 'free-flat', monthlyCost: '0', rank: 1 })
    expect(result.answers).toContain('1 option has no price yet — fill it in to rank it.')
  })

  it('says a chat subscription leaves the API spend in place', () => {
    const plus = plan({ id: 'chatgpt-plus', name: 'ChatGPT Plus', kind: 'subscription', includesApiUsage: false, billing: [{ period: 'month', price: '20' }] })
    const result = compare(workload([spender('OpenAI', 'openai', 23.4)]), [plus])
    expect(result.options.find((o) => o.key === 'chatgpt-plus')?.monthlyCost).toBe('43.4')
    expect(result.answers).toContain('ChatGPT Plus does not include API credits: your $23.40 of API spend would remain.')
  })

  it('normalises a 90-day window to 30-day months', () => {
    const result = compare(workload([spender('OpenAI', 'openai', 90)], 90), [])
    expect(result.usage.monthlyUsage).toBe('30')
    expect(result.options[0]?.monthlyCost).toBe('30')
  })

  it('marks a plan that cannot cover the usage and sells no top-ups', () => {
    const hobby = plan({ id: 'hobby', name: 'Hobby', kind: 'subscription', billing: [{ period: 'month', price: '0' }], credits: credits(100) })
    const option = compare(workload([spender('OpenAI', 'openai', 25)]), [hobby]).options.find((o) => o.key === 'hobby')
    expect(option).toMatchObject({ status: 'cannot-cover', monthlyCost: null, rank: null })
  })

  it('uses measured credit consumption for a credit platform’s own plans', () => {
    // 3,000 credits used on a GPTBots manual account in 30 days; 2,000 included; 1,000 more = $10.
    const gptbots = spender('GPTBots', 'manual', 0, { spend: [{ day: '2026-11-20', unit: 'credits', micros: 3000 * 1e6 }] })
    const growth = plan({ id: 'growth', provider: 'gptbots', providerName: 'GPTBots', kind: 'subscription', billing: [{ period: 'month', price: '15' }], credits: credits(2000), topUps: [{ credits: 1000, price: '10', validityMonths: 36 }] })
    const option = compare(workload([gptbots]), [growth]).options.find((o) => o.key === 'growth')
    expect(option?.monthlyCost).toBe('25')
  })

  it('re-prices tokens on another provider, with a fallback model for models it does not sell', () => {
    // $15 measured on the day of 2M in / 1M out gpt-4o tokens. What you pay now stays $15 (measured,
    // not re-priced at OpenAI's list price); on Anthropic the same tokens: 2 × 3 + 1 × 15 = $21.
    const w = workload([spender('OpenAI', 'openai', 15, { usage: [tokens('gpt-4o', 2_000_000, 1_000_000)] })])
    const prices = fixedPrices({ 'openai:gpt-4o': ['1', '1'], 'anthropic:claude-x': ['3', '15'] })
    const api = plan({ id: 'anthropic-api', name: 'Anthropic API', kind: 'api-payg', pricing: { providerId: 'anthropic', fallbackModel: 'claude-x' } })
    const result = compare(w, [api], prices)
    expect(result.options.find((o) => o.key === 'current')).toMatchObject({ monthlyCost: '15', converted: false, repricing: null })
    const option = result.options.find((o) => o.key === 'anthropic-api')
    expect(option?.monthlyCost).toBe('21')
    expect(option?.lines[0]?.detail).toContain('re-priced as claude-x')
    expect(option?.repricing).toMatchObject({ repricedSpend: '15', measuredSpend: '15', percent: 100, text: 'Re-prices all of your spend: every day you spent has token counts.' })
  })

  it('names the cheapest option that keeps your models when the cheapest one swaps them', () => {
    const w = workload([spender('OpenAI', 'openai', 15, { usage: [tokens('gpt-4o', 2_000_000, 1_000_000)] })])
    const prices = fixedPrices({ 'deepseek:cheap-chat': ['0.1', '0.2'] })
    const cheap = plan({ id: 'deepseek-api', name: 'DeepSeek API', providerName: 'DeepSeek', kind: 'api-payg', pricing: { providerId: 'deepseek', fallbackModel: 'cheap-chat' } })
    const answers = compare(w, [cheap], prices).answers
    // On DeepSeek: 2 × 0.1 + 1 × 0.2 = $0.40, but only by swapping gpt-4o for another model.
    expect(answers[0]).toMatch(/^At your usage \(\$15\.00\/month over the last 30 days\), DeepSeek API is the cheapest option at \$0\.40\/month, \$14\.60\/month less than what you pay now\. DeepSeek does not sell gpt-4o: re-priced as cheap-chat/)
    expect(answers[1]).toBe('Keeping the models you use, paying as you go, as now, is cheapest.')
  })

  it('keeps embedding models at their own provider’s price instead of re-pricing them as a chat model', () => {
    const w = workload([spender('OpenAI', 'openai', 0.25, { usage: [tokens('text-embedding-3-small', 10_000_000, 0)] })])
    const prices = fixedPrices({ 'openai:text-embedding-3-small': ['0.02', '0'], 'anthropic:claude-x': ['3', '15'] })
    const api = plan({ id: 'anthropic-api', name: 'Anthropic API', kind: 'api-payg', pricing: { providerId: 'anthropic', fallbackModel: 'claude-x' } })
    const option = compare(w, [api], prices).options.find((o) => o.key === 'anthropic-api')
    // 10M × $0.02 = $0.20 at OpenAI's own price, not 10M × $3 as Claude input.
    expect(option?.monthlyCost).toBe('0.2')
    expect(option?.lines[0]?.detail).toContain("kept at openai's price")
  })

  it('keeps the plain answers short: at most three break-evens, the rest only in the data', () => {
    const flats = [10, 20, 30, 40, 50].map((fee) =>
      plan({ id: `flat-${fee}`, kind: 'subscription', billing: [{ period: 'month', price: String(fee) }], credits: credits(0), topUps: [{ credits: 1000, price: '5', validityMonths: null }] })
    )
    const result = compare(workload([spender('OpenAI', 'openai', 30)]), flats)
    const shown = result.answers.filter((answer) => answer.startsWith('Above '))
    expect(shown.length).toBeLessThanOrEqual(3)
    expect(result.breakEvens.length).toBeGreaterThan(shown.length)
    expect(result.breakEvens.filter((point) => point.headline).map((point) => point.text)).toEqual(shown)
  })
})
