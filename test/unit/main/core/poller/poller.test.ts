import { describe, expect, it } from 'vitest'
import type { AccountStatus } from '../../../../../src/shared/account-status'
import { BACKOFF_BASE_MS } from '../../../../../src/main/core/poller/next-poll-delay'
import { Poller, type ScheduledAccount } from '../../../../../src/main/core/poller/poller'
import { FakeClock, settle } from '../../../../helpers/fake-clock'

interface Result {
  status: AccountStatus
  retryAfterMs: number | null
}

/** A poll function the test answers by hand, recording every call. */
class Polls {
  readonly calls: string[] = []
  private readonly waiting: ((result: Result) => void)[] = []
  /** When set, polls answer at once with this instead of waiting. */
  auto: Result | null = { status: 'ok', retryAfterMs: null }

  poll = (accountId: string): Promise<Result> => {
    this.calls.push(accountId)
    if (this.auto) return Promise.resolve(this.auto)
    return new Promise<Result>((resolve) => this.waiting.push(resolve))
  }

  answer(result: Result = { status: 'ok', retryAfterMs: null }): void {
    const next = this.waiting.shift()
    if (!next) throw new Error('no poll is waiting')
    next(result)
  }
}

function setup(accounts: ScheduledAccount[], random = 0.5): { clock: FakeClock; polls: Polls; poller: Poller<Result>; accounts: ScheduledAccount[]; errors: unknown[] } {
  const clock = new FakeClock()
  const polls = new Polls()
  const errors: unknown[] = []
  const poller = new Poller<Result>({
    clock,
    random: () => random,
    accounts: () => accounts,
    poll: polls.poll,
    onError: (_id, error) => errors.push(error)
  })
  return { clock, polls, poller, accounts, errors }
}

const MIN = 60_000

