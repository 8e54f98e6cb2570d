import { DEFAULT_BUDGET_THRESHOLDS, webhookTargetProblem } from '../../../shared/alerts'
import type { Handlers } from '../../../shared/contract'
import { CofferError } from '../../../shared/errors'
import { microsToDecimal, toMicros } from '../../../shared/money'
import { requireAccount } from '../accounts/account-service'
import type { CoreContext } from '../core-context'
import { AlertFacts } from './alert-facts'
import type { AlertService } from './alert-service'
import { alertLevel, budgetView, ruleView } from './alert-views'
import { budgetWindow, normaliseThresholds } from './budget-math'
import { readHome } from '../ledger/fx'
import { buildWebhookRequest, sendWebhook } from './webhook'

type AlertsHandlers = Pick<
  Handlers,
  | 'alerts:list'
  | 'alerts:snooze'
  | 'alerts:dismiss'
  | 'alerts:settings'
  | 'alerts:update-settings'
  | 'alerts:set-auto-reload'
  | 'alerts:test-webhook'
  | 'rules:list'
  | 'rules:set'
  | 'rules:remove'
  | 'budgets:list'
  | 'budgets:set'
  | 'budgets:remove'
>

const HOUR_MS = 3_600_000

/** Implements alerts, rules, budgets and alert settings over the {@link AlertService}. */
export function createAlertsHandlers(context: CoreContext, service: AlertService): AlertsHandlers {
  const repo = service.repo

  const requireAlert = (id: number) => {
    const alert = repo.get(id)
    if (!alert) throw new CofferError('not_found', `No alert with id ${id}. Run \`coffer alerts\` to see them.`)
    return alert
  }
  const settings = () => ({
    quietHours: repo.quietHours(),
    autoReload: context.accounts.list().filter((account) => repo.autoReload(account.id)).map((account) => account.id)
  })
  /** The unit a budget or rule means when the user gave none: the account's primary balance unit. */
  const defaultUnit = (accountId: string | null): string => {
    if (accountId === null) return readHome(context.db)
    const balances = context.accountState.sortedBalances(accountId)
    return balances.find((balance) => balance.kind === 'total')?.unit ?? balances[0]?.unit ?? context.accountState.ownUnitOf(accountId) ?? readHome(context.db)
  }
  const viewBudget = (id: number) => {
    const budget = repo.getBudget(id)
    if (!budget) throw new CofferError('not_found', `No budget with id ${id}.`)
    const window = budgetWindow(budget.period, context.now())
    const label = budget.accountId ? (context.accounts.get(budget.accountId)?.label ?? null) : null
    // A fresh AlertFacts: it reads rates once, and they may have changed since the last call.
    return budgetView(budget, new AlertFacts(context.db).spent(budget.accountId, budget.unit, window), window, label)
  }

  return {
    'alerts:list': async ({ states, accountId, limit }) => {
      // A snooze that ran out shows as active at once, without waiting for the next poll.
      try {
        // A read-only ledger (a snapshot of a folder Coffer cannot write) shows what is recorded.
        if (!context.db.readonly) {
          service.evaluate()
          service.queueDelivery()
        }
      } catch (error) {
        // Listing what is recorded still works when re-evaluating does not.
        console.error('Coffer: alert evaluation failed:', (error as Error).message)
      }
      const alerts = service.views(repo.list({ states, accountId, limit }))
      const open = states && !states.includes('active') ? service.views(repo.list({ states: ['active'], limit: 1000 })) : alerts
      return { alerts, level: alertLevel(open) }
    },

    'alerts:snooze': async ({ id, snooze }) => {
      const alert = requireAlert(id)
      if (alert.state === 'resolved') throw new CofferError('conflict', 'That alert is already resolved; there is nothing to snooze.')
      const now = context.now()
      const until = snooze === '1h' ? new Date(now.getTime() + HOUR_MS) : snooze === '1d' ? new Date(now.getTime() + 24 * HOUR_MS) : null
      repo.snooze(id, until?.toISOString() ?? null, snooze === 'until_topup', now.toISOString())
      service.markChanged()
      return service.views([requireAlert(id)])[0] as ReturnType<AlertService['views']>[number]
    },

    'alerts:dismiss': async ({ id }) => {
      const alert = requireAlert(id)
      if (alert.state === 'resolved') throw new CofferError('conflict', 'That alert is already resolved.')
      repo.dismiss(id, context.now().toISOString())
      service.markChanged()
      return service.views([requireAlert(id)])[0] as ReturnType<AlertService['views']>[number]
    },

    'alerts:settings': async () => settings(),

    'alerts:update-settings': async ({ quietHours }) => {
      repo.setQuietHours(quietHours)
      await service.refresh()
      return settings()
    },

    'alerts:set-auto-reload': async ({ accountId, autoReload }) => {
      requireAccount(context, accountId)
      repo.setAutoReload(accountId, autoReload)
      await service.refresh()
      return { accountId, autoReload }
    },

    'alerts:test-webhook': async ({ url, format, allowLocal }) => {
      requireWebhookTarget(url, allowLocal)
      const request = buildWebhookRequest(url, format, {
        id: 0,
        kind: 'low_balance',
        severity: 'info',
        accountLabel: null,
        message: 'Test from Coffer: alerts will arrive here.',
        firedAt: context.now().toISOString()
      })
      const result = await sendWebhook(request, { fetch: context.fetch, allowLocal })
      return result.ok ? { ok: true, error: null } : { ok: false, error: result.error }
    },

    'rules:list': async ({ accountId }) => repo.listRules(accountId).map(ruleView),

    'rules:set': async (request) => {
      requireAccount(context, request.accountId)
      const existing = repo.listRules(request.accountId).find((rule) => rule.kind === request.kind)
      const webhookAllowLocal = request.webhookAllowLocal ?? existing?.webhookAllowLocal ?? false
      if (request.webhookUrl) requireWebhookTarget(request.webhookUrl, webhookAllowLocal)
      const rule = repo.upsertRule(
        {
          accountId: request.accountId,
          kind: request.kind,
          thresholdMicros: request.kind === 'low_balance' && request.below ? userMicros(request.below.amount) : null,
          unit: request.kind === 'low_balance' ? (request.below?.unit ?? null) : null,
          days: request.kind === 'low_balance' ? null : (request.days ?? null),
          enabled: request.enabled,
          webhookUrl: request.webhookUrl ?? null,
          webhookFormat: request.webhookFormat,
          webhookAllowLocal
        },
        context.now().toISOString()
      )
      // The user chose their own rules: no default will be added later.
      repo.markDefaultsApplied(request.accountId)
      await service.refresh()
      return ruleView(rule)
    },

    'rules:remove': async ({ id }) => {
      if (!repo.removeRule(id)) throw new CofferError('not_found', `No alert rule with id ${id}.`)
      await service.refresh()
      return { removed: true as const }
    },

    'budgets:list': async () => {
      const labels = new Map(context.accounts.list().map((account) => [account.id, account.label]))
      const budgets = repo.listBudgets().map((budget) => viewBudget(budget.id))
      const providerLimits = [...labels.keys()].flatMap((accountId) =>
        context.accountState
          .latestBalances(accountId)
          .filter((balance) => balance.kind === 'key_limit' || balance.kind === 'key_limit_remaining')
          .map((balance) => ({
            accountId,
            kind: balance.kind as 'key_limit' | 'key_limit_remaining',
            amount: microsToDecimal(balance.amountMicros),
            unit: balance.unit
          }))
      )
      return { budgets, providerLimits }
    },

    'budgets:set': async (request) => {
      if (request.accountId !== null) requireAccount(context, request.accountId)
      const unit = request.unit ?? defaultUnit(request.accountId)
      const existing = repo.listBudgets().find((budget) => budget.accountId === request.accountId && budget.period === request.period && budget.unit === unit)
      const webhookAllowLocal = request.webhookAllowLocal ?? existing?.webhookAllowLocal ?? false
      if (request.webhookUrl) requireWebhookTarget(request.webhookUrl, webhookAllowLocal)
      const budget = repo.upsertBudget(
        {
          accountId: request.accountId,
          period: request.period,
          limitMicros: userMicros(request.limit),
          unit,
          thresholds: normaliseThresholds(request.thresholds, DEFAULT_BUDGET_THRESHOLDS),
          webhookUrl: request.webhookUrl ?? null,
          webhookFormat: request.webhookFormat,
          webhookAllowLocal
        },
        context.now().toISOString()
      )
      await service.refresh()
      return viewBudget(budget.id)
    },

    'budgets:remove': async ({ id }) => {
      if (!repo.removeBudget(id)) throw new CofferError('not_found', `No budget with id ${id}.`)
      await service.refresh()
      return { removed: true as const }
    }
  }
}

/**
 * Refuses a webhook to this machine, the local network or a link-local address (by IP or
 * `localhost`) unless the user allowed local targets; names are checked again when sending.
 */
function requireWebhookTarget(url: string, allowLocal: boolean): void {
  const problem = webhookTargetProblem(url, allowLocal)
  if (problem) throw new CofferError('bad_request', problem)
}

/** A user amount in micro-units, or a usage error (too large to be a real amount). */
function userMicros(amount: string): number {
  try {
    return toMicros(amount)
  } catch {
    throw new CofferError('bad_request', `${amount} is too large. Enter an amount below 9,000,000,000.`)
  }
}
