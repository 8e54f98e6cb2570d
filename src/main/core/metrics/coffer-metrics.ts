import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import { alertKinds, alertSeverities } from '../../../shared/alerts'
import type { CallName, Handlers, Req, Res } from '../../../shared/contract'
import { CofferError } from '../../../shared/errors'
import type { AccountView } from '../../../shared/contract/schemas'
import { fromMicros } from './metrics-numbers'
import { dayOf } from '../ledger/days'
import type { Core } from '../app'
import { dispatchCall } from '../dispatch'
import { opaqueAccountName, safeLabelValue, type AccountLabelOptions } from './metrics-labels'
import { pollRunsAfter, spendTotals } from './metrics-queries'

/** Histogram buckets of a poll's duration, in seconds (a poll is one to a few HTTP requests). */
const POLL_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
/** Poll runs read per scrape at most (the first scrape of a long history catches up over a few). */
const POLL_RUNS_PER_SCRAPE = 50_000

const ACCOUNT_LABELS = ['account', 'label', 'provider'] as const

/** What `/metrics` answers: the Prometheus text exposition and its content type. */
export interface MetricsExposition {
  contentType: string
  body: string
}

/** The Prometheus metrics of one core (`coffer serve --metrics`). */
export interface CofferMetrics {
  /** Reads the ledger now and renders every series. */
  render(): Promise<MetricsExposition>
}

/**
 * Builds Coffer's Prometheus metrics with prom-client on a private registry (never the global one:
 * two cores in one process, as in tests, must not share series). Every scrape reads the ledger,
 * so figures written by other processes (the app, `coffer poll` from cron) show up at once.
 *
 * Series (names per https://prometheus.io/docs/practices/naming/, units in the name):
 * - `coffer_balance{account,label,provider,unit,kind,source}`: each balance the account view shows;
 * - `coffer_spend_total{account,label,provider,unit}`: cumulative spend in the ledger (a counter;
 *   a correction that lowers recorded spend shows as a counter reset, which `rate()` tolerates);
 * - `coffer_spend_today{…}`: spend of the current UTC day;
 * - `coffer_runway_days{account,label,provider,unit}`: days until the balance reaches zero at the
 *   recent pace (absent when unknown or not running down);
 * - `coffer_budget_used_ratio{account,label,provider,period,unit}`: spent / limit (1 = at the limit;
 *   `account="all"` for a global limit);
 * - `coffer_alerts_open{kind,severity}`: active alerts (every kind and severity, zeros included);
 * - `coffer_poll_last_success_timestamp_seconds{account,label,provider}`;
 * - `coffer_poll_duration_seconds{provider}` (histogram) and `coffer_poll_failures_total{provider,status}`:
 *   every poll recorded in the ledger, by any process, read incrementally from `poll_runs`.
 */
