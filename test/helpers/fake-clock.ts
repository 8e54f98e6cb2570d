import type { PollerClock } from '../../src/main/core/poller/poller'

/** A {@link PollerClock} whose time moves only when the test says so; timers fire in due order. */
export class FakeClock implements PollerClock {
  time: number
  private nextId = 1
  readonly timers = new Map<number, { due: number; callback: () => void }>()

  constructor(start = Date.parse('2026-11-21T12:00:00.000Z')) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++
    this.timers.set(id, { due: this.time + ms, callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number)
  }

  /** Due times of pending timers, relative to now. */
  pending(): number[] {
    return [...this.timers.values()].map((timer) => timer.due - this.time).sort((a, b) => a - b)
  }

  /** Moves time forward, firing every timer that falls due (and letting its promise chain settle). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms
    for (;;) {
      await settle()
      const next = [...this.timers.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due)[0]
      if (!next) break
      this.timers.delete(next[0])
      this.time = next[1].due
      next[1].callback()
    }
    this.time = end
    await settle()
  }
}

/** Lets pending promise callbacks run (the poller chains .then/.finally on each poll). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve))
}

