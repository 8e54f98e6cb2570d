import type { Database } from 'better-sqlite3'
import type { ProviderId } from '../../../shared/providers'
import { AccountsRepo, type AccountRecord } from '../ledger/accounts-repo'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import { UNDATED_RATE_DAY } from '../../../shared/contract/ledger-schemas'
import { writeFx } from '../ledger/fx'
import { ingestPoll, type IngestHook } from '../ledger/ingest'
import { ledgerIngestHook } from '../ledger/ledger-hook'
import { seedDemoAlertData } from '../alerts/demo-alerts'
import { seedDemoPlanData } from '../plans/demo-plan-data'
import { recordCredit } from '../records/credit-service'
import { balanceDemoAccounts, manualDemoAccount, spendDemoAccounts, type SpendDemoPlan } from './demo-plans'
import { seededRandom } from './seeded-random'

export { balanceDemoAccounts, spendDemoAccounts, manualDemoAccount } from './demo-plans'

/** How many days of history the demo ledger holds. */
export const DEMO_DAYS = 180
const DAY_MS = 86_400_000
const M = 1_000_000

/** Noon-ish of `daysAgo` days before `now`, at `hour` UTC. */
function dayAt(now: Date, daysAgo: number, hour: number, minute = 0): Date {
  const at = new Date(now.getTime() - daysAgo * DAY_MS)
  at.setUTCHours(hour, minute, 0, 0)
  return at
}

/**
 * `dayAt`, except that a moment of today which has not happened yet is pulled back into the part of
 * today that has, keeping its order among today's events.
 * Why: seeded just after midnight, an entry at 00:50 would lie in the future, and a figure the user
 * records now would be older than the demo's own reading (CI once ran at 00:25 UTC).
 */
function seedMoment(now: Date, daysAgo: number, hour: number, minute = 0): Date {
  const planned = dayAt(now, daysAgo, hour, minute)
  if (daysAgo > 0 || planned.getTime() < now.getTime() - 60_000) return planned
  const startOfToday = dayAt(now, 0, 0)
  const elapsed = Math.max(0, now.getTime() - 60_000 - startOfToday.getTime())
  return new Date(startOfToday.getTime() + Math.floor((elapsed * (hour * 60 + minute)) / (24 * 60)))
}

function insertAccount(
  accounts: AccountsRepo,
  now: Date,
  plan: { id: string; provider: ProviderId; label: string; options?: Record<string, string>; pollIntervalMinutes?: number },
  keyHint: string | null
): AccountRecord {
  const record: AccountRecord = {
    id: plan.id,
    provider: plan.provider,
    label: plan.label,
    baseUrl: null,
    options: plan.options ?? {},
    pollIntervalMinutes: plan.pollIntervalMinutes ?? 15,
    keyHint,
    createdAt: new Date(now.getTime() - (DEMO_DAYS + 1) * DAY_MS).toISOString()
  }
  accounts.insert(record)
  return record
}

function poll(db: Database, accountId: string, at: Date, facts: LedgerFacts, hooks: readonly IngestHook[]): void {
  const stamp = at.toISOString()
  // A real poll takes a few hundred milliseconds; equal start and finish made the Polls tab's
  // average read "0 ms" (issue 14.7). Started before `at`, so nothing lies in the future.
  // Varied by time and account (deterministic), so two accounts polled together differ.
  const salt = [...accountId].reduce((sum, char) => sum + char.charCodeAt(0), 0)
  const durationMs = 240 + ((Math.floor(at.getTime() / 60_000) * 7919 + salt * 104_729) % 1100)
  ingestPoll(db, { accountId, startedAt: new Date(at.getTime() - durationMs).toISOString(), finishedAt: stamp, status: 'ok', errorCode: null, errorMessage: null, httpStatus: 200, retryAfterMs: null, facts, raw: [] }, hooks)
}

/**
 * Fills an empty ledger with six months of synthetic, deterministic activity (one transaction):
 * - balance-only accounts (OpenRouter, DeepSeek): one official reading a day, falling by a noisy
 *   daily spend, topped up when low; Coffer derives their spend and detects the top-ups (older
 *   detections confirmed, recent ones left for the user to confirm);
 * - spend-only accounts (OpenAI, Anthropic): daily cost lines by line item and usage by model,
 *   prepaid top-ups that expire after a year, and balance entries ("the console says…");
 * - a manual GPTBots-style credits account: purchases, monthly renewals that expire, entries;
 * - exchange rates to USD for the overview's approximate totals.
 *
 * Only the ledger's own hook runs during this replay of the past: other hooks (alerts) judge the
 * present moment, so running them 700 times over history would cost seconds and say nothing; they
 * evaluate on the demo's first poll.
 *
 * @returns each demo account's current figure in micro-units (a balance, or today's spend so far),
 *   which the demo provider continues from; every key of the map gets a demo key.
 */
