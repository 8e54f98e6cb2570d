import { stat } from 'node:fs/promises'
import { emptyFacts, type LedgerFacts } from '../ledger/facts'
import type { PollContext, ProviderAdapter } from '../providers/provider-adapter'
import { ProviderFault } from '../providers/provider-fault'
import { LocalLogStore } from './local-log-store'
import { processEnvironment, type LogEnvironment } from './log-dirs'
import { scanLogs, type LogFormat, type ScanSummary } from './scan-logs'

/** One coding agent whose logs an account reads. */
export interface LocalAgent {
  id: 'claude-code' | 'codex'
  /** The agent's name in sentences. */
  name: string
  format: LogFormat
  /** The folders to read, from the account's `dir` option or the agent's defaults. */
  dirs(dirOption: string | undefined, environment: LogEnvironment): string[]
}

/**
 * A provider that asks nobody: each poll reads the agent's new log lines on this computer into
 * the ledger (usage lines with source `local`, and their API-equivalent value). What it read is
 * committed file by file as it goes (with each file's offset), so the facts it returns are empty
 * but for a warning naming lines it could not read.
 */
export function localAgentAdapter(agent: LocalAgent, environment: () => LogEnvironment = processEnvironment): ProviderAdapter {
  return {
    id: agent.id,
    async poll(context: PollContext): Promise<LedgerFacts> {
      const dirs = agent.dirs(context.account.options.dir, environment())
      if (!context.ledger) {
        // Test connection: say whether the logs are there, read nothing.
        if (!(await anyDirectory(dirs))) throw noFolder(agent, dirs)
        return emptyFacts()
      }
      const store = new LocalLogStore(context.ledger, context.account.id, agent.id)
      const summary = await scanLogs(store, dirs, agent.format, () => context.now)
      if (summary.foundDirs.length === 0) throw noFolder(agent, dirs)
      const facts = emptyFacts()
      const warning = garbageWarning(agent, summary)
      if (warning) facts.warnings = [warning]
      return facts
    }
  }
}

function noFolder(agent: LocalAgent, dirs: readonly string[]): ProviderFault {
  return new ProviderFault(
    'unreachable',
    'no_log_folder',
    `No ${agent.name} log folder found (looked in ${dirs.join(', ')}). Use ${agent.name} on this computer first, or set the account's log folder.`
  )
}

/** "3 lines of the Claude Code logs could not be read and were skipped." (only lines found by this poll). */
export function garbageWarning(agent: Pick<LocalAgent, 'name'>, summary: Pick<ScanSummary, 'garbage'>): string | null {
  if (summary.garbage === 0) return null
  const lines = summary.garbage === 1 ? '1 line' : `${summary.garbage} lines`
  return `${lines} of the ${agent.name} logs could not be read (not JSON, or broken token counts) and ${summary.garbage === 1 ? 'was' : 'were'} skipped.`
}

async function anyDirectory(dirs: readonly string[]): Promise<boolean> {
  for (const dir of dirs) {
    try {
      if ((await stat(dir)).isDirectory()) return true
    } catch {
      // Missing: try the next one.
    }
  }
  return false
}
