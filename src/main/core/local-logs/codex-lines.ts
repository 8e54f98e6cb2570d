import { asRecord, asText, GARBAGE, SKIP, tokenCount, utcDay, type LineResult, type UsageEvent } from './usage-event'

/**
 * Codex session logs: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl` (and `archived_sessions/`).
 *
 * Shapes, from Codex's own protocol (github.com/openai/codex, codex-rs/protocol/src/protocol.rs:
 * `TokenCountEvent { info: Option<TokenUsageInfo>, rate_limits }`, `TokenUsageInfo {
 * total_token_usage, last_token_usage, model_context_window }`, `TokenUsage { input_tokens,
 * cached_input_tokens, output_tokens, reasoning_output_tokens, total_tokens }`) and from how
 * ccusage reads the rollout lines (github.com/ryoppippi/ccusage,
 * rust/crates/ccusage/src/adapter/codex/{README.md,parser.rs,loader.rs}):
 * - `{"timestamp", "type": "turn_context", "payload": {"model", …}}` sets the model of later turns;
 * - `{"timestamp", "type": "event_msg", "payload": {"type": "token_count", "info": {…}}}` carries
 *   `last_token_usage` (this turn) and `total_token_usage` (the session so far); with only the
 *   total, this turn = total − previous total.
 * - `input_tokens` includes `cached_input_tokens`; `output_tokens` includes
 *   `reasoning_output_tokens` (ccusage README: "already included in output billing").
 * - Forked / branched sessions copy their parent's token_count lines with their original times:
 *   one fingerprint (time, model, every count) is one turn (ccusage #989, #1156, #1237).
 * - Sub-agent sessions (`thread_spawn` in their `session_meta`) replay the parent's token_count
 *   history first, every copy stamped with the sub-agent's creation second: when the first two
 *   token_count lines share a second, lines of that second are the replay and are skipped, their
 *   totals kept as the baseline (ccusage #1218, the $33,780-for-$16 report in #1349).
 */

interface CodexTotals {
  input: number
  cached: number
  output: number
  reasoning: number
  total: number
}

interface PendingTurn {
  timestamp: string | number
  second: string
  last: CodexTotals | null
  total: CodexTotals | null
  model: string | null
}

/** What the reader must remember between polls to carry on mid-file (kept in the ledger as JSON). */
export interface CodexFileState {
  model: string | null
  totals: CodexTotals | null
  subagent: boolean
  /** Sub-agent replay detection: before the first token_count, holding it, skipping a replay, done. */
  phase: 'first' | 'second' | 'replay' | 'done'
  replaySecond: string | null
  pending: PendingTurn | null
}

export function initialCodexState(): CodexFileState {
  return { model: null, totals: null, subagent: false, phase: 'first', replaySecond: null, pending: null }
}

/** A stored state, or a fresh one when it is missing or from another version. */
export function restoreCodexState(json: string): CodexFileState {
  try {
    const value = asRecord(JSON.parse(json))
    if (value && typeof value.phase === 'string' && typeof value.subagent === 'boolean') return { ...initialCodexState(), ...(value as Partial<CodexFileState>) }
  } catch {
    // A state Coffer cannot read restarts the file: its turns are deduplicated by fingerprint.
  }
  return initialCodexState()
}

/** Bytes a line Coffer reads contains; other lines are not parsed. */
export const CODEX_MARKERS = [Buffer.from('token_count'), Buffer.from('turn_context'), Buffer.from('thread_spawn')]

/**
 * Handles one parsed line, updating `state`. Returns the turns to count (none, one, or two when a
 * held first turn turns out not to be a replay).
 */
