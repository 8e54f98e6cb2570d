import { accessSync, constants } from 'node:fs'
import { createServer } from 'node:net'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe } from 'vitest'

/** docs/monitoring: the shipped scrape config, alerting rules and Grafana dashboard. */
export const monitoringDir = fileURLToPath(new URL('../../docs/monitoring', import.meta.url))

/** The absolute path of an executable on PATH, or `null`. */
export function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return null
}

/**
 * `describe` for suites that run Debian's `prometheus` package (`prometheus`, `promtool`). When a
 * binary is missing the suite is registered as skipped with the reason in its name, and the reason
 * is printed: never a silent pass. `.ci/run` installs the package.
 */
export function describeWithBinaries(names: readonly string[], name: string, body: () => void): void {
  const missing = names.filter((binary) => findOnPath(binary) === null)
  if (missing.length === 0) {
    describe(name, body)
    return
  }
  const reason = `${missing.join(' and ')} not found on PATH (Debian package "prometheus": apt-get install prometheus; .ci/run installs it)`
  console.warn(`[coffer tests] SKIPPING "${name}": ${reason}`)
  describe.skip(`${name} [skipped: ${reason}]`, body)
}

/** A TCP port free on 127.0.0.1 right now (for a child process that needs a fixed one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Replaces `find` in `text` (it must occur: a changed shipped file should fail the test that
 * adapts it, not be silently left as it is).
 */
export function replaceOnce(text: string, find: string | RegExp, replacement: string): string {
  const found = typeof find === 'string' ? text.includes(find) : find.test(text)
  if (!found) throw new Error(`expected to find ${String(find)} in the shipped file`)
  return text.replace(find, replacement)
}
