import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountRecord } from '../../../../../src/main/core/ledger/accounts-repo'
import { watchLocalLogs, type LogWatch } from '../../../../../src/main/core/local-logs/log-watcher'
import { useTempDir } from '../../../../helpers/temp-dir'

const tempDir = useTempDir('coffer-log-watch-')
const watches: LogWatch[] = []
afterEach(async () => {
  for (const watch of watches.splice(0)) await watch.close()
})

const account = (id: string, provider: string, dir: string): AccountRecord =>
  ({ id, provider, label: id, baseUrl: null, options: { dir }, pollIntervalMinutes: 15, keyHint: null, createdAt: '2026-11-21T00:00:00.000Z' }) as AccountRecord

async function until(check: () => boolean, ms = 8_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('watching the agents’ log folders', () => {
  it('reads an account once after a burst of appended lines, and only the account whose folder changed', async () => {
    const claude = join(tempDir(), 'claude')
    const codex = join(tempDir(), 'codex')
    await mkdir(join(claude, 'p'), { recursive: true })
    await mkdir(codex, { recursive: true })
    await writeFile(join(claude, 'p', 's.jsonl'), '{}\n')
    const polls: string[] = []
    const watch = watchLocalLogs({
      accounts: () => [account('acc_claude', 'claude-code', claude), account('acc_codex', 'codex', codex), account('acc_other', 'openai', claude)],
      poll: async (id) => {
        polls.push(id)
      },
      debounceMs: 300
    })
    watches.push(watch)
    await watch.refresh()
    await until(() => watch.mode() === 'native')
    // chokidar reports readiness asynchronously: give it a moment before writing.
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (let i = 0; i < 5; i += 1) await appendFile(join(claude, 'p', 's.jsonl'), `{"n":${i}}\n`)
    await until(() => polls.length > 0)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(polls).toEqual(['acc_claude'])

    // A new session file in a new project folder is picked up too; files that are not logs are not.
    await writeFile(join(claude, 'notes.txt'), 'x')
    await mkdir(join(claude, 'q'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await writeFile(join(claude, 'q', 'new.jsonl'), '{}\n')
    await until(() => polls.length > 1)
    expect(polls).toEqual(['acc_claude', 'acc_claude'])
  })

  it('watches nothing (and costs nothing) without Claude Code or Codex accounts or folders', async () => {
    const watch = watchLocalLogs({ accounts: () => [account('acc_codex', 'codex', join(tempDir(), 'missing'))], poll: async () => undefined })
    watches.push(watch)
    await watch.refresh()
    expect(watch.mode()).toBe('idle')
  })
})