export function parseCodexLine(line: Record<string, unknown>, state: CodexFileState): LineResult[] {
  const payload = asRecord(line.payload)
  if (line.type === 'session_meta') {
    // ccusage probes a file's first 16 KiB for `thread_spawn` (parser.rs
    // `is_codex_subagent_session`); the session_meta lines that say so come before any turn, but
    // can be longer than that (they carry the instructions), so Coffer reads the line itself.
    if (state.phase === 'first' && isSubagentMeta(payload)) state.subagent = true
    return [SKIP]
  }
  if (line.type === 'turn_context') {
    const model = payload ? modelOf(payload) : null
    if (model) state.model = model
    return [SKIP]
  }
  if (line.type !== 'event_msg' || payload?.type !== 'token_count') return [SKIP]
  const info = asRecord(payload.info)
  // `info` is null before the first answer of a session (rate limits only): nothing to count.
  if (!info) return [SKIP]
  const last = info.last_token_usage === undefined || info.last_token_usage === null ? null : totalsOf(info.last_token_usage)
  const total = info.total_token_usage === undefined || info.total_token_usage === null ? null : totalsOf(info.total_token_usage)
  if (last === 'bad' || total === 'bad') return [GARBAGE]
  if (!last && !total) return [SKIP]
  const day = utcDay(line.timestamp)
  if (day === null) return [GARBAGE]
  const turn: PendingTurn = {
    timestamp: line.timestamp as string | number,
    second: secondOf(line.timestamp),
    last,
    total,
    model: modelOf(payload) ?? modelOf(info)
  }
  if (!state.subagent || state.phase === 'done') return [countTurn(turn, state)]
  if (state.phase === 'first') {
    state.pending = turn
    state.phase = 'second'
    return [SKIP]
  }
  if (state.phase === 'second' && state.pending) {
    const pending = state.pending
    state.pending = null
    if (pending.second === turn.second) {
      state.phase = 'replay'
      state.replaySecond = turn.second
      keepBaseline(pending, state)
      keepBaseline(turn, state)
      return [SKIP]
    }
    state.phase = 'done'
    return [countTurn(pending, state), countTurn(turn, state)]
  }
  if (state.phase === 'replay' && turn.second === state.replaySecond) {
    keepBaseline(turn, state)
    return [SKIP]
  }
  state.phase = 'done'
  return [countTurn(turn, state)]
}

/**
 * A sub-agent's first turn is held until the next one shows whether it began a replay. When the
 * file has stopped growing well after that turn (no replay burst follows a minute later), the turn
 * is real and is counted.
 */
export function flushHeldTurn(state: CodexFileState, fileModifiedMs: number): LineResult[] {
  if (state.phase !== 'second' || !state.pending) return []
  const heldAt = Date.parse(state.pending.second)
  if (!Number.isFinite(heldAt) || fileModifiedMs - heldAt < 60_000) return []
  const pending = state.pending
  state.pending = null
  state.phase = 'done'
  return [countTurn(pending, state)]
}

function countTurn(turn: PendingTurn, state: CodexFileState): LineResult {
  const usage = turn.last ?? (turn.total ? subtract(turn.total, state.totals) : null)
  if (turn.total) state.totals = turn.total
  if (!usage) return SKIP
  if (usage.input === 0 && usage.cached === 0 && usage.output === 0 && usage.reasoning === 0) return SKIP
  const model = turn.model ?? state.model ?? 'unknown'
  const cached = Math.min(usage.cached, usage.input)
  const event: UsageEvent = {
    key: `x:${String(turn.timestamp)}\u0000${model}\u0000${usage.input}/${cached}/${usage.output}/${usage.reasoning}/${usage.total}`,
    messageId: null,
    sidechain: false,
    day: utcDay(turn.timestamp) as string,
    model,
    input: usage.input - cached,
    output: usage.output,
    cacheWrite: 0,
    cacheRead: cached,
    reasoning: usage.reasoning
  }
  return { kind: 'event', event }
}

function keepBaseline(turn: PendingTurn, state: CodexFileState): void {
  if (turn.total) state.totals = turn.total
}

function subtract(total: CodexTotals, previous: CodexTotals | null): CodexTotals {
  const minus = (a: number, b: number | undefined): number => Math.max(0, a - (b ?? 0))
  return {
    input: minus(total.input, previous?.input),
    cached: minus(total.cached, previous?.cached),
    output: minus(total.output, previous?.output),
    reasoning: minus(total.reasoning, previous?.reasoning),
    total: minus(total.total, previous?.total)
  }
}

/** A `TokenUsage` object; missing counts are 0 (older Codex builds), wrong ones make the line unreadable. */
function totalsOf(value: unknown): CodexTotals | 'bad' {
  const usage = asRecord(value)
  if (!usage) return 'bad'
  const read = (name: string): number | null => (usage[name] === undefined || usage[name] === null ? 0 : tokenCount(usage[name]))
  const input = read('input_tokens')
  const cached = read('cached_input_tokens')
  const output = read('output_tokens')
  const reasoning = read('reasoning_output_tokens')
  const total = read('total_tokens')
  if (input === null || cached === null || output === null || reasoning === null || total === null) return 'bad'
  return { input, cached, output, reasoning, total: total || input + output }
}

function modelOf(record: Record<string, unknown>): string | null {
  return asText(record.model) ?? asText(record.model_name) ?? asText(asRecord(record.metadata)?.model)
}

function secondOf(timestamp: unknown): string {
  const day = utcDay(timestamp)
  if (day === null) return ''
  const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : (timestamp as number) < 1e11 ? (timestamp as number) * 1000 : (timestamp as number)
  return new Date(ms).toISOString().slice(0, 19)
}

function isSubagentMeta(payload: Record<string, unknown> | null): boolean {
  const subagent = asRecord(asRecord(payload?.source)?.subagent)
  return subagent !== null && 'thread_spawn' in subagent
}