export function createCofferMetrics(core: Pick<Core, 'handlers' | 'context'>, options: AccountLabelOptions): CofferMetrics {
  const registry = new Registry()
  const registers = [registry]
  const balance = new Gauge({ name: 'coffer_balance', help: 'Balance of an account in a unit, as the account view shows it (kind: total, granted, paid…; source: official, derived, manual).', labelNames: [...ACCOUNT_LABELS, 'unit', 'kind', 'source'], registers })
  const spendTotal = new Counter({ name: 'coffer_spend_total', help: 'Cumulative spend recorded in the ledger for an account, per unit.', labelNames: [...ACCOUNT_LABELS, 'unit'], registers })
  const spendToday = new Gauge({ name: 'coffer_spend_today', help: 'Spend of the current UTC day for an account, per unit.', labelNames: [...ACCOUNT_LABELS, 'unit'], registers })
  const runway = new Gauge({ name: 'coffer_runway_days', help: 'Days until the balance reaches zero at the recent pace (absent when unknown or not running down).', labelNames: [...ACCOUNT_LABELS, 'unit'], registers })
  const budgetRatio = new Gauge({ name: 'coffer_budget_used_ratio', help: 'Spend in the current window divided by the spend limit (1 = at the limit); account="all" is a global limit.', labelNames: [...ACCOUNT_LABELS, 'period', 'unit'], registers })
  const alertsOpen = new Gauge({ name: 'coffer_alerts_open', help: 'Active alerts by kind and severity.', labelNames: ['kind', 'severity'], registers })
  const lastSuccess = new Gauge({ name: 'coffer_poll_last_success_timestamp_seconds', help: 'Unix time of the account’s last successful poll.', labelNames: ACCOUNT_LABELS, registers })
  const pollDuration = new Histogram({ name: 'coffer_poll_duration_seconds', help: 'Duration of polls recorded in the ledger.', labelNames: ['provider'], buckets: POLL_DURATION_BUCKETS, registers })
  const pollFailures = new Counter({ name: 'coffer_poll_failures_total', help: 'Polls that did not end ok, by resulting account status.', labelNames: ['provider', 'status'], registers })
  let lastPollRunId = 0
  // Through dispatchCall, as every transport: the request gets the contract's defaults.
  const call = async <N extends CallName>(name: N, request: Req<N>): Promise<Res<N>> => {
    const result = await dispatchCall(core.handlers as Handlers, name, request)
    if (!result.ok) throw new CofferError(result.code, result.message)
    return result.value as Res<N>
  }

  const accountLabels = (account: Pick<AccountView, 'id' | 'provider' | 'label'>) => ({
    account: options.identify ? account.id : opaqueAccountName(account.provider, account.id),
    label: options.identify ? safeLabelValue(account.label) : '',
    provider: account.provider
  })

  async function refresh(): Promise<void> {
    const now = core.context.now()
    const accounts = await call('accounts:list', {})
    const byId = new Map(accounts.map((account) => [account.id, account]))
    for (const gauge of [balance, spendToday, runway, budgetRatio, lastSuccess]) gauge.reset()
    spendTotal.reset()
    for (const account of accounts) {
      const labels = accountLabels(account)
      for (const figure of account.balances) balance.set({ ...labels, unit: figure.unit, kind: figure.kind, source: figure.source }, Number(figure.amount))
      if (account.pace?.runwayDays !== null && account.pace?.runwayDays !== undefined) runway.set({ ...labels, unit: account.pace.unit }, account.pace.runwayDays)
      if (account.lastSuccessAt) lastSuccess.set(labels, Date.parse(account.lastSuccessAt) / 1000)
    }
    for (const row of spendTotals(core.context.db, dayOf(now))) {
      const account = byId.get(row.accountId)
      if (!account) continue
      const labels = { ...accountLabels(account), unit: row.unit }
      // A counter cannot go below zero: refunds larger than all spend count as none.
      spendTotal.inc(labels, Math.max(0, fromMicros(row.totalMicros)))
      spendToday.set(labels, fromMicros(row.todayMicros))
    }
    const { budgets } = await call('budgets:list', {})
    for (const budget of budgets) {
      const account = budget.accountId ? byId.get(budget.accountId) : undefined
      const labels = account ? accountLabels(account) : { account: 'all', label: '', provider: '' }
      const limit = Number(budget.limit.amount)
      if (limit > 0) budgetRatio.set({ ...labels, period: budget.period, unit: budget.limit.unit }, Number(budget.spent) / limit)
    }
    const { alerts } = await call('alerts:list', { states: ['active'], limit: 1000 })
    for (const kind of alertKinds) for (const severity of alertSeverities) alertsOpen.set({ kind, severity }, 0)
    for (const alert of alerts) alertsOpen.inc({ kind: alert.kind, severity: alert.severity })
    for (const run of pollRunsAfter(core.context.db, lastPollRunId, POLL_RUNS_PER_SCRAPE)) {
      pollDuration.observe({ provider: run.provider }, run.durationMs / 1000)
      if (run.status !== 'ok') pollFailures.inc({ provider: run.provider, status: run.status })
      lastPollRunId = run.id
    }
  }

  // One scrape at a time: a refresh resets the gauges and reads new poll runs across awaits, so two
  // interleaved scrapes could each print half-filled gauges or count a poll twice.
  let last: Promise<unknown> = Promise.resolve()
  return {
    render() {
      const next = last.then(async () => {
        await refresh()
        return { contentType: registry.contentType, body: await registry.metrics() }
      })
      last = next.catch(() => undefined)
      return next
    }
  }
}