export function seedDemoLedger(db: Database, now: Date, allHooks: readonly IngestHook[] = []): Map<string, number> {
  const hooks = allHooks.filter((hook) => hook === ledgerIngestHook)
  const accounts = new AccountsRepo(db)
  const random = seededRandom(20261121)
  const state = new Map<string, number>()
  db.transaction(() => {
    for (const plan of balanceDemoAccounts) {
      insertAccount(accounts, now, plan, 'demo…key0')
      let balance = plan.start * M
      for (let day = DEMO_DAYS; day >= 0; day -= 1) {
        const at = dayAt(now, day, 9)
        const weekday = at.getUTCDay()
        const weekendFactor = weekday === 0 || weekday === 6 ? 0.4 : 1
        balance -= Math.round(plan.dailySpend * weekendFactor * (0.5 + random()) * M)
        if (balance < plan.topUpBelow * M) balance += plan.topUp * M
        const facts = emptyFacts()
        facts.balances.push({ unit: plan.unit, kind: 'total', amountMicros: balance, source: 'official' })
        if (at.getTime() <= now.getTime()) poll(db, plan.id, at, facts, hooks)
      }
      state.set(plan.id, balance)
      // The user confirmed the older detected top-ups; the latest ones still wait for them.
      db.prepare(`UPDATE credit_events SET confirmed = 1 WHERE account_id = ? AND source = 'derived' AND occurred_at < ?`).run(
        plan.id,
        new Date(now.getTime() - 21 * DAY_MS).toISOString()
      )
    }
    for (const plan of spendDemoAccounts) state.set(plan.id, seedSpendAccount(db, accounts, plan, now, random, hooks))
    seedManualAccount(db, accounts, now)
    writeFx(db, { home: 'USD', rates: [{ unit: 'CNY', rate: '0.14', from: UNDATED_RATE_DAY }] }, now)
    seedDemoPlanData(db, now)
    seedDemoAlertData(db, now)
  })()
  return state
}

function seedSpendAccount(
  db: Database,
  accounts: AccountsRepo,
  plan: SpendDemoPlan,
  now: Date,
  random: () => number,
  hooks: readonly IngestHook[]
): number {
  const account = insertAccount(accounts, now, plan, 'demo…adm1')
  let today = 0
  for (let day = DEMO_DAYS; day >= 0; day -= 1) {
    for (const [ago, amount, expiresIn] of plan.topUps) {
      if (ago !== day) continue
      const at = seedMoment(now, day, 0, 20)
      recordCredit(
        db,
        account,
        { accountId: plan.id, kind: 'topup', amount: String(amount), unit: 'USD', at: at.toISOString(), expiresAt: expiresIn === null ? undefined : new Date(at.getTime() + expiresIn * DAY_MS).toISOString(), note: 'Prepaid credit' },
        at
      )
    }
    for (const [ago, offset] of plan.anchors) {
      if (ago !== day) continue
      const at = seedMoment(now, day, 0, 40)
      const current = db
        .prepare(`SELECT amount_micros AS m FROM balance_snapshots WHERE account_id = ? AND kind = 'total' ORDER BY observed_at DESC, id DESC LIMIT 1`)
        .get(plan.id) as { m: number } | undefined
      const figure = ((current?.m ?? 0) + Math.round(offset * M)) / M
      recordCredit(db, account, { accountId: plan.id, kind: 'balance', amount: figure.toFixed(2), unit: 'USD', at: at.toISOString(), note: 'From the billing page' }, at)
    }
    const at = day === 0 ? new Date(Math.max(seedMoment(now, 0, 0, 50).getTime(), now.getTime() - 60_000)) : dayAt(now, day, 23, 30)
    const weekday = at.getUTCDay()
    const dailyMicros = Math.round(plan.dailySpend * (weekday === 0 || weekday === 6 ? 0.35 : 1) * (0.6 + 0.8 * random()) * M * (day === 0 ? 0.4 : 1))
    const facts = emptyFacts()
    const dayText = at.toISOString().slice(0, 10)
    for (const [item, share] of Object.entries(plan.items)) {
      facts.spend.push({ day: dayText, item, unit: 'USD', amountMicros: Math.round(dailyMicros * share), source: 'official' })
    }
    const dollars = dailyMicros / M
    for (const [model, rate] of Object.entries(plan.models)) {
      facts.usage.push({
        day: dayText,
        model,
        inputTokens: Math.round(rate.input * dollars),
        outputTokens: Math.round(rate.output * dollars),
        cachedInputTokens: Math.round(rate.cached * dollars),
        cacheWriteTokens: 0,
        requests: Math.round(rate.requestsPerDollar * dollars),
        source: 'official'
      })
    }
    poll(db, plan.id, at, facts, hooks)
    today = facts.spend.reduce((sum, line) => sum + line.amountMicros, 0)
  }
  return today
}

function seedManualAccount(db: Database, accounts: AccountsRepo, now: Date): void {
  const account = insertAccount(accounts, now, manualDemoAccount, null)
  const entries: { ago: number; kind: 'purchase' | 'renewal' | 'balance' | 'grant'; amount: number; expiresInDays?: number; note: string }[] = [
    { ago: 175, kind: 'grant', amount: 500, expiresInDays: 30, note: 'Free workspace grant' },
    { ago: 170, kind: 'purchase', amount: 10_000, expiresInDays: 3 * 365, note: 'Credit package purchase' }
  ]
  for (let month = 5; month >= 0; month -= 1) {
    entries.push({ ago: month * 30 + 12, kind: 'renewal', amount: 2000, expiresInDays: 30, note: 'Subscription renewal (monthly credits)' })
  }
  let figure = 10_500
  for (let ago = 160; ago >= 2; ago -= 14) {
    figure = Math.max(900, Math.round(figure * 0.93 + (ago % 30 < 14 ? 600 : 0)))
    entries.push({ ago, kind: 'balance', amount: figure, note: 'Balance on the workspace page' })
  }
  entries.sort((a, b) => b.ago - a.ago)
  for (const entry of entries) {
    const at = dayAt(now, entry.ago, 10)
    recordCredit(
      db,
      account,
      {
        accountId: account.id,
        kind: entry.kind,
        amount: String(entry.amount),
        unit: manualDemoAccount.unit,
        at: at.toISOString(),
        expiresAt: entry.expiresInDays ? new Date(at.getTime() + entry.expiresInDays * DAY_MS).toISOString() : undefined,
        note: entry.note
      },
      at
    )
  }
}
