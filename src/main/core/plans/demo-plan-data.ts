import type { Database } from 'better-sqlite3'
import { planSchema } from '../../../shared/plan-catalog'
import { PlansRepo } from './plans-repo'
import { dayOf } from '../ledger/days'
import { upsertUsageLines } from '../ledger/line-writes'

/** Daily token mix per demo account: roughly what its synthetic spend buys at list prices. */
const demoUsage: Record<string, { model: string; input: number; cached: number; output: number; requests: number }[]> = {
  acc_demoopenr1: [
    { model: 'anthropic/claude-sonnet-4.5', input: 140_000, cached: 40_000, output: 28_000, requests: 60 },
    { model: 'openai/gpt-4o-mini', input: 500_000, cached: 0, output: 90_000, requests: 220 },
    { model: 'deepseek/deepseek-chat', input: 300_000, cached: 0, output: 60_000, requests: 90 }
  ],
  acc_demodeeps1: [{ model: 'deepseek-chat', input: 1_800_000, cached: 600_000, output: 450_000, requests: 400 }]
}

/**
 * Adds what the Plans page needs to the demo ledger: daily token usage by model for the demo
 * accounts (weekends lighter, like their spend) and one example user plan, clearly labelled as
 * demo data, so break-evens and cost breakdowns have something to show. Call after the demo
 * accounts exist.
 */
export function seedDemoPlanData(db: Database, now: Date, days = 120): void {
  const known = new Set((db.prepare('SELECT id FROM accounts').all() as { id: string }[]).map((row) => row.id))
  db.transaction(() => {
    for (const [accountId, models] of Object.entries(demoUsage)) {
      if (!known.has(accountId)) continue
      for (let back = days; back >= 0; back -= 1) {
        const date = new Date(now.getTime() - back * 86_400_000)
        const weekday = date.getUTCDay()
        // Deterministic wobble (no randomness needed): ±20% over a 7-day cycle.
        const factor = (weekday === 0 || weekday === 6 ? 0.4 : 1) * (0.8 + ((back * 37) % 7) / 15)
        const lines = models.map((row) => ({
          day: dayOf(date),
          model: row.model,
          inputTokens: Math.round(row.input * factor),
          outputTokens: Math.round(row.output * factor),
          cachedInputTokens: Math.round(row.cached * factor),
          cacheWriteTokens: 0,
          requests: Math.round(row.requests * factor),
          source: 'official' as const
        }))
        upsertUsageLines(db, accountId, now.toISOString(), lines)
      }
    }
    new PlansRepo(db).savePlan(
      planSchema.parse({
        id: 'demo-flat-plan',
        provider: 'example',
        providerName: 'Example (demo)',
        name: 'Flat plan',
        kind: 'subscription',
        billing: [
          { period: 'month', price: '25' },
          { period: 'year', price: '240' }
        ],
        includesApiUsage: true,
        credits: { unit: 'credits', perUsd: 100, includedPerMonth: 2500, refresh: 'monthly', rollover: false, usageMarkup: 1 },
        topUps: [{ credits: 1000, price: '8', validityMonths: 12 }],
        asOf: dayOf(now),
        source: { url: null, seed: null },
        notes: ['A made-up plan that only exists in the demo, to show break-evens and yearly billing.']
      }),
      now.toISOString()
    )
  })()
}
