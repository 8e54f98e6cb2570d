import { claudeCodeFormat } from '../local-logs/formats'
import { localAgentAdapter } from '../local-logs/local-agent-adapter'
import { claudeCodeDirs } from '../local-logs/log-dirs'

/**
 * Claude Code (issue 12): token counts from Claude Code's transcripts on this computer, read
 * incrementally; a Claude Pro/Max subscription's use, valued at Anthropic's API prices.
 * Format and dedupe rules: local-logs/claude-code-lines.ts.
 */
export const claudeCodeAdapter = localAgentAdapter({ id: 'claude-code', name: 'Claude Code', format: claudeCodeFormat, dirs: claudeCodeDirs })
