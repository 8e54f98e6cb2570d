import { findProvider } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { comparePlans } from '../../../../../src/main/core/plans/compare-plans'
import { modelNameCandidates } from '../../../../../src/main/core/plans/model-names'
import { createDatasetPriceBook } from '../../../../../src/main/core/plans/price-book'
import { tokenCostMicros } from '../../../../../src/main/core/plans/usage-valuation'
import { loadBundledCatalog } from '../../../../../src/main/core/plans/catalog'
import { NOW, spender, testDataset, tokens, valuer, workload } from './plan-fixtures'

/** The dataset's own base price of a model, so the test follows the package when it is upgraded. */
function datasetPrice(providerId: string, modelId: string, key: string): number {
  const model = findProvider({ providerId })?.models.find((m) => m.id === modelId)
  const value = (model?.prices as Record<string, number | { base: number }>)[key]
  if (value === undefined) throw new Error(`dataset has no ${key} for ${providerId}/${modelId}`)
  return typeof value === 'number' ? value : value.base
}

describe('re-pricing with @pydantic/genai-prices', () => {
  it('prices a dated OpenAI model name at the dataset’s gpt-4o rates', () => {
    const rate = createDatasetPriceBook([], NOW).rate('openai', 'gpt-4o-2024-08-06')
    expect(rate).toMatchObject({ modelId: 'gpt-4o', source: 'dataset' })
    expect(Number(rate?.inputMtok)).toBe(datasetPrice('openai', 'gpt-4o', 'input_mtok'))
    expect(Number(rate?.outputMtok)).toBe(datasetPrice('openai', 'gpt-4o', 'output_mtok'))
    expect(Number(rate?.cacheReadMtok)).toBe(datasetPrice('openai', 'gpt-4o', 'cache_read_mtok'))
  })

  it('uses base prices, not per-request long-context tiers, for a day of aggregated usage', () => {
    const rate = createDatasetPriceBook([], NOW).rate('anthropic', 'claude-sonnet-4-5-20250929')
    expect(Number(rate?.inputMtok)).toBe(datasetPrice('anthropic', 'claude-sonnet-4-5', 'input_mtok'))
    const usage = { model: 'claude-sonnet-4-5', inputTokens: 1_000_000, outputTokens: 1_000_000, cachedInputTokens: 500_000, cacheWriteTokens: 100_000, requests: 40 }
    const expected =
      1_000_000 * datasetPrice('anthropic', 'claude-sonnet-4-5', 'input_mtok') +
      1_000_000 * datasetPrice('anthropic', 'claude-sonnet-4-5', 'output_mtok') +
      500_000 * datasetPrice('anthropic', 'claude-sonnet-4-5', 'cache_read_mtok') +
      100_000 * datasetPrice('anthropic', 'claude-sonnet-4-5', 'cache_write_mtok')
    expect(tokenCostMicros(usage, rate!)).toBe(Math.round(expected))
  })

  it('finds OpenRouter’s vendor-prefixed, dotted names', () => {
    const book = createDatasetPriceBook([], NOW)
    expect(book.rate('openrouter', 'claude-sonnet-4-5-20250929')?.modelId).toBe('anthropic/claude-sonnet-4.5')
    expect(book.rate('openrouter', 'gpt-4o')?.modelId).toBe('openai/gpt-4o')
    expect(book.rate('openai', 'openai/gpt-4o-mini')?.modelId).toBe('gpt-4o-mini')
    expect(book.rate('openai', 'claude-sonnet-4-5')).toBeNull()
    expect(modelNameCandidates('claude-sonnet-4-5-20250929', 'openrouter')).toContain('anthropic/claude-sonnet-4.5')
  })

  it('lets a user override replace the dataset price', () => {
    const book = createDatasetPriceBook([{ providerId: 'openai', model: 'gpt-4o', inputMtok: '1', outputMtok: '2', cacheReadMtok: null, cacheWriteMtok: null }], NOW)
    expect(book.rate('openai', 'GPT-4o')).toMatchObject({ inputMtok: '1', outputMtok: '2', source: 'override' })
    expect(book.rate('openai', 'gpt-4o-mini')?.source).toBe('dataset')
  })

  it('re-prices the same tokens on the Anthropic API with the dataset (catalog plan, fallback model)', () => {
    // $12.34 measured on the day of 3M in / 0.5M out gpt-4o tokens.
    const w = workload([spender('OpenAI', 'openai', 12.34, { usage: [tokens('gpt-4o', 3_000_000, 500_000)] })])
    const plans = loadBundledCatalog().plans.filter((p) => p.id === 'anthropic-api' || p.id === 'openai-api').map((plan) => ({ plan, origin: 'catalog' as const }))
    const result = comparePlans({ workload: w, plans, prices: createDatasetPriceBook([], NOW), valuer: valuer({}, w.accounts), dataset: testDataset, now: NOW })
    const onAnthropic = 3 * datasetPrice('anthropic', 'claude-sonnet-4-5', 'input_mtok') + 0.5 * datasetPrice('anthropic', 'claude-sonnet-4-5', 'output_mtok')
    expect(Number(result.options.find((o) => o.key === 'anthropic-api')?.monthlyCost)).toBeCloseTo(onAnthropic, 6)
    // What you pay now is the measured spend, never the tokens at OpenAI's list price; the OpenAI
    // API option is where the spend already is, so it has nothing to re-price and is not ranked.
    expect(result.options.find((o) => o.key === 'current')?.monthlyCost).toBe('12.34')
    expect(result.options.find((o) => o.key === 'openai-api')).toMatchObject({ status: 'not-repriced', monthlyCost: null, rank: null })
  })
})
