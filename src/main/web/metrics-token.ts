import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The file in the data folder that holds the `/metrics` bearer token. */
export const METRICS_TOKEN_FILE = 'metrics-token'

/** Where the metrics token of the data folder `dataDir` lives. */
export function metricsTokenPath(dataDir: string): string {
  return join(dataDir, METRICS_TOKEN_FILE)
}

/**
 * The `/metrics` bearer token of a data folder, created on first use (32 random bytes, base64url,
 * in a file only its owner may read). It is stable across restarts so a Prometheus scrape config
 * can hold it (`authorization.credentials_file`), and it is not the dashboard's token: the
 * dashboard's is new at each start and opens the UI, this one opens `/metrics` and nothing else.
 * Delete the file to rotate it.
 */
export function readOrCreateMetricsToken(dataDir: string): string {
  const path = metricsTokenPath(dataDir)
  const existing = readToken(path)
  if (existing !== null) return existing
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  try {
    // 'wx': two processes starting at once must not each write their own token.
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  chmodSync(path, 0o600)
  const created = readToken(path)
  if (created === null) throw new Error(`The metrics token file ${path} is empty: delete it and start again.`)
  return created
}

function readToken(path: string): string | null {
  try {
    const token = readFileSync(path, 'utf8').trim()
    return token === '' ? null : token
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
