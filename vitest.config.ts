import { defineConfig } from 'vitest/config'

/**
 * One runner, three projects. Unit and integration tests run in plain Node against real SQLite
 * files, the real keychain and the provider simulator; e2e drives Debian's Chromium against
 * `coffer serve` and needs the renderer built first (`npm test` builds it).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A real browser on a busy 2-core CI machine: one retry, and vitest reports the retried
          // test by name, so flakiness is visible instead of failing a landing. Unit and
          // integration tests get none.
          retry: 1
        }
      }
    ]
  }
})
