import type { AlertView } from '../../../shared/contract/alerts-calls'
import type { CoreContext } from '../core-context'
import type { IngestHook } from '../ledger/ingest'
import type { AccountRecord } from '../ledger/accounts-repo'
import { AlertsRepo, type AlertRecord } from './alerts-repo'
import { evaluateAlerts, type EvaluationResult } from './evaluate-alerts'
import { planNotifications, throttleKey } from './notify-plan'
import { alertView } from './alert-views'
import { buildWebhookRequest, sendWebhook, type LookupAll } from './webhook'

/**
 * Wires the alert engine into core: evaluates inside every ingest (an ingest hook, so alert state
 * commits with the poll that caused it), and after the commit announces new alerts (the
 * `alerts:fired` event, which the shell turns into notifications and the renderer into a banner)
 * and sends their webhooks. Delivery never blocks or fails an ingest.
 */
export class AlertService {
  readonly repo: AlertsRepo
  private deliveryQueued = false
  /** Alert state changed since the last `alerts:changed` event. */
  private dirty = false
  private readonly inFlight = new Set<Promise<void>>()
  private closed = false

  constructor(
    private readonly context: CoreContext,
    /** `lookup`: how webhook host names are resolved before sending (tests inject one). */
    private readonly options: { utcOffsetMinutes?: (now: Date) => number; lookup?: LookupAll } = {}
  ) {
    this.repo = new AlertsRepo(context.db)
  }

  /** The ingest hook: evaluate in the ingest transaction, deliver once it has committed. */
  readonly ingestHook: IngestHook = (_db, record) => {
    try {
      this.evaluate(record.accountId)
    } catch (error) {
      // evaluateAlerts runs in a savepoint, already rolled back here: the poll's own facts still
      // commit. A bug in alerting must never cost the user their balance history.
      console.error(`Coffer: alert evaluation after polling ${record.accountId} failed:`, (error as Error).message)
    }
    this.queueDelivery()
  }

  /**
   * Evaluates rules and budgets now: those of `polledAccountId` (and global budgets) after its
   * poll, or everything (after rules, budgets or settings change, and when alerts are listed).
   */
  evaluate(polledAccountId?: string): EvaluationResult {
    const accounts = this.context.accounts.list()
    const result = evaluateAlerts(this.context.db, {
      now: this.context.now(),
      accounts,
      runwayDays: (account) => this.runwayOf(account),
      polledAccountId,
      onlyAccountIds: polledAccountId ? new Set([polledAccountId]) : undefined
    })
    if (result.fired.length + result.resolved.length + result.woken.length > 0) this.dirty = true
    return result
  }

  /** Something the user did (snooze, dismiss…) changed alert state: tell the UI with the next delivery. */
  markChanged(): void {
    this.dirty = true
    this.queueDelivery()
  }

  /** Re-evaluates and delivers right away (outside any ingest). */
  async refresh(): Promise<void> {
    this.evaluate()
    await this.deliver()
  }

  /**
   * Schedules {@link deliver} for after the current synchronous ingest transaction: a microtask
   * runs only once `ingestPoll` has returned, i.e. committed (or rolled back, in which case the
   * ledger holds nothing new to announce).
   */
  queueDelivery(): void {
    if (this.deliveryQueued || this.closed) return
    this.deliveryQueued = true
    queueMicrotask(() => {
      this.deliveryQueued = false
      if (!this.closed) void this.deliver().catch((error: unknown) => console.error('Coffer: alert delivery failed:', (error as Error).message))
    })
  }

  /** Announces what has not been announced (quiet hours permitting) and sends webhooks. */
  async deliver(): Promise<void> {
    if (this.closed) return
    const now = this.context.now()
    const candidates = this.repo.toAnnounce(now)
    // Only real changes are announced: the renderer answers `alerts:changed` with `alerts:list`,
    // which evaluates again, so an unconditional event would loop.
    if (this.dirty || candidates.length > 0) {
      this.dirty = false
      this.context.emit('alerts:changed', {})
    }
    if (candidates.length === 0) return
    const quietHours = this.repo.quietHours()
    const plan = planNotifications({
      now,
      utcOffsetMinutes: (this.options.utcOffsetMinutes ?? ((date) => -date.getTimezoneOffset()))(now),
      quietHours,
      candidates,
      lastShown: this.lastShown()
    })
    const delivered = [...plan.show, ...plan.silenced]
    this.repo.markNotified(
      delivered.map((candidate) => candidate.id),
      now.toISOString()
    )
    if (plan.show.length > 0) {
      const shown = new Set(plan.show.map((candidate) => candidate.id))
      const views = this.views(candidates.filter((candidate) => shown.has(candidate.id)))
      this.context.emit('alerts:fired', { alerts: views, summary: plan.summary })
    }
    const webhooks = candidates.filter((candidate) => delivered.some((d) => d.id === candidate.id) && candidate.webhookUrl)
    await Promise.all(webhooks.map((alert) => this.track(this.sendOne(alert))))
  }

  /** Waits for webhook deliveries in flight (tests, and a clean shutdown). */
  async settle(): Promise<void> {
    while (this.deliveryQueued || this.inFlight.size > 0) {
      await Promise.resolve()
      await Promise.allSettled([...this.inFlight])
    }
  }

  close(): void {
    this.closed = true
  }

  /** Alert rows as the bridge shows them. */
  views(records: readonly AlertRecord[]): AlertView[] {
    const accounts = new Map(this.context.accounts.list().map((account) => [account.id, account]))
    return records.map((record) => alertView(record, record.accountId ? accounts.get(record.accountId) : undefined))
  }

  private async sendOne(alert: AlertRecord): Promise<void> {
    if (!alert.webhookUrl) return
    const account = alert.accountId ? this.context.accounts.get(alert.accountId) : undefined
    const request = buildWebhookRequest(alert.webhookUrl, alert.webhookFormat ?? 'auto', {
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      accountLabel: account?.label ?? null,
      message: alert.message,
      firedAt: alert.firedAt
    })
    const result = await sendWebhook(request, { fetch: this.context.fetch, allowLocal: alert.webhookAllowLocal, lookup: this.options.lookup })
    if (this.closed) return
    this.repo.setWebhookResult(alert.id, result.ok ? 'sent' : 'failed', result.ok ? null : result.error)
    if (!result.ok) console.warn(`Coffer: webhook for alert ${alert.id} failed: ${result.error}`)
  }

  private track(promise: Promise<void>): Promise<void> {
    const tracked = promise.finally(() => this.inFlight.delete(tracked))
    this.inFlight.add(tracked)
    return tracked
  }

  /** When each account+kind was last announced, from the ledger (survives restarts and CLI runs). */
  private lastShown(): Map<string, number> {
    return new Map(this.repo.lastNotified().map((row) => [throttleKey(row), Date.parse(row.at)]))
  }

  private runwayOf(account: AccountRecord): number | null {
    for (const provide of this.context.accountExtras) {
      const runway = provide(account).runwayDays
      if (typeof runway === 'number' && Number.isFinite(runway)) return runway
    }
    return null
  }
}
