import { calcPrice, type ModelPrice } from '@pydantic/genai-prices'
import { modelNameCandidates } from './model-names'

/** USD per million tokens for one model, as decimal strings (exact). */
export interface ModelRate {
  /** Pricing-dataset provider id (`openai`, `anthropic`, `openrouter`…). */
  providerId: string
  /** The model id the rate belongs to (the dataset's id, or the override's model). */
  modelId: string
  inputMtok: string
  outputMtok: string
  /** `null`: the model has no separate cache price; cached tokens cost the input price. */
  cacheReadMtok: string | null
  cacheWriteMtok: string | null
  source: 'dataset' | 'override'
}

/** A user's own price for a model, replacing the dataset's. */
export interface PriceOverride {
  providerId: string
  model: string
  inputMtok: string
  outputMtok: string
  cacheReadMtok: string | null
  cacheWriteMtok: string | null
}

/** Looks up per-token prices. Pure from the engine's point of view (the dataset is bundled). */
export interface PriceBook {
  /** The rate of `model` at `providerId`, or `null` when neither an override nor the dataset knows it. */
  rate(providerId: string, model: string): ModelRate | null
}

/**
 * Prices from `@pydantic/genai-prices`' bundled data (no network: its auto-update is never
 * enabled, so results only change when the package is upgraded), with the user's overrides first.
 *
 * @param at - the date prices should be valid on (the dataset has dated price changes).
 */
export function createDatasetPriceBook(overrides: readonly PriceOverride[], at: Date): PriceBook {
  const byKey = new Map(overrides.map((override) => [overrideKey(override.providerId, override.model), override]))
  const cache = new Map<string, ModelRate | null>()
  return {
    rate(providerId, model) {
      const key = overrideKey(providerId, model)
      const override = byKey.get(key)
      if (override) return { ...override, modelId: override.model, source: 'override' }
      if (!cache.has(key)) cache.set(key, lookupDataset(providerId, model, at))
      return cache.get(key) ?? null
    }
  }
}

function overrideKey(providerId: string, model: string): string {
  return `${providerId.toLowerCase()}\u0000${model.toLowerCase()}`
}

function lookupDataset(providerId: string, model: string, at: Date): ModelRate | null {
  for (const candidate of modelNameCandidates(model, providerId)) {
    // A 1-token probe only resolves the model and its prices valid at `at`; the cost itself is
    // computed by Coffer from the rates (see why in readRate).
    const result = calcPrice({ input_tokens: 1, output_tokens: 1 }, candidate, { providerId, timestamp: at })
    if (result && result.provider.id === providerId) {
      return {
        providerId,
        modelId: result.model.id,
        inputMtok: readRate(result.model_price, 'input_mtok') ?? '0',
        outputMtok: readRate(result.model_price, 'output_mtok') ?? '0',
        cacheReadMtok: readRate(result.model_price, 'cache_read_mtok'),
        cacheWriteMtok: readRate(result.model_price, 'cache_write_mtok'),
        source: 'dataset'
      }
    }
  }
  return null
}

/**
 * One price of a model as a decimal string. Tiered prices (e.g. Claude above 200k input tokens)
 * apply per *request*; ledger usage lines add up a whole day of requests, so handing those totals
 * to `calcPrice` would charge every token at the long-context tier. Coffer uses the base price.
 */
function readRate(prices: ModelPrice, key: string): string | null {
  const value = prices[key]
  if (value === undefined) return null
  const number = typeof value === 'number' ? value : value.base
  return Number.isFinite(number) ? String(number) : null
}
