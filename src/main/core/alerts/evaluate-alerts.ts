import type { Database } from 'better-sqlite3'
import { formatMoney, microsToDecimal, toMicros } from '../../../shared/money'
import type { AccountRecord } from '../ledger/accounts-repo'
import { AlertFacts } from './alert-facts'
import { cached } from '../ledger/statements'
import { stepAlert, type MachineContext } from './alert-machine'
import type { Condition } from './alert-model'
import { AlertsRepo } from './alerts-repo'
import { budgetWindow } from './budget-math'
import { accountConditions, budgetConditions, spendableBalance } from './conditions'

/** Suggested low-balance lines, per currency, for the default rule (see defaultLowBalanceRule). */
export const DEFAULT_LOW_BALANCE: Readonly<Record<string, string>> = { USD: '5', EUR: '5', GBP: '5', CNY: '35' }

/** What one evaluation changed. */
export interface EvaluationResult {
  fired: number[]
  resolved: number[]
  woken: number[]
}

/** Inputs of {@link evaluateAlerts}. */
export interface EvaluateOptions {
  now: Date
  accounts: readonly AccountRecord[]
  /** Runway from the ledger's derivations, when it has one. */
  runwayDays(account: AccountRecord): number | null
  /** The account a poll just ingested: checked for a top-up to announce. */
  polledAccountId?: string
  /**
   * Evaluate only these accounts (their rules, key checks and budgets, plus global budgets);
   * alerts of other accounts are left exactly as they are. Omitted = every account. The ingest
   * hook passes the polled account, so a poll costs one account's queries, not all of them.
   */
  onlyAccountIds?: ReadonlySet<string>
}

/**
 * Evaluates every rule, budget and key check against the ledger and moves alert state, in one
 * transaction (nested inside the ingest transaction when called from the ingest hook). Pure
 * decisions live in conditions.ts and alert-machine.ts; this function only reads and writes.
 */
export function evaluateAlerts(db: Database, options: EvaluateOptions): EvaluationResult {
  return db.transaction(() => {
    const repo = new AlertsRepo(db)
    const facts = new AlertFacts(db)
    const now = options.now
    const nowIso = now.toISOString()
    const result: EvaluationResult = { fired: [], resolved: [], woken: [] }
    const conditions: Condition[] = []
    const labels = new Map(options.accounts.map((account) => [account.id, account.label]))

    const scope = options.onlyAccountIds
    const inScope = (accountId: string | null): boolean => !scope || accountId === null || scope.has(accountId)
    for (const account of options.accounts) {
      if (!inScope(account.id)) continue
      const autoReload = repo.autoReload(account.id)
      // Runway and credit lots cost derivation queries: only worked out for accounts with such a rule.
      const rules = repo.listRules(account.id).filter((rule) => rule.enabled)
      const wantsRunway = rules.some((rule) => rule.kind === 'runway')
      const wantsLots = rules.some((rule) => rule.kind === 'expiring_credit')
      const accountFacts = facts.forAccount(account, autoReload, now, wantsRunway ? options.runwayDays(account) : null, { runway: wantsRunway, lots: wantsLots })
      applyDefaultRules(repo, accountFacts.accountId, spendableBalance(accountFacts, null), nowIso)
      // Listed again, unfiltered: applyDefaultRules may just have added this account's first rule.
      conditions.push(...accountConditions(accountFacts, repo.listRules(account.id), now))
      if (account.id === options.polledAccountId && autoReload) announceTopUp(db, repo, facts, account, nowIso, result)
    }
    for (const budget of repo.listBudgets()) {
      if (budget.accountId !== null && (!labels.has(budget.accountId) || !inScope(budget.accountId))) continue
      const window = budgetWindow(budget.period, now)
      const scope = budget.accountId === null ? 'All accounts' : (labels.get(budget.accountId) as string)
      conditions.push(...budgetConditions(budget, facts.spent(budget.accountId, budget.unit, window), window, scope))
    }

    const machine: MachineContext = {
      now,
      toppedUpSince: (accountId, since, minRise) => accountId !== null && since !== null && facts.toppedUpSince(accountId, since, minRise)
    }
    const byKey = new Map(conditions.map((condition) => [condition.key, condition]))
    const open = new Map(repo.openAlerts().map((alert) => [alert.key, alert]))
    for (const [key, alert] of open) {
      // Out of scope: another account's alert, which this evaluation has no conditions for.
      if (!inScope(alert.accountId)) continue
      // Global alerts are budgets (evaluated every time); nothing else is global.
      const condition = byKey.get(key) ?? null
      const action = stepAlert(alert, condition, machine)
      if (action.type === 'resolve') {
        repo.resolve(alert.id, nowIso)
        result.resolved.push(alert.id)
      } else if (action.type === 'unlatch') {
        repo.unlatch(alert.id, nowIso)
      } else if (action.type === 'wake' && condition) {
        repo.update(alert.id, condition, nowIso)
        repo.wake(alert.id, nowIso)
        result.woken.push(alert.id)
      } else if (action.type === 'update' && condition) {
        repo.update(alert.id, condition, nowIso)
      }
    }
    for (const condition of conditions) {
      if (stepAlert(open.get(condition.key), condition, machine).type === 'fire') {
        const id = repo.fire(condition, nowIso)
        if (id !== null) result.fired.push(id)
      }
    }
    return result
  })()
}

/**
 * The default rule Coffer offers a new account: once its first balance is known, and only if the
 * user has set no rule yet, a low-balance alert at a sensible line for its currency (USD/EUR/GBP 5,
 * CNY 35). Applied once per account: a rule the user deletes stays deleted.
 */
function applyDefaultRules(repo: AlertsRepo, accountId: string, primary: { unit: string } | null, now: string): void {
  if (!primary || repo.defaultsApplied(accountId)) return
  repo.markDefaultsApplied(accountId)
  // Own keys only: a manual account's unit may be any name, `constructor` included.
  const line = Object.hasOwn(DEFAULT_LOW_BALANCE, primary.unit) ? DEFAULT_LOW_BALANCE[primary.unit] : undefined
  if (!line || repo.listRules(accountId).length > 0) return
  repo.upsertRule(
    { accountId, kind: 'low_balance', thresholdMicros: toMicros(line), unit: primary.unit, days: null, enabled: true, webhookUrl: null, webhookFormat: 'auto', webhookAllowLocal: false },
    now
  )
}

/** For auto-reload accounts: a balance rise since the previous poll is announced (born resolved). */
function announceTopUp(db: Database, repo: AlertsRepo, facts: AlertFacts, account: AccountRecord, now: string, result: EvaluationResult): void {
  const rise = facts.latestRise(account.id)
  if (!rise) return
  const key = `topup:${account.id}:${rise.runId}`
  if (cached(db, 'SELECT 1 FROM alerts WHERE condition_key = ?').get(key)) return
  const shown = (micros: number): string => formatMoney({ amount: microsToDecimal(micros), unit: rise.unit }, 'en-US')
  const id = repo.fire(
    {
      key,
      accountId: account.id,
      kind: 'topup_detected',
      severity: 'info',
      state: 'on',
      message: `${account.label} was topped up by ${shown(rise.deltaMicros)} (now ${shown(rise.amountMicros)}).`,
      valueMicros: rise.deltaMicros,
      unit: rise.unit,
      ruleId: null,
      budgetId: null,
      webhook: null
    },
    now,
    'resolved'
  )
  if (id !== null) result.fired.push(id)
}
