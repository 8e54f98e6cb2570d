import type { SimResponse } from '../provider-simulator'

/**
 * Runway `GET /v1/organization` (runwayml/sdk-node organization.ts): `{ creditBalance, tier:
 * { maxMonthlyCreditSpend, models }, usage: { models } }`.
 */
export function runwayOrganization(creditBalance: number, maxMonthlyCreditSpend: number): SimResponse {
  return {
    body: {
      creditBalance,
      tier: { maxMonthlyCreditSpend, models: { gen4_turbo: { maxConcurrentGenerations: 2, maxDailyGenerations: 200 } } },
      usage: { models: { gen4_turbo: { dailyGenerations: 3 } } }
    }
  }
}

/** Runway `POST /v1/organization/usage`: `{ models, results: [{ date, usedCredits: [{ amount, model }] }] }`. */
export function runwayUsage(days: readonly { date: string; used: readonly { model: string; amount: number }[] }[]): SimResponse {
  const models = [...new Set(days.flatMap((day) => day.used.map((used) => used.model)))]
  return { body: { models, results: days.map((day) => ({ date: day.date, usedCredits: day.used.map((used) => ({ amount: used.amount, model: used.model })) })) } }
}
