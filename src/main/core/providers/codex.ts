import { codexFormat } from '../local-logs/formats'
import { localAgentAdapter } from '../local-logs/local-agent-adapter'
import { codexDirs } from '../local-logs/log-dirs'

/**
 * Codex (issue 12): token counts from Codex's session logs on this computer, read incrementally;
 * a ChatGPT Plus/Pro subscription's use, valued at OpenAI's API prices.
 * Format, fork and sub-agent replay rules: local-logs/codex-lines.ts.
 */
export const codexAdapter = localAgentAdapter({ id: 'codex', name: 'Codex', format: codexFormat, dirs: codexDirs })
