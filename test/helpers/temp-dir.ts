import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** Creates a fresh, empty directory under the OS temp folder. */
export async function makeTempDir(prefix = 'coffer-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

/** Removes a directory made by {@link makeTempDir}, with everything in it. */
export async function removeTempDir(dir: string): Promise<void> {
  // Retries cover SQLite's -wal/-shm files on slow filesystems being released a moment late.
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 })
}

/**
 * Gives each test of the enclosing suite its own temp directory, removed after the test.
 *
 * @returns a getter for the current test's directory (call it inside a test or hook).
 */
export function useTempDir(prefix?: string): () => string {
  let dir: string | null = null
  beforeEach(async () => {
    dir = await makeTempDir(prefix)
  })
  afterEach(async () => {
    if (dir) await removeTempDir(dir)
    dir = null
  })
  return () => {
    if (!dir) throw new Error('useTempDir(): the directory exists only while a test runs')
    return dir
  }
}
