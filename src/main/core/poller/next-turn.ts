const waiting: (() => void)[] = []
let pumping = false

function pump(): void {
  waiting.shift()?.()
  // Scheduled from inside the check phase, the next one runs on the loop's next turn, after
  // timers and I/O: one waiter per turn, however many asked at once.
  if (waiting.length > 0) setImmediate(pump)
  else pumping = false
}

/**
 * Resolves on a later turn of the event loop, one caller per turn. Why the poller needs it: when
 * many polls run at once (refresh all), their answers and keychain reads arrive together, and the
 * synchronous work after each (building the redactor, the ingest transaction) would otherwise run
 * back to back, holding a window's input for all of them (a plain `setImmediate` would not do: Node
 * runs every immediate already queued in one go). One piece per turn keeps each stall to one
 * piece (issue 10: event-loop p99 during refresh all).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve)
    if (!pumping) {
      pumping = true
      setImmediate(pump)
    }
  })
}
