import { CLAUDE_CODE_MARKER, parseClaudeCodeLine } from './claude-code-lines'
import { CODEX_MARKERS, flushHeldTurn, initialCodexState, parseCodexLine, restoreCodexState } from './codex-lines'
import type { LogFormat } from './scan-logs'

/** Claude Code: every `*.jsonl` under its projects folders (sessions and their sub-agent folders). */
export const claudeCodeFormat: LogFormat = {
  isLogFile: (name) => name.endsWith('.jsonl'),
  markers: [CLAUDE_CODE_MARKER],
  parser: () => ({
    line: (value) => [parseClaudeCodeLine(value)],
    flush: () => [],
    // Each Claude Code line stands alone: nothing to carry between polls.
    state: () => '{}'
  })
}

/** Codex: `rollout-*.jsonl` session files (sessions/YYYY/MM/DD/ and archived_sessions/). */
export const codexFormat: LogFormat = {
  isLogFile: (name) => name.startsWith('rollout-') && name.endsWith('.jsonl'),
  markers: CODEX_MARKERS,
  parser: (saved) => {
    const state = saved === null ? initialCodexState() : restoreCodexState(saved)
    return {
      line: (value) => parseCodexLine(value, state),
      flush: (modifiedMs) => flushHeldTurn(state, modifiedMs),
      state: () => JSON.stringify(state)
    }
  }
}
