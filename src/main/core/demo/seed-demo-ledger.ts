import type { Database } from 'better-sqlite3'
import type { ProviderId } from '../../../shared/providers'
import { AccountsRepo } from '../ledger/accounts-repo'
import { emptyFacts } from '../ledger/facts'
import { ingestPoll, type IngestHook } from '../ledger/ingest'
import { seedDemoPlanData } from '../plans/demo-plan-data'
import { seededRandom } from './seeded-random'

/** One synthetic account of the demo ledger. */
export interface DemoAccountPlan {
  id: string
  provider: ProviderId
  label: string
  unit: string
  /** Starting balance and typical daily spend, in whole units. */
  start: number
  dailySpend: number
  /** Top up by this much whenever the balance falls below `topUpBelow`. */
  topUp: number
  topUpBelow: number
}

export const demoAccounts: readonly DemoAccountPlan[] = [
  { id: 'acc_demoopenr1', provider: 'openrouter', label: 'OpenRouter (demo)', unit: 'USD', start: 60, dailySpend: 1.4, topUp: 40, topUpBelow: 8 },
  { id: 'acc_demodeeps1', provider: 'deepseek', label: 'DeepSeek (demo)', unit: 'CNY', start: 300, dailySpend: 4.2, topUp: 200, topUpBelow: 30 }
]

export const DEMO_DAYS = 180

/**
 * Fills an empty ledger with months of synthetic activity: one official balance snapshot per
 * day per account, falling by a noisy daily spend, with top-ups when it runs low. Deterministic.
 *
 * @returns each demo account's final balance in micro-units (the demo provider continues from there).
 */
export function seedDemoLedger(db: Database, now: Date, hooks: readonly IngestHook[] = []): Map<string, number> {
  const accounts = new AccountsRepo(db)
  const random = seededRandom(20261121)
  const finalBalances = new Map<string, number>()
  for (const plan of demoAccounts) {
    accounts.insert({
      id: plan.id,
      provider: plan.provider,
      label: plan.label,
      baseUrl: null,
      options: {},
      pollIntervalMinutes: 15,
      keyHint: 'demo…key0',
      createdAt: new Date(now.getTime() - (DEMO_DAYS + 1) * 86_400_000).toISOString()
    })
    let balance = plan.start * 1_000_000
    for (let day = DEMO_DAYS; day >= 0; day -= 1) {
      const at = new Date(now.getTime() - day * 86_400_000)
      at.setUTCHours(9, 0, 0, 0)
      const weekday = at.getUTCDay()
      const weekendFactor = weekday === 0 || weekday === 6 ? 0.4 : 1
      balance -= Math.round(plan.dailySpend * weekendFactor * (0.5 + random()) * 1_000_000)
      if (balance < plan.topUpBelow * 1_000_000) balance += plan.topUp * 1_000_000
      const facts = emptyFacts()
      facts.balances.push({ unit: plan.unit, kind: 'total', amountMicros: balance, source: 'official' })
      const stamp = at.toISOString()
      ingestPoll(db, { accountId: plan.id, startedAt: stamp, finishedAt: stamp, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] }, hooks)
    }
    finalBalances.set(plan.id, balance)
  }
  seedDemoPlanData(db, now)
  return finalBalances
}
