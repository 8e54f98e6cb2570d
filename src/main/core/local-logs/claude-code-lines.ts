import { asRecord, asText, GARBAGE, SKIP, tokenCount, utcDay, type LineResult } from './usage-event'

/**
 * One line of a Claude Code transcript (`~/.claude/projects/<project>/<session>.jsonl`).
 *
 * The shape, as ccusage reads it (github.com/ryoppippi/ccusage, rust/crates/ccusage/src/types.rs
 * `UsageEntry`/`TokenUsageRaw`, and adapter/claude/README.md):
 * `{ "timestamp", "requestId", "isSidechain", "message": { "id", "model", "usage": {
 * "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens",
 * "cache_creation": { "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens" } } } }`.
 * `input_tokens` excludes cache reads and writes. When `cache_creation` is present its 5-minute
 * and 1-hour parts are the cache writes, else `cache_creation_input_tokens` (types.rs
 * `cache_creation_token_count`). Claude Code writes one line per content block of a response, each
 * repeating the message's usage, and resumed or side conversations replay earlier messages: one
 * (`message.id`, `requestId`) pair is one request (ccusage adapter/claude/mod.rs `usage_dedupe_hash`).
 * `<synthetic>` messages are Claude Code's own, not a model's (ccusage skips them).
 *
 * Everything else on the line (the message's content: prompts, answers, tool output) is never read.
 */
export function parseClaudeCodeLine(line: Record<string, unknown>): LineResult {
  const message = asRecord(line.message)
  const usage = asRecord(message?.usage)
  if (!message || !usage) return SKIP
  const model = asText(message.model)
  if (model === '<synthetic>') return SKIP
  const input = tokenCount(usage.input_tokens)
  const output = tokenCount(usage.output_tokens)
  const day = utcDay(line.timestamp)
  // A usage block without its two required counts, or a line without a time, cannot be counted.
  if (input === null || output === null || day === null) return GARBAGE
  const breakdown = asRecord(usage.cache_creation)
  const cacheWrite = breakdown
    ? (tokenCount(breakdown.ephemeral_5m_input_tokens) ?? 0) + (tokenCount(breakdown.ephemeral_1h_input_tokens) ?? 0)
    : tokenCount(usage.cache_creation_input_tokens) ?? 0
  const cacheRead = tokenCount(usage.cache_read_input_tokens) ?? 0
  const messageId = asText(message.id)
  const requestId = asText(line.requestId)
  // Without ids (very old transcripts) the line's own figures identify it, so a re-read file
  // still counts it once.
  const key = messageId ? `c:${messageId}\u0000${requestId ?? ''}` : `c:t\u0000${String(line.timestamp)}\u0000${model ?? ''}\u0000${input}/${output}/${cacheWrite}/${cacheRead}`
  return {
    kind: 'event',
    event: {
      key,
      messageId,
      sidechain: line.isSidechain === true,
      day,
      model: model ?? 'unknown',
      input,
      output,
      cacheWrite,
      cacheRead,
      reasoning: 0
    }
  }
}

/** Bytes every Claude Code line with token counts contains: lines without them are not parsed. */
export const CLAUDE_CODE_MARKER = Buffer.from('"usage"')
