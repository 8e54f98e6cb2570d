import type { AccountStatus } from '../../../shared/account-status'
import { isTransient, nextPollDelay } from './next-poll-delay'

/** Timers and time, injected so scheduling can be tested with a fake clock. */
export interface PollerClock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The real clock; its timers never keep the process alive. */
export const systemClock: PollerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    // A pending poll must not keep a CLI process alive.
    handle.unref?.()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout)
}

/** One account as the scheduler sees it. */
export interface ScheduledAccount {
  id: string
  pollIntervalMinutes: number
  /** When its last poll finished (ms since epoch), or `null` if never polled. */
  lastFinishedAt: number | null
  /** The Retry-After its last poll was given, so a restart does not ask a rate-limited provider early. */
  lastRetryAfterMs?: number | null
}

/** What the {@link Poller} schedules and how it polls; `clock` and `random` are injected for tests. */
export interface PollerOptions<R extends { status: AccountStatus; retryAfterMs: number | null }> {
  clock: PollerClock
  random: () => number
  accounts: () => ScheduledAccount[]
  /**
   * One account's poll interval in minutes, or `null` once it is removed. Why beside `accounts`:
   * asked after every poll, a full listing made refreshing n accounts cost n² reads.
   */
  intervalMinutesOf?: (accountId: string) => number | null
  poll: (accountId: string) => Promise<R>
  /** Reports a poll that threw (a ledger failure, a bug): scheduling carries on. */
  onError?: (accountId: string, error: unknown) => void
}

/**
 * Polls each account on its own interval, with backoff after transient failures. Never runs two
 * polls of one account at once: asking again while one is in flight returns the same promise.
 */
export class Poller<R extends { status: AccountStatus; retryAfterMs: number | null }> {
  private readonly timers = new Map<string, unknown>()
  private readonly inFlight = new Map<string, Promise<R>>()
  private readonly failures = new Map<string, number>()
  /** The interval each pending timer was computed with, to tell whether a refresh must redo it. */
  private readonly intervals = new Map<string, number>()
  private running = false

  constructor(private readonly options: PollerOptions<R>) {}

  /** Schedules every account: overdue ones right away, the others when their interval ends. */
  start(): void {
    this.running = true
    for (const account of this.options.accounts()) this.scheduleFromHistory(account)
  }

  /** Cancels every timer (app quit, system suspend, offline). In-flight polls finish. */
  stop(): void {
    this.running = false
    for (const handle of this.timers.values()) this.options.clock.clearTimeout(handle)
    this.timers.clear()
    this.intervals.clear()
  }

  /**
   * Re-reads accounts (after add, edit or remove): schedules new ones, drops removed ones and
   * redoes those whose interval changed. Other timers stay as they are: rescheduling them from
   * history would forget a backoff or a Retry-After wait whenever any account changes.
   */
  refreshSchedule(): void {
    if (!this.running) return
    const accounts = this.options.accounts()
    const known = new Set(accounts.map((account) => account.id))
    for (const [accountId, handle] of this.timers) {
      if (known.has(accountId)) continue
      this.options.clock.clearTimeout(handle)
      this.timers.delete(accountId)
      this.intervals.delete(accountId)
      this.failures.delete(accountId)
    }
    for (const account of accounts) {
      if (this.inFlight.has(account.id)) continue // scheduled when that poll finishes
      const unchanged = this.timers.has(account.id) && this.intervals.get(account.id) === account.pollIntervalMinutes * 60_000
      if (!unchanged) this.scheduleFromHistory(account)
    }
  }

  isPolling(accountId: string): boolean {
    return this.inFlight.has(accountId)
  }

  /** Polls now (refresh). Joins an in-flight poll of the same account instead of starting another. */
  pollNow(accountId: string): Promise<R> {
    const existing = this.inFlight.get(accountId)
    if (existing) return existing
    const run = this.options
      .poll(accountId)
      .then((result) => {
        this.afterPoll(accountId, result)
        return result
      })
      .finally(() => this.inFlight.delete(accountId))
    this.inFlight.set(accountId, run)
    return run
  }

  private scheduleFromHistory(account: ScheduledAccount): void {
    const intervalMs = account.pollIntervalMinutes * 60_000
    const wait = Math.max(intervalMs, account.lastRetryAfterMs ?? 0)
    const due = account.lastFinishedAt === null ? 0 : account.lastFinishedAt + wait - this.options.clock.now()
    this.schedule(account.id, Math.max(0, due), intervalMs)
  }

  private schedule(accountId: string, delayMs: number, intervalMs: number): void {
    if (!this.running) return
    const previous = this.timers.get(accountId)
    if (previous !== undefined) this.options.clock.clearTimeout(previous)
    const handle = this.options.clock.setTimeout(() => {
      this.timers.delete(accountId)
      this.intervals.delete(accountId)
      this.pollNow(accountId).catch((error: unknown) => {
        this.options.onError?.(accountId, error)
        const current = this.intervalOf(accountId)
        if (current !== null) this.schedule(accountId, current, current)
      })
    }, delayMs)
    this.timers.set(accountId, handle)
    this.intervals.set(accountId, intervalMs)
  }

  private afterPoll(accountId: string, result: R): void {
    const failures = isTransient(result.status) ? (this.failures.get(accountId) ?? 0) + 1 : 0
    this.failures.set(accountId, failures)
    const intervalMs = this.intervalOf(accountId)
    if (intervalMs === null) return // removed meanwhile
    this.schedule(
      accountId,
      nextPollDelay({ intervalMs, status: result.status, consecutiveFailures: failures, retryAfterMs: result.retryAfterMs, random: this.options.random() }),
      intervalMs
    )
  }

  private intervalOf(accountId: string): number | null {
    const minutes = this.options.intervalMinutesOf
      ? this.options.intervalMinutesOf(accountId)
      : (this.options.accounts().find((candidate) => candidate.id === accountId)?.pollIntervalMinutes ?? null)
    return minutes === null ? null : minutes * 60_000
  }
}
