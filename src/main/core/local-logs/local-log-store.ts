import type { Database } from 'better-sqlite3'
import { cached } from '../ledger/statements'
import { accountNo, lineNameId } from '../ledger/line-keys'
import type { UsageEvent } from './usage-event'
import { DayPrices, revalue } from './value-lines'

/** How far one log file was read (a `local_log_files` row). */
export interface FileMark {
  path: string
  /** Byte offset of the first line not yet handled. */
  offset: number
  /** The file's size when it was last read. */
  size: number
  /** How many of the file's first bytes `headHash` covers. */
  headLength: number
  /** SHA-256 of those bytes: when they change, the file was replaced and is read again from its start. */
  headHash: string
  /** The parser's state at `offset` (Codex: cumulative totals and model). */
  stateJson: string
  garbageLines: number
}

/** What one commit did. */
export interface CommitCounts {
  /** Requests counted for the first time. */
  counted: number
  /** Copies of requests already counted (replays, duplicates, re-read lines). */
  duplicates: number
}

interface SeenRow {
  day: string
  model: string
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
  reasoning: number
}

/**
 * The ledger side of reading local logs for one account. Each {@link commit} is one transaction:
 * the usage a batch of lines adds, the requests it marks as counted, their value lines, and the
 * file's new offset, together, so a crash or a second process can never count a line twice.
 */
export class LocalLogStore {
  private readonly prices: DayPrices

  constructor(
    private readonly db: Database,
    private readonly accountId: string,
    private readonly provider: string
  ) {
    this.prices = new DayPrices(db)
  }

  /** Every file of the account read so far, by path. */
  files(): Map<string, FileMark> {
    const rows = cached(
      this.db,
      `SELECT path, offset_bytes AS offset, size_bytes AS size, head_length AS headLength, head_hash AS headHash,
         state_json AS stateJson, garbage_lines AS garbageLines
       FROM local_log_files WHERE account_id = ?`
    ).all(this.accountId) as FileMark[]
    return new Map(rows.map((row) => [row.path, row]))
  }

  /**
   * Counts `events` (each request once), adds `garbage` unreadable lines to the file's tally and
   * moves its mark to `mark`, in one transaction. `restart` = the file was truncated or replaced
   * and is being read from its start: its unreadable-line tally starts again.
   */
  commit(mark: Omit<FileMark, 'garbageLines'>, events: readonly UsageEvent[], garbage: number, restart: boolean, at: string): CommitCounts {
    return this.db.transaction(() => {
      const counts: CommitCounts = { counted: 0, duplicates: 0 }
      const touched = new Map<string, { day: string; model: string }>()
      for (const event of events) {
        const added = this.apply(event, at)
        if (added === true) counts.counted += 1
        else counts.duplicates += 1
        const line = added === true ? event : added
        if (line) touched.set(`${line.day}\u0000${line.model}`, line)
      }
      for (const { day, model } of touched.values()) revalue(this.db, this.accountId, this.provider, day, model, this.prices, at)
      cached(
        this.db,
        `INSERT INTO local_log_files (account_id, path, offset_bytes, size_bytes, head_length, head_hash, state_json, garbage_lines, updated_at)
         VALUES (@account, @path, @offset, @size, @headLength, @headHash, @stateJson, @garbage, @at)
         ON CONFLICT (account_id, path) DO UPDATE SET
           offset_bytes = excluded.offset_bytes, size_bytes = excluded.size_bytes, head_length = excluded.head_length,
           head_hash = excluded.head_hash, state_json = excluded.state_json, updated_at = excluded.updated_at,
           garbage_lines = CASE WHEN @restart THEN excluded.garbage_lines ELSE local_log_files.garbage_lines + excluded.garbage_lines END`
      ).run({ account: this.accountId, ...mark, garbage, restart: restart ? 1 : 0, at })
      return counts
    })()
  }

  /**
   * Counts one request. Returns `true` when it is new, the (day, model) whose usage grew when a
   * later copy of a streamed message carries more tokens than the copy counted (Claude Code writes
   * a message's usage on each of its content blocks; ccusage keeps the largest), `null` otherwise.
   */
  private apply(event: UsageEvent, at: string): true | SeenRow | null {
    const seen = cached(
      this.db,
      `SELECT day, model, input_tokens AS input, output_tokens AS output, cache_write_tokens AS cacheWrite,
         cache_read_tokens AS cacheRead, reasoning_tokens AS reasoning
       FROM local_log_seen WHERE account_id = ? AND key = ?`
    ).get(this.accountId, event.key) as SeenRow | undefined
    if (!seen) {
      // A side conversation replays its parent's messages under new request ids (ccusage
      // adapter/claude/README.md, "Sidechain entries"): its copy of a counted message is not a request.
      if (event.sidechain && event.messageId && this.messageCounted(event.messageId)) return null
      cached(
        this.db,
        `INSERT INTO local_log_seen (account_id, key, day, model, input_tokens, output_tokens, cache_write_tokens, cache_read_tokens, reasoning_tokens)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(this.accountId, event.key, event.day, event.model, event.input, event.output, event.cacheWrite, event.cacheRead, event.reasoning)
      this.addUsage(event.day, event.model, event, 1, at)
      return true
    }
    const grown = {
      input: Math.max(0, event.input - seen.input),
      output: Math.max(0, event.output - seen.output),
      cacheWrite: Math.max(0, event.cacheWrite - seen.cacheWrite),
      cacheRead: Math.max(0, event.cacheRead - seen.cacheRead),
      reasoning: Math.max(0, event.reasoning - seen.reasoning)
    }
    if (grown.input + grown.output + grown.cacheWrite + grown.cacheRead + grown.reasoning === 0) return null
    cached(
      this.db,
      `UPDATE local_log_seen SET input_tokens = input_tokens + ?, output_tokens = output_tokens + ?, cache_write_tokens = cache_write_tokens + ?,
         cache_read_tokens = cache_read_tokens + ?, reasoning_tokens = reasoning_tokens + ? WHERE account_id = ? AND key = ?`
    ).run(grown.input, grown.output, grown.cacheWrite, grown.cacheRead, grown.reasoning, this.accountId, event.key)
    this.addUsage(seen.day, seen.model, grown, 0, at)
    return seen
  }

  private messageCounted(messageId: string): boolean {
    const prefix = `c:${messageId}\u0000`
    return cached(this.db, 'SELECT 1 FROM local_log_seen WHERE account_id = ? AND key >= ? AND key < ? LIMIT 1').get(this.accountId, prefix, `c:${messageId}\u0001`) !== undefined
  }

  private addUsage(day: string, model: string, tokens: Omit<SeenRow, 'day' | 'model'>, requests: number, at: string): void {
    cached(
      this.db,
      `INSERT INTO usage_facts (account_no, day, model_id, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens, requests, source, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', ?)
       ON CONFLICT (account_no, day, model_id) DO UPDATE SET
         input_tokens = usage_facts.input_tokens + excluded.input_tokens, output_tokens = usage_facts.output_tokens + excluded.output_tokens,
         cached_input_tokens = usage_facts.cached_input_tokens + excluded.cached_input_tokens,
         cache_write_tokens = usage_facts.cache_write_tokens + excluded.cache_write_tokens,
         reasoning_tokens = usage_facts.reasoning_tokens + excluded.reasoning_tokens,
         requests = usage_facts.requests + excluded.requests, source = 'local', updated_at = excluded.updated_at`
    ).run(accountNo(this.db, this.accountId), day, lineNameId(this.db, model), tokens.input, tokens.output, tokens.cacheRead, tokens.cacheWrite, tokens.reasoning, requests, at)
  }
}