describe('Poller', () => {
  it('polls never-polled accounts at once, then every interval', async () => {
    const { clock, polls, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    poller.start()
    expect(clock.pending()).toEqual([0])

    await clock.advance(0)
    expect(polls.calls).toEqual(['a'])
    expect(clock.pending()).toEqual([15 * MIN])

    await clock.advance(15 * MIN - 1)
    expect(polls.calls).toEqual(['a'])
    await clock.advance(1)
    expect(polls.calls).toEqual(['a', 'a'])
  })

  it('an account polled recently waits for the rest of its interval; an overdue one polls at once', async () => {
    const now = clock0()
    const { clock, polls, poller } = setup([
      { id: 'recent', pollIntervalMinutes: 15, lastFinishedAt: now - 5 * MIN },
      { id: 'overdue', pollIntervalMinutes: 15, lastFinishedAt: now - 60 * MIN }
    ])
    poller.start()
    expect(clock.pending()).toEqual([0, 10 * MIN])

    await clock.advance(0)
    expect(polls.calls).toEqual(['overdue'])
    await clock.advance(10 * MIN - 1)
    expect(polls.calls).toEqual(['overdue'])
    await clock.advance(1)
    expect(polls.calls).toEqual(['overdue', 'recent'])
  })

  it('never runs two polls of one account at once: a second pollNow joins the one in flight', async () => {
    const { polls, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    polls.auto = null

    const first = poller.pollNow('a')
    const second = poller.pollNow('a')
    expect(second).toBe(first)
    expect(poller.isPolling('a')).toBe(true)
    expect(polls.calls).toEqual(['a'])

    polls.answer({ status: 'ok', retryAfterMs: null })
    await expect(first).resolves.toEqual({ status: 'ok', retryAfterMs: null })
    await expect(second).resolves.toEqual({ status: 'ok', retryAfterMs: null })
    expect(poller.isPolling('a')).toBe(false)

    // Once finished, a new refresh is a new poll.
    const third = poller.pollNow('a')
    expect(third).not.toBe(first)
    expect(polls.calls).toEqual(['a', 'a'])
    polls.answer()
    await third
  })

  it('a timer that falls due while a refresh is in flight joins it instead of polling again', async () => {
    const { clock, polls, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    polls.auto = null
    poller.start()
    const refresh = poller.pollNow('a')
    await clock.advance(0) // the start-up timer fires now
    expect(polls.calls).toEqual(['a'])
    polls.answer()
    await refresh
    await settle()
    expect(clock.pending()).toEqual([15 * MIN])
  })

  it('different accounts poll independently and concurrently', async () => {
    const { polls, poller } = setup([
      { id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null },
      { id: 'b', pollIntervalMinutes: 15, lastFinishedAt: null }
    ])
    polls.auto = null
    const a = poller.pollNow('a')
    const b = poller.pollNow('b')
    expect(polls.calls).toEqual(['a', 'b'])
    polls.answer()
    polls.answer()
    await Promise.all([a, b])
  })

  it('backs off with jitter after transient failures, and returns to the interval after a success', async () => {
    const { clock, polls, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }], 0.5)
    polls.auto = { status: 'unreachable', retryAfterMs: null }
    poller.start()

    await clock.advance(0)
    expect(clock.pending()).toEqual([0.5 * BACKOFF_BASE_MS]) // ceiling 30 s, random 0.5
    await clock.advance(0.5 * BACKOFF_BASE_MS)
    expect(polls.calls).toHaveLength(2)
    expect(clock.pending()).toEqual([0.5 * BACKOFF_BASE_MS * 2]) // ceiling doubled
    await clock.advance(BACKOFF_BASE_MS)
    expect(polls.calls).toHaveLength(3)
    expect(clock.pending()).toEqual([0.5 * BACKOFF_BASE_MS * 4])

    polls.auto = { status: 'ok', retryAfterMs: null }
    await clock.advance(2 * BACKOFF_BASE_MS)
    expect(polls.calls).toHaveLength(4)
    expect(clock.pending()).toEqual([15 * MIN])

    // The failure count restarted: the next failure backs off from the base again.
    polls.auto = { status: 'provider_error', retryAfterMs: null }
    await clock.advance(15 * MIN)
    expect(clock.pending()).toEqual([0.5 * BACKOFF_BASE_MS])
  })

  it('waits at least Retry-After after a 429', async () => {
    const { clock, polls, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }], 0)
    polls.auto = { status: 'rate_limited', retryAfterMs: 120_000 }
    poller.start()
    await clock.advance(0)
    expect(clock.pending()).toEqual([120_000])
  })

  it('a failure only the user can fix (bad key) waits the full interval, no fast retries', async () => {
    const { clock, polls, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }], 0)
    polls.auto = { status: 'auth_failed', retryAfterMs: null }
    poller.start()
    await clock.advance(0)
    expect(clock.pending()).toEqual([15 * MIN])
  })

  it('stop() cancels every timer; nothing polls afterwards, and a refresh does not reschedule', async () => {
    const { clock, polls, poller } = setup([
      { id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null },
      { id: 'b', pollIntervalMinutes: 5, lastFinishedAt: clock0() }
    ])
    poller.start()
    expect(clock.pending()).toHaveLength(2)
    poller.stop()
    expect(clock.pending()).toEqual([])
    await clock.advance(24 * 60 * MIN)
    expect(polls.calls).toEqual([])

    await poller.pollNow('a')
    await settle()
    expect(polls.calls).toEqual(['a'])
    expect(clock.pending()).toEqual([])
  })

  it('refreshSchedule() picks up a changed interval, a new account and a removed one', async () => {
    const { clock, polls, poller, accounts } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    poller.start()
    await clock.advance(0)
    expect(clock.pending()).toEqual([15 * MIN])

    // The ledger now says: a was polled just now with a 5-minute interval; b is new.
    accounts[0] = { id: 'a', pollIntervalMinutes: 5, lastFinishedAt: clock.now() }
    accounts.push({ id: 'b', pollIntervalMinutes: 15, lastFinishedAt: null })
    poller.refreshSchedule()
    expect(clock.pending()).toEqual([0, 5 * MIN])
    await clock.advance(5 * MIN)
    expect(polls.calls).toEqual(['a', 'b', 'a'])

    accounts.splice(0, accounts.length)
    poller.refreshSchedule()
    expect(clock.pending()).toEqual([])
  })

  it('refreshSchedule() keeps the Retry-After wait and backoff of accounts that did not change', async () => {
    const { clock, polls, poller, accounts } = setup([{ id: 'limited', pollIntervalMinutes: 15, lastFinishedAt: null }], 0.5)
    polls.auto = { status: 'rate_limited', retryAfterMs: 60 * MIN }
    poller.start()
    await clock.advance(0)
    expect(clock.pending()).toEqual([60 * MIN])
    // What the ledger now says about it: polled just now.
    accounts[0] = { id: 'limited', pollIntervalMinutes: 15, lastFinishedAt: clock.now() }

    // The user adds another account (or edits one): the limited account must still wait the hour.
    accounts.push({ id: 'new', pollIntervalMinutes: 15, lastFinishedAt: null })
    poller.refreshSchedule()
    expect(clock.pending()).toEqual([0, 60 * MIN])
    await clock.advance(59 * MIN)
    expect(polls.calls).toEqual(['limited', 'new'])
  })

  it('refreshSchedule() during a poll leaves that account to be scheduled when it finishes', async () => {
    const { clock, polls, poller, accounts } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    polls.auto = null
    poller.start()
    await clock.advance(0)
    accounts.push({ id: 'b', pollIntervalMinutes: 15, lastFinishedAt: clock.now() })
    poller.refreshSchedule()
    expect(clock.pending()).toEqual([15 * MIN]) // b only; a is in flight
    polls.answer()
    await settle()
    expect(clock.pending()).toEqual([15 * MIN, 15 * MIN])
    expect(polls.calls).toEqual(['a'])
  })

  it('refreshSchedule() before start() schedules nothing (the CLI polls on demand only)', () => {
    const { clock, poller } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    poller.refreshSchedule()
    expect(clock.pending()).toEqual([])
  })

  it('an account removed while its poll is in flight is not rescheduled', async () => {
    const { clock, polls, poller, accounts } = setup([{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }])
    polls.auto = null
    poller.start()
    await clock.advance(0)
    accounts.splice(0, 1)
    polls.answer()
    await settle()
    expect(clock.pending()).toEqual([])
  })

  it('a poll that throws is reported and the account is tried again after its interval', async () => {
    const { clock, errors } = setup([])
    const failing = new Poller<Result>({
      clock,
      random: () => 0.5,
      accounts: () => [{ id: 'a', pollIntervalMinutes: 15, lastFinishedAt: null }],
      poll: () => Promise.reject(new Error('disk full')),
      onError: (_id, error) => errors.push(error)
    })
    failing.start()
    await clock.advance(0)
    expect((errors[0] as Error).message).toBe('disk full')
    expect(failing.isPolling('a')).toBe(false)
    expect(clock.pending()).toEqual([15 * MIN])
  })

  it('after each poll it asks for that one account\'s interval, not for every account (refreshing n accounts is not n² reads)', async () => {
    const clock = new FakeClock()
    const polls = new Polls()
    const all: ScheduledAccount[] = Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, pollIntervalMinutes: 15, lastFinishedAt: null }))
    let listings = 0
    const asked: string[] = []
    const poller = new Poller<Result>({
      clock,
      random: () => 0.5,
      accounts: () => (listings++, all),
      intervalMinutesOf: (id) => (asked.push(id), id === 'a7' ? 60 : 15),
      poll: polls.poll
    })
    poller.start()
    await clock.advance(0)

    expect(polls.calls).toHaveLength(50)
    expect(listings).toBe(1)
    expect(asked).toHaveLength(50)
    // a7's own interval, read after its poll: its next poll is an hour away.
    await clock.advance(15 * MIN)
    expect(polls.calls.filter((id) => id === 'a7')).toHaveLength(1)
    expect(polls.calls).toHaveLength(99)
  })
})

function clock0(): number {
  return Date.parse('2026-11-21T12:00:00.000Z')
}
