import { stat } from 'node:fs/promises'
import { sep } from 'node:path'
import type { FSWatcher } from 'chokidar'
import type { AccountRecord } from '../ledger/accounts-repo'
import { claudeCodeDirs, codexDirs, processEnvironment, type LogEnvironment } from './log-dirs'

/** How each local agent's account finds its folders (the same as its adapter). */
const DIRS: Readonly<Record<string, (dir: string | undefined, environment: LogEnvironment) => string[]>> = {
  'claude-code': claudeCodeDirs,
  codex: codexDirs
}

export interface LogWatchOptions {
  /** Every account (only Claude Code and Codex ones are watched). */
  accounts: () => readonly AccountRecord[]
  /** Reads an account's new lines (the poller's "poll now", which joins a poll in flight). */
  poll: (accountId: string) => Promise<unknown>
  /** Quiet time after the last change before reading: an agent writes many lines per answer. */
  debounceMs?: number
  /** How often the set of folders is looked at again (accounts added, folders created). */
  refreshMs?: number
  /** Poll interval of the fallback when the system refuses more file watches. */
  fallbackIntervalMs?: number
  environment?: () => LogEnvironment
  onError?: (error: unknown) => void
}

/** A running watch over the agents' log folders. */
export interface LogWatch {
  /** Looks at the accounts and folders again now (after an account was added or changed). */
  refresh(): Promise<void>
  close(): Promise<void>
  /** `native` (inotify/FSEvents: no CPU while nothing changes) or `polling` (the fallback). */
  mode(): 'native' | 'polling' | 'idle'
}

/**
 * Picks up new log lines while the app or `coffer serve` runs (issue 12.5): chokidar watches the
 * Claude Code and Codex folders with the operating system's file events, so nothing runs while
 * nothing changes; a burst of writes is debounced into one read of the account. When the system
 * refuses more watches (Linux's inotify limit: ENOSPC / EMFILE), the watch falls back to stat
 * polling every `fallbackIntervalMs` (30 s: new lines still show within a minute).
 */
export function watchLocalLogs(options: LogWatchOptions): LogWatch {
  const debounceMs = options.debounceMs ?? 5_000
  const environment = options.environment ?? processEnvironment
  let watcher: FSWatcher | null = null
  let watched = new Map<string, string[]>() // folder → account ids
  let polling = false
  let closed = false
  const timers = new Map<string, NodeJS.Timeout>()

  const schedule = (accountId: string): void => {
    const previous = timers.get(accountId)
    if (previous) clearTimeout(previous)
    const timer = setTimeout(() => {
      timers.delete(accountId)
      options.poll(accountId).catch((error: unknown) => options.onError?.(error))
    }, debounceMs)
    timer.unref()
    timers.set(accountId, timer)
  }

  const onFile = (path: string): void => {
    if (!path.endsWith('.jsonl')) return
    for (const [dir, accounts] of watched) {
      if (path === dir || path.startsWith(dir + sep)) for (const id of accounts) schedule(id)
    }
  }

  let generation = 0
  const start = async (dirs: string[], mine: number): Promise<void> => {
    // Loaded on first use: only a long-running app or `coffer serve` with a Claude Code or Codex
    // account watches, and every other command would pay for chokidar at start.
    const { watch } = await import('chokidar')
    // Closed, or restarted again, while chokidar loaded: that later start watches, not this one.
    if (closed || mine !== generation) return
    watcher = watch(dirs, {
      ignoreInitial: true,
      followSymlinks: false,
      usePolling: polling,
      interval: options.fallbackIntervalMs ?? 30_000,
      // Only log files and the folders above them matter; other files are never watched.
      ignored: (path, stats) => stats !== undefined && stats.isFile() && !path.endsWith('.jsonl')
    })
    watcher.on('add', onFile)
    watcher.on('change', onFile)
    watcher.on('error', (error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code
      if (!polling && (code === 'ENOSPC' || code === 'EMFILE')) {
        polling = true
        void restart()
      } else options.onError?.(error)
    })
  }

  const restart = async (): Promise<void> => {
    const mine = ++generation
    const previous = watcher
    watcher = null
    await previous?.close()
    if (!closed && watched.size > 0) await start([...watched.keys()], mine)
  }

  const refresh = async (): Promise<void> => {
    const next = new Map<string, string[]>()
    for (const account of options.accounts()) {
      const dirsOf = DIRS[account.provider]
      if (!dirsOf) continue
      for (const dir of dirsOf(account.options.dir, environment())) {
        if (!(await isDirectory(dir))) continue
        next.set(dir, [...(next.get(dir) ?? []), account.id])
      }
    }
    const same = next.size === watched.size && [...next].every(([dir, ids]) => watched.get(dir)?.join() === ids.join())
    watched = next
    if (!same || (watcher === null && next.size > 0)) await restart()
  }

  const refreshTimer = setInterval(() => {
    refresh().catch((error: unknown) => options.onError?.(error))
  }, options.refreshMs ?? 60_000)
  refreshTimer.unref()
  refresh().catch((error: unknown) => options.onError?.(error))

  return {
    refresh,
    mode: () => (watcher === null ? 'idle' : polling ? 'polling' : 'native'),
    async close() {
      closed = true
      clearInterval(refreshTimer)
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      await watcher?.close()
      watcher = null
    }
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
