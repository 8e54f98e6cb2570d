import { planSchema, type Plan, type PlanInput } from '../../../../../src/shared/plan-catalog'
import type { ModelRate, PriceBook } from '../../../../../src/main/core/plans/price-book'
import type { AccountWorkload, Workload } from '../../../../../src/main/core/plans/workload'

/** A plan validated by the real schema, with test defaults. */
export function plan(fields: Partial<PlanInput> & Pick<PlanInput, 'id' | 'kind'>): Plan {
  return planSchema.parse({
    provider: 'test',
    providerName: 'Test',
    name: fields.id,
    includesApiUsage: true,
    asOf: '2026-11-01',
    source: { url: null, seed: null },
    ...fields
  })
}

/** An account that spent `usd` (decimal dollars) over the window. */
export function spender(label: string, provider: string, usd: number, extra: Partial<AccountWorkload> = {}): AccountWorkload {
  return { accountId: `acc_${label.padEnd(10, '0').slice(0, 10)}`, provider, label, spend: [{ unit: 'USD', micros: Math.round(usd * 1e6) }], usage: [], ...extra }
}

export function workload(accounts: AccountWorkload[], windowDays = 30): Workload {
  return { windowDays, from: '2026-10-23', to: '2026-11-21', accounts }
}

/** A price book with fixed rates (USD per Mtok), for hand-computed cases. */
export function fixedPrices(rates: Record<string, [string, string]>): PriceBook {
  return {
    rate(providerId, model): ModelRate | null {
      const entry = rates[`${providerId}:${model}`]
      if (!entry) return null
      return { providerId, modelId: model, inputMtok: entry[0], outputMtok: entry[1], cacheReadMtok: null, cacheWriteMtok: null, source: 'dataset' }
    }
  }
}

export const testDataset = { package: '@pydantic/genai-prices', version: '0.0.0', publishedAt: '2026-09-23', url: 'https://github.com/pydantic/genai-prices', overrides: 0 }
export const NOW = new Date('2026-11-21T12:00:00Z')
