/** What the gate starts and stops (the core's poller). */
export interface Startable {
  start(): void
  stop(): void
}

/**
 * Runs the poller only while it can do useful work: the app is ready, the machine is awake and
 * online. Sleep and offline stop the timers (no wasted wake-ups, no burst of "unreachable" when
 * the lid opens); each start re-reads every account's last poll, so overdue accounts poll at once.
 * Calls `start`/`stop` only when the combined state changes.
 */
export class PollingGate {
  private enabled = false
  private suspended = false
  private online: boolean
  private running = false

  constructor(
    private readonly poller: Startable,
    initiallyOnline = true
  ) {
    this.online = initiallyOnline
  }

  /** The app is ready: polling may begin. */
  enable(): void {
    this.enabled = true
    this.apply()
  }

  /** App quit: stop for good (until {@link enable}). */
  disable(): void {
    this.enabled = false
    this.apply()
  }

  setSuspended(suspended: boolean): void {
    this.suspended = suspended
    this.apply()
  }

  setOnline(online: boolean): void {
    this.online = online
    this.apply()
  }

  /** True while the poller has been started and not stopped. */
  isRunning(): boolean {
    return this.running
  }

  private apply(): void {
    const shouldRun = this.enabled && !this.suspended && this.online
    if (shouldRun === this.running) return
    this.running = shouldRun
    if (shouldRun) this.poller.start()
    else this.poller.stop()
  }
}
