import Big from 'big.js'
import { planSchema, type Plan, type PlanInput } from '../../../../../src/shared/plan-catalog'
import { RateBook } from '../../../../../src/main/core/ledger/fx'
import { Valuer } from '../../../../../src/main/core/ledger/valuation'
import type { ModelRate, PriceBook } from '../../../../../src/main/core/plans/price-book'
import type { AccountWorkload, DayUsage, Workload } from '../../../../../src/main/core/plans/workload'

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

/** The window's last day (and the default day of test spend and tokens). */
export const LAST_DAY = '2026-11-21'

/** The id fixtures give an account with `label`. */
export const accountIdOf = (label: string): string => `acc_${label.replace(/\W/g, '').padEnd(10, '0').slice(0, 10).toLowerCase()}`

/** An account that spent `usd` (decimal dollars) over the window, all of it on `day`. */
export function spender(label: string, provider: string, usd: number, extra: Partial<AccountWorkload> = {}, day = LAST_DAY): AccountWorkload {
  return { accountId: accountIdOf(label), provider, label, spend: [{ day, unit: 'USD', micros: Math.round(usd * 1e6) }], usage: [], ...extra }
}

/** Tokens of one model on one day. */
export function tokens(model: string, inputTokens: number, outputTokens: number, day = LAST_DAY, requests = 100): DayUsage {
  return { day, model, inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, requests }
}

export function workload(accounts: AccountWorkload[], windowDays = 30): Workload {
  return { windowDays, from: windowDays === 90 ? '2026-08-24' : '2026-10-23', to: LAST_DAY, accounts }
}

/**
 * A valuer with home currency USD and the given exchange rates (`unit → rate`, in force from the
 * start, or `[rate, from]` pairs for dated ones), knowing `accounts` (with `options` by account id).
 */
export function valuer(
  rates: Record<string, string | [string, string][]> = {},
  accounts: readonly AccountWorkload[] = [],
  options: Record<string, Record<string, string>> = {}
): Valuer {
  const dated = Object.entries(rates).flatMap(([unit, value]) =>
    (typeof value === 'string' ? [[value, '1970-01-01'] as [string, string]] : value).map(([rate, from]) => ({ unit, rate: new Big(rate), from }))
  )
  return new Valuer(
    new RateBook('USD', dated),
    accounts.map((account) => ({ id: account.accountId, label: account.label, provider: account.provider, options: options[account.accountId] ?? {} }))
  )
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
