/**
 * Wraps `read` so that overlapping calls share one run. A call while a read is under way returns
 * that run's promise and asks for one more read after it, so the data is never older than the
 * last call; a burst of N change events costs two reads, not N. `read` must not throw.
 */
export function coalesced(read: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  return () => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await read()
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }
}
